package org.conv4j.simd;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

import org.conv4j.kernel.fast.ConvMath;
import org.junit.jupiter.api.Test;

/**
 * The blocked transpose of both register tile shapes (Note [Transposing in registers]) against its definition, in
 * both dtypes: rows and columns below, at and past whole blocks of 16 (float) or 8 (double), offsets and strides
 * wider than the block, every destination element the transpose must not write left NaN and checked.
 */
class TransposeTest {

    @Test
    void transposesEveryBlockAndLeavesTheRestAlone() {
        SplittableRandom r = new SplittableRandom(11);
        for (PanamaConvMath math : new PanamaConvMath[] {new PanamaConvMath5x2(), new PanamaConvMath8x2()}) {
            for (int trial = 0; trial < 400; trial++) {
                int rows = pick(r, 0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 50);
                int cols = pick(r, 0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64);
                int srcStride = Math.max(1, cols + r.nextInt(0, 20));
                int dstStride = Math.max(1, rows + r.nextInt(0, 20));
                int srcOff = r.nextInt(0, 10);
                int dstOff = r.nextInt(0, 10);
                String what = math.getClass().getSimpleName() + " rows=" + rows + " cols=" + cols + " srcStride="
                        + srcStride + " dstStride=" + dstStride + " srcOff=" + srcOff + " dstOff=" + dstOff;
                checkF32(math, r, rows, cols, srcOff, srcStride, dstOff, dstStride, what);
                checkF64(math, r, rows, cols, srcOff, srcStride, dstOff, dstStride, what);
            }
        }
    }

    private static void checkF32(ConvMath math, SplittableRandom r, int rows, int cols, int srcOff, int srcStride,
            int dstOff, int dstStride, String what) {
        float[] src = new float[srcOff + rows * srcStride + 5];
        for (int i = 0; i < src.length; i++) {
            src[i] = (float) r.nextDouble(-1, 1);
        }
        float[] dst = new float[dstOff + cols * dstStride + 5];
        java.util.Arrays.fill(dst, Float.NaN);
        math.transposeF32(src, srcOff, srcStride, dst, dstOff, dstStride, rows, cols);
        check(i -> src[i], i -> dst[i], dst.length, rows, cols, srcOff, srcStride, dstOff, dstStride,
                "float32 " + what);
    }

    private static void checkF64(ConvMath math, SplittableRandom r, int rows, int cols, int srcOff, int srcStride,
            int dstOff, int dstStride, String what) {
        double[] src = r.doubles(srcOff + rows * srcStride + 5, -1, 1).toArray();
        double[] dst = new double[dstOff + cols * dstStride + 5];
        java.util.Arrays.fill(dst, Double.NaN);
        math.transposeF64(src, srcOff, srcStride, dst, dstOff, dstStride, rows, cols);
        check(i -> src[i], i -> dst[i], dst.length, rows, cols, srcOff, srcStride, dstOff, dstStride,
                "float64 " + what);
    }

    /**
     * Every destination element is its transposed source element inside the block and still NaN outside it (a
     * float widens to the same double, so one comparison serves both dtypes).
     */
    private static void check(IntToDoubleFunction src, IntToDoubleFunction dst, int dstLength, int rows, int cols,
            int srcOff, int srcStride, int dstOff, int dstStride, String what) {
        for (int at = 0; at < dstLength; at++) {
            int rel = at - dstOff;
            int j = rel >= 0 ? rel / dstStride : -1;
            int i = rel >= 0 ? rel % dstStride : -1;
            boolean written = j >= 0 && j < cols && i < rows;
            double want = written ? src.applyAsDouble(srcOff + i * srcStride + j) : Double.NaN;
            double got = dst.applyAsDouble(at);
            if (Double.compare(want, got) != 0) {
                fail(what + ": dst[" + at + "] (row " + j + ", column " + i + ") is " + got + ", expected " + want);
            }
        }
    }

    private static int pick(SplittableRandom r, int... values) {
        return values[r.nextInt(values.length)];
    }
}
