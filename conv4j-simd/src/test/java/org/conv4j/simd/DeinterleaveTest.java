package org.conv4j.simd;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

import org.conv4j.kernel.fast.ConvMath;
import org.conv4j.kernel.fast.ConvMaths;
import org.junit.jupiter.api.Test;

/**
 * Rows split into stride phases (Note [Phases in registers]) against the definition, in both dtypes and for both
 * register tile shapes and the scalar loops: strides with and without a permute path, lengths below, at and past
 * whole vectors, a source exactly as long as the elements read (a read past them would throw), and every
 * destination element outside the phases left NaN and checked.
 */
class DeinterleaveTest {

    @Test
    void splitsEveryPhaseAndLeavesTheRestAlone() {
        SplittableRandom r = new SplittableRandom(5);
        ConvMath[] maths = {new PanamaConvMath5x2(), new PanamaConvMath8x2(), ConvMaths.scalar()};
        for (ConvMath math : maths) {
            for (int trial = 0; trial < 600; trial++) {
                int stride = r.nextInt(1, 7);
                int n = pick(r, 0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100);
                int srcOff = r.nextInt(0, 10);
                int dstOff = r.nextInt(0, 10);
                int dstStride = n + r.nextInt(0, 20);
                String what = math.getClass().getSimpleName() + " stride=" + stride + " n=" + n + " srcOff=" + srcOff
                        + " dstOff=" + dstOff + " dstStride=" + dstStride;
                float[] srcF = new float[srcOff + n * stride];
                for (int i = 0; i < srcF.length; i++) {
                    srcF[i] = (float) r.nextDouble(-1, 1);
                }
                float[] dstF = new float[dstOff + stride * dstStride + 5];
                java.util.Arrays.fill(dstF, Float.NaN);
                math.deinterleaveF32(srcF, srcOff, stride, n, dstF, dstOff, dstStride);
                check(i -> srcF[i], i -> dstF[i], dstF.length, stride, n, srcOff, dstOff, dstStride, "float32 " + what);

                double[] srcD = r.doubles(srcOff + n * stride, -1, 1).toArray();
                double[] dstD = new double[dstOff + stride * dstStride + 5];
                java.util.Arrays.fill(dstD, Double.NaN);
                math.deinterleaveF64(srcD, srcOff, stride, n, dstD, dstOff, dstStride);
                check(i -> srcD[i], i -> dstD[i], dstD.length, stride, n, srcOff, dstOff, dstStride, "float64 " + what);
            }
        }
    }

    /** Element {@code u} of phase {@code f} is source element {@code u*stride + f}; everything else is still NaN. */
    private static void check(IntToDoubleFunction src, IntToDoubleFunction dst, int dstLength, int stride, int n,
            int srcOff, int dstOff, int dstStride, String what) {
        for (int at = 0; at < dstLength; at++) {
            int rel = at - dstOff;
            int f = rel >= 0 && dstStride > 0 ? rel / dstStride : -1;
            int u = rel >= 0 && dstStride > 0 ? rel % dstStride : -1;
            boolean written = f >= 0 && f < stride && u < n;
            double want = written ? src.applyAsDouble(srcOff + u * stride + f) : Double.NaN;
            double got = dst.applyAsDouble(at);
            if (Double.compare(want, got) != 0) {
                fail(what + ": dst[" + at + "] (phase " + f + ", element " + u + ") is " + got + ", expected " + want);
            }
        }
    }

    private static int pick(SplittableRandom r, int... values) {
        return values[r.nextInt(values.length)];
    }
}
