package org.conv4j.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.conv4j.kernel.fast.ConvMath;
import org.conv4j.kernel.fast.ConvMaths;
import org.junit.jupiter.api.Test;

/**
 * The depthwise row of both register tile shapes against the scalar one, bit for bit, on rows whose taps read
 * consecutive elements (the windowed path of Note [Depthwise windows], with its shifted windows cut from pairs of
 * vectors and its last vector read past the taps' reach) and rows whose taps do not. Every element the row does
 * not read is NaN, so a lane taken from the wrong place shows; so is the output, so an unwritten element shows.
 */
class DepthwiseRowTest {
    private static final ConvMath SCALAR = ConvMaths.scalar();

    @Test
    void matchesTheScalarRowBitForBit() {
        SplittableRandom r = new SplittableRandom(7);
        for (PanamaConvMath math : new PanamaConvMath[] {new PanamaConvMath5x2(), new PanamaConvMath8x2()}) {
            for (int trial = 0; trial < 600; trial++) {
                int taps = r.nextInt(1, 20);
                int count = r.nextInt(4) == 0 ? r.nextInt(0, 40) : r.nextInt(100, 700);
                boolean consecutive = r.nextInt(4) != 0;
                int step = consecutive ? 1 : r.nextInt(2, 4) * (r.nextBoolean() ? 1 : -1);
                int[] xTaps = new int[taps];
                for (int k = 0; k < taps; k++) {
                    xTaps[k] = (step > 0 ? 0 : -step * (taps - 1)) + k * step;
                }
                int xOff = r.nextInt(0, 20);
                int reach = Arrays.stream(xTaps).max().orElseThrow() + count; // one past the last element read
                int after = r.nextBoolean() ? 0 : r.nextInt(1, 40); // array elements past the reads, maybe none
                double[] x = new double[xOff + reach + after];
                Arrays.fill(x, Double.NaN);
                for (int k = 0; k < taps; k++) {
                    for (int j = 0; j < count; j++) {
                        x[xOff + xTaps[k] + j] = r.nextDouble(-1, 1);
                    }
                }
                double[] w = r.doubles(taps + 3, -1, 1).toArray();
                int wOff = r.nextInt(0, 4);
                int yOff = r.nextInt(0, 5);
                double init = r.nextDouble(-1, 1);
                String what = math.getClass().getSimpleName() + " taps=" + taps + " step=" + step + " count=" + count
                        + " xOff=" + xOff + " after=" + after;
                compareF32(math, count, taps, w, wOff, x, xOff, xTaps, init, yOff, what);
                compareF64(math, count, taps, w, wOff, x, xOff, xTaps, init, yOff, what);
            }
        }
    }

    private static void compareF32(ConvMath math, int count, int taps, double[] w, int wOff, double[] x, int xOff,
            int[] xTaps, double init, int yOff, String what) {
        float[] wf = new float[w.length];
        float[] xf = new float[x.length];
        for (int i = 0; i < w.length; i++) {
            wf[i] = (float) w[i];
        }
        for (int i = 0; i < x.length; i++) {
            xf[i] = (float) x[i];
        }
        float[] expected = new float[yOff + count + 3];
        float[] actual = new float[yOff + count + 3];
        Arrays.fill(expected, Float.NaN);
        Arrays.fill(actual, Float.NaN);
        SCALAR.depthwiseF32(count, taps, wf, wOff, xf, xOff, xTaps, (float) init, expected, yOff);
        math.depthwiseF32(count, taps, wf, wOff, xf, xOff, xTaps, (float) init, actual, yOff);
        for (int i = 0; i < actual.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                fail("float32 " + what + ": y[" + i + "] = " + actual[i] + ", scalar " + expected[i]);
            }
        }
        assertEquals(count, countFinite(actual), what);
    }

    private static void compareF64(ConvMath math, int count, int taps, double[] w, int wOff, double[] x, int xOff,
            int[] xTaps, double init, int yOff, String what) {
        double[] expected = new double[yOff + count + 3];
        double[] actual = new double[yOff + count + 3];
        Arrays.fill(expected, Double.NaN);
        Arrays.fill(actual, Double.NaN);
        SCALAR.depthwiseF64(count, taps, w, wOff, x, xOff, xTaps, init, expected, yOff);
        math.depthwiseF64(count, taps, w, wOff, x, xOff, xTaps, init, actual, yOff);
        for (int i = 0; i < actual.length; i++) {
            if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
                fail("float64 " + what + ": y[" + i + "] = " + actual[i] + ", scalar " + expected[i]);
            }
        }
    }

    private static int countFinite(float[] y) {
        int n = 0;
        for (float v : y) {
            n += Float.isFinite(v) ? 1 : 0;
        }
        return n;
    }
}
