package org.conv4j.simd;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.conv4j.kernel.fast.ConvMath;
import org.conv4j.kernel.fast.ConvMaths;
import org.junit.jupiter.api.Test;

/**
 * The multi-tap dot product (a depthwise weight gradient's row) of both register tile shapes against the scalar
 * one, bit for bit: groups of four taps and single taps, whole vectors and masked tails. Every element of
 * {@code a} and {@code b} the call does not read is NaN, so a lane taken from the wrong place shows; so are the
 * partial sums around the call's own, so a write out of place shows.
 */
class DotTapsTest {
    private static final ConvMath SCALAR = ConvMaths.scalar();

    @Test
    void matchesTheScalarDotBitForBit() {
        SplittableRandom r = new SplittableRandom(11);
        for (PanamaConvMath math : new PanamaConvMath[] {new PanamaConvMath5x2(), new PanamaConvMath8x2()}) {
            for (int trial = 0; trial < 600; trial++) {
                int taps = r.nextInt(1, 18);
                int count = r.nextInt(4) == 0 ? r.nextInt(0, 40) : r.nextInt(100, 700);
                boolean consecutive = r.nextBoolean();
                int[] bTaps = new int[taps];
                for (int k = 0; k < taps; k++) {
                    bTaps[k] = consecutive ? k : r.nextInt(0, 60);
                }
                int aOff = r.nextInt(0, 20);
                int bOff = r.nextInt(0, 20);
                int reach = Arrays.stream(bTaps).max().orElseThrow() + count;
                double[] a = new double[aOff + count + r.nextInt(0, 3)];
                double[] b = new double[bOff + reach + r.nextInt(0, 3)];
                Arrays.fill(a, Double.NaN);
                Arrays.fill(b, Double.NaN);
                for (int e = 0; e < count; e++) {
                    a[aOff + e] = r.nextDouble(-1, 1);
                }
                for (int k = 0; k < taps; k++) {
                    for (int e = 0; e < count; e++) {
                        b[bOff + bTaps[k] + e] = r.nextDouble(-1, 1);
                    }
                }
                int accOff = r.nextInt(0, 5);
                String what = math.getClass().getSimpleName() + " taps=" + taps + " count=" + count
                        + (consecutive ? " consecutive" : " spread") + " aOff=" + aOff + " bOff=" + bOff;
                compareF32(math, r, count, taps, a, aOff, b, bOff, bTaps, accOff, what);
                compareF64(math, r, count, taps, a, aOff, b, bOff, bTaps, accOff, what);
            }
        }
    }

    private static void compareF32(ConvMath math, SplittableRandom r, int count, int taps, double[] a, int aOff,
            double[] b, int bOff, int[] bTaps, int accOff, String what) {
        int lanes = ConvMath.DOT_LANES_F32;
        float[] af = toFloats(a);
        float[] bf = toFloats(b);
        float[] expected = new float[accOff + taps * lanes + 3];
        Arrays.fill(expected, Float.NaN);
        for (int i = accOff; i < accOff + taps * lanes; i++) {
            expected[i] = (float) r.nextDouble(-1, 1);
        }
        float[] actual = expected.clone();
        SCALAR.dotTapsF32(count, taps, af, aOff, bf, bOff, bTaps, expected, accOff);
        math.dotTapsF32(count, taps, af, aOff, bf, bOff, bTaps, actual, accOff);
        for (int i = 0; i < actual.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                fail("float32 " + what + ": acc[" + i + "] = " + actual[i] + ", scalar " + expected[i]);
            }
        }
    }

    private static void compareF64(ConvMath math, SplittableRandom r, int count, int taps, double[] a, int aOff,
            double[] b, int bOff, int[] bTaps, int accOff, String what) {
        int lanes = ConvMath.DOT_LANES_F64;
        double[] expected = new double[accOff + taps * lanes + 3];
        Arrays.fill(expected, Double.NaN);
        for (int i = accOff; i < accOff + taps * lanes; i++) {
            expected[i] = r.nextDouble(-1, 1);
        }
        double[] actual = expected.clone();
        SCALAR.dotTapsF64(count, taps, a, aOff, b, bOff, bTaps, expected, accOff);
        math.dotTapsF64(count, taps, a, aOff, b, bOff, bTaps, actual, accOff);
        for (int i = 0; i < actual.length; i++) {
            if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
                fail("float64 " + what + ": acc[" + i + "] = " + actual[i] + ", scalar " + expected[i]);
            }
        }
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
