package org.conv4j.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * The register tiles of {@link PanamaConvMath} as 8 rows by 2 vectors: sixteen accumulators, for 32 vector registers (AVX-512).
 * Written out by {@code tools/gen_panama_conv_math.py}.
 */
final class PanamaConvMath8x2 extends PanamaConvMath {
    private static final int MR = 8;

    @Override
    public int tileRows() {
        return MR;
    }

    @Override
    public int tileColsF32() {
        return 2 * LF;
    }

    @Override
    public int halfTileRows() {
        return MR / 2;
    }

    @Override
    public int tileColsF64() {
        return 2 * LD;
    }

    @Override
    public void tileF32(int kc, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc,
            float[] d, int dOff, int ldd) {
        final int nr = 2 * LF;
        FloatVector acc0_0 = FloatVector.fromArray(F, c, cOff);
        FloatVector acc0_1 = FloatVector.fromArray(F, c, cOff + LF);
        FloatVector acc1_0 = FloatVector.fromArray(F, c, cOff + 1 * ldc);
        FloatVector acc1_1 = FloatVector.fromArray(F, c, cOff + 1 * ldc + LF);
        FloatVector acc2_0 = FloatVector.fromArray(F, c, cOff + 2 * ldc);
        FloatVector acc2_1 = FloatVector.fromArray(F, c, cOff + 2 * ldc + LF);
        FloatVector acc3_0 = FloatVector.fromArray(F, c, cOff + 3 * ldc);
        FloatVector acc3_1 = FloatVector.fromArray(F, c, cOff + 3 * ldc + LF);
        FloatVector acc4_0 = FloatVector.fromArray(F, c, cOff + 4 * ldc);
        FloatVector acc4_1 = FloatVector.fromArray(F, c, cOff + 4 * ldc + LF);
        FloatVector acc5_0 = FloatVector.fromArray(F, c, cOff + 5 * ldc);
        FloatVector acc5_1 = FloatVector.fromArray(F, c, cOff + 5 * ldc + LF);
        FloatVector acc6_0 = FloatVector.fromArray(F, c, cOff + 6 * ldc);
        FloatVector acc6_1 = FloatVector.fromArray(F, c, cOff + 6 * ldc + LF);
        FloatVector acc7_0 = FloatVector.fromArray(F, c, cOff + 7 * ldc);
        FloatVector acc7_1 = FloatVector.fromArray(F, c, cOff + 7 * ldc + LF);
        for (int r = 0; r < kc; r++) {
            int bi = bOff + r * nr;
            int ai = aOff + r * MR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
            FloatVector w0 = FloatVector.broadcast(F, a[ai]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            FloatVector w1 = FloatVector.broadcast(F, a[ai + 1]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            FloatVector w2 = FloatVector.broadcast(F, a[ai + 2]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            FloatVector w3 = FloatVector.broadcast(F, a[ai + 3]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
            FloatVector w4 = FloatVector.broadcast(F, a[ai + 4]);
            acc4_0 = w4.fma(b0, acc4_0);
            acc4_1 = w4.fma(b1, acc4_1);
            FloatVector w5 = FloatVector.broadcast(F, a[ai + 5]);
            acc5_0 = w5.fma(b0, acc5_0);
            acc5_1 = w5.fma(b1, acc5_1);
            FloatVector w6 = FloatVector.broadcast(F, a[ai + 6]);
            acc6_0 = w6.fma(b0, acc6_0);
            acc6_1 = w6.fma(b1, acc6_1);
            FloatVector w7 = FloatVector.broadcast(F, a[ai + 7]);
            acc7_0 = w7.fma(b0, acc7_0);
            acc7_1 = w7.fma(b1, acc7_1);
        }
        acc0_0.intoArray(d, dOff);
        acc0_1.intoArray(d, dOff + LF);
        acc1_0.intoArray(d, dOff + 1 * ldd);
        acc1_1.intoArray(d, dOff + 1 * ldd + LF);
        acc2_0.intoArray(d, dOff + 2 * ldd);
        acc2_1.intoArray(d, dOff + 2 * ldd + LF);
        acc3_0.intoArray(d, dOff + 3 * ldd);
        acc3_1.intoArray(d, dOff + 3 * ldd + LF);
        acc4_0.intoArray(d, dOff + 4 * ldd);
        acc4_1.intoArray(d, dOff + 4 * ldd + LF);
        acc5_0.intoArray(d, dOff + 5 * ldd);
        acc5_1.intoArray(d, dOff + 5 * ldd + LF);
        acc6_0.intoArray(d, dOff + 6 * ldd);
        acc6_1.intoArray(d, dOff + 6 * ldd + LF);
        acc7_0.intoArray(d, dOff + 7 * ldd);
        acc7_1.intoArray(d, dOff + 7 * ldd + LF);
    }

    @Override
    public void tileF32(int kc, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc,
            float[] d, int dOff, int ldd, int rows) {
        final int nr = 2 * LF;
        FloatVector acc0_0 = rows > 0 ? FloatVector.fromArray(F, c, cOff) : FloatVector.zero(F);
        FloatVector acc0_1 = rows > 0 ? FloatVector.fromArray(F, c, cOff + LF) : FloatVector.zero(F);
        FloatVector acc1_0 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc) : FloatVector.zero(F);
        FloatVector acc1_1 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc2_0 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc) : FloatVector.zero(F);
        FloatVector acc2_1 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc3_0 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc) : FloatVector.zero(F);
        FloatVector acc3_1 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc4_0 = rows > 4 ? FloatVector.fromArray(F, c, cOff + 4 * ldc) : FloatVector.zero(F);
        FloatVector acc4_1 = rows > 4 ? FloatVector.fromArray(F, c, cOff + 4 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc5_0 = rows > 5 ? FloatVector.fromArray(F, c, cOff + 5 * ldc) : FloatVector.zero(F);
        FloatVector acc5_1 = rows > 5 ? FloatVector.fromArray(F, c, cOff + 5 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc6_0 = rows > 6 ? FloatVector.fromArray(F, c, cOff + 6 * ldc) : FloatVector.zero(F);
        FloatVector acc6_1 = rows > 6 ? FloatVector.fromArray(F, c, cOff + 6 * ldc + LF) : FloatVector.zero(F);
        for (int r = 0; r < kc; r++) {
            int bi = bOff + r * nr;
            int ai = aOff + r * MR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
            FloatVector w0 = FloatVector.broadcast(F, a[ai]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            FloatVector w1 = FloatVector.broadcast(F, a[ai + 1]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            FloatVector w2 = FloatVector.broadcast(F, a[ai + 2]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            FloatVector w3 = FloatVector.broadcast(F, a[ai + 3]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
            FloatVector w4 = FloatVector.broadcast(F, a[ai + 4]);
            acc4_0 = w4.fma(b0, acc4_0);
            acc4_1 = w4.fma(b1, acc4_1);
            FloatVector w5 = FloatVector.broadcast(F, a[ai + 5]);
            acc5_0 = w5.fma(b0, acc5_0);
            acc5_1 = w5.fma(b1, acc5_1);
            FloatVector w6 = FloatVector.broadcast(F, a[ai + 6]);
            acc6_0 = w6.fma(b0, acc6_0);
            acc6_1 = w6.fma(b1, acc6_1);
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LF);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LF);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LF);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LF);
        }
        if (rows > 4) {
            acc4_0.intoArray(d, dOff + 4 * ldd);
            acc4_1.intoArray(d, dOff + 4 * ldd + LF);
        }
        if (rows > 5) {
            acc5_0.intoArray(d, dOff + 5 * ldd);
            acc5_1.intoArray(d, dOff + 5 * ldd + LF);
        }
        if (rows > 6) {
            acc6_0.intoArray(d, dOff + 6 * ldd);
            acc6_1.intoArray(d, dOff + 6 * ldd + LF);
        }
    }

    @Override
    public void tileF32Half(int kc, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc,
            float[] d, int dOff, int ldd, int rows) {
        final int nr = 2 * LF;
        FloatVector acc0_0 = rows > 0 ? FloatVector.fromArray(F, c, cOff) : FloatVector.zero(F);
        FloatVector acc0_1 = rows > 0 ? FloatVector.fromArray(F, c, cOff + LF) : FloatVector.zero(F);
        FloatVector acc1_0 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc) : FloatVector.zero(F);
        FloatVector acc1_1 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc2_0 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc) : FloatVector.zero(F);
        FloatVector acc2_1 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc3_0 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc) : FloatVector.zero(F);
        FloatVector acc3_1 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc + LF) : FloatVector.zero(F);
        for (int r = 0; r < kc; r++) {
            int bi = bOff + r * nr;
            int ai = aOff + r * MR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
            FloatVector w0 = FloatVector.broadcast(F, a[ai]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            FloatVector w1 = FloatVector.broadcast(F, a[ai + 1]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            FloatVector w2 = FloatVector.broadcast(F, a[ai + 2]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            FloatVector w3 = FloatVector.broadcast(F, a[ai + 3]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LF);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LF);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LF);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LF);
        }
    }

    @Override
    public void tileF32HalfPair(int kc, float[] a, int aOff, float[] b, int bOff, int bNext,
            float[] c, int cOff, int cOff2, int ldc,
            float[] d, int dOff, int dOff2, int ldd, int rows) {
        final int nr = 2 * LF;
        FloatVector acc0_0 = rows > 0 ? FloatVector.fromArray(F, c, cOff) : FloatVector.zero(F);
        FloatVector acc0_1 = rows > 0 ? FloatVector.fromArray(F, c, cOff + LF) : FloatVector.zero(F);
        FloatVector acc0_2 = rows > 0 ? FloatVector.fromArray(F, c, cOff2) : FloatVector.zero(F);
        FloatVector acc0_3 = rows > 0 ? FloatVector.fromArray(F, c, cOff2 + LF) : FloatVector.zero(F);
        FloatVector acc1_0 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc) : FloatVector.zero(F);
        FloatVector acc1_1 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc1_2 = rows > 1 ? FloatVector.fromArray(F, c, cOff2 + 1 * ldc) : FloatVector.zero(F);
        FloatVector acc1_3 = rows > 1 ? FloatVector.fromArray(F, c, cOff2 + 1 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc2_0 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc) : FloatVector.zero(F);
        FloatVector acc2_1 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc2_2 = rows > 2 ? FloatVector.fromArray(F, c, cOff2 + 2 * ldc) : FloatVector.zero(F);
        FloatVector acc2_3 = rows > 2 ? FloatVector.fromArray(F, c, cOff2 + 2 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc3_0 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc) : FloatVector.zero(F);
        FloatVector acc3_1 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc3_2 = rows > 3 ? FloatVector.fromArray(F, c, cOff2 + 3 * ldc) : FloatVector.zero(F);
        FloatVector acc3_3 = rows > 3 ? FloatVector.fromArray(F, c, cOff2 + 3 * ldc + LF) : FloatVector.zero(F);
        for (int r = 0; r < kc; r++) {
            int bi = bOff + r * nr;
            int ai = aOff + r * MR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
            FloatVector b2 = FloatVector.fromArray(F, b, bi + bNext);
            FloatVector b3 = FloatVector.fromArray(F, b, bi + bNext + LF);
            FloatVector w0 = FloatVector.broadcast(F, a[ai]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            acc0_2 = w0.fma(b2, acc0_2);
            acc0_3 = w0.fma(b3, acc0_3);
            FloatVector w1 = FloatVector.broadcast(F, a[ai + 1]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            acc1_2 = w1.fma(b2, acc1_2);
            acc1_3 = w1.fma(b3, acc1_3);
            FloatVector w2 = FloatVector.broadcast(F, a[ai + 2]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            acc2_2 = w2.fma(b2, acc2_2);
            acc2_3 = w2.fma(b3, acc2_3);
            FloatVector w3 = FloatVector.broadcast(F, a[ai + 3]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
            acc3_2 = w3.fma(b2, acc3_2);
            acc3_3 = w3.fma(b3, acc3_3);
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LF);
            acc0_2.intoArray(d, dOff2);
            acc0_3.intoArray(d, dOff2 + LF);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LF);
            acc1_2.intoArray(d, dOff2 + 1 * ldd);
            acc1_3.intoArray(d, dOff2 + 1 * ldd + LF);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LF);
            acc2_2.intoArray(d, dOff2 + 2 * ldd);
            acc2_3.intoArray(d, dOff2 + 2 * ldd + LF);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LF);
            acc3_2.intoArray(d, dOff2 + 3 * ldd);
            acc3_3.intoArray(d, dOff2 + 3 * ldd + LF);
        }
    }

    @Override
    public void tileF32(int kc, float[] a, int aOff, float[] b, int[] bRows, int bRowsOff, int bCol,
            float[] c, int cOff, int ldc, float[] d, int dOff, int ldd) {
        FloatVector acc0_0 = FloatVector.fromArray(F, c, cOff);
        FloatVector acc0_1 = FloatVector.fromArray(F, c, cOff + LF);
        FloatVector acc1_0 = FloatVector.fromArray(F, c, cOff + 1 * ldc);
        FloatVector acc1_1 = FloatVector.fromArray(F, c, cOff + 1 * ldc + LF);
        FloatVector acc2_0 = FloatVector.fromArray(F, c, cOff + 2 * ldc);
        FloatVector acc2_1 = FloatVector.fromArray(F, c, cOff + 2 * ldc + LF);
        FloatVector acc3_0 = FloatVector.fromArray(F, c, cOff + 3 * ldc);
        FloatVector acc3_1 = FloatVector.fromArray(F, c, cOff + 3 * ldc + LF);
        FloatVector acc4_0 = FloatVector.fromArray(F, c, cOff + 4 * ldc);
        FloatVector acc4_1 = FloatVector.fromArray(F, c, cOff + 4 * ldc + LF);
        FloatVector acc5_0 = FloatVector.fromArray(F, c, cOff + 5 * ldc);
        FloatVector acc5_1 = FloatVector.fromArray(F, c, cOff + 5 * ldc + LF);
        FloatVector acc6_0 = FloatVector.fromArray(F, c, cOff + 6 * ldc);
        FloatVector acc6_1 = FloatVector.fromArray(F, c, cOff + 6 * ldc + LF);
        FloatVector acc7_0 = FloatVector.fromArray(F, c, cOff + 7 * ldc);
        FloatVector acc7_1 = FloatVector.fromArray(F, c, cOff + 7 * ldc + LF);
        for (int r = 0; r < kc; r++) {
            int bi = bRows[bRowsOff + r] + bCol;
            int ai = aOff + r * MR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
            FloatVector w0 = FloatVector.broadcast(F, a[ai]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            FloatVector w1 = FloatVector.broadcast(F, a[ai + 1]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            FloatVector w2 = FloatVector.broadcast(F, a[ai + 2]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            FloatVector w3 = FloatVector.broadcast(F, a[ai + 3]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
            FloatVector w4 = FloatVector.broadcast(F, a[ai + 4]);
            acc4_0 = w4.fma(b0, acc4_0);
            acc4_1 = w4.fma(b1, acc4_1);
            FloatVector w5 = FloatVector.broadcast(F, a[ai + 5]);
            acc5_0 = w5.fma(b0, acc5_0);
            acc5_1 = w5.fma(b1, acc5_1);
            FloatVector w6 = FloatVector.broadcast(F, a[ai + 6]);
            acc6_0 = w6.fma(b0, acc6_0);
            acc6_1 = w6.fma(b1, acc6_1);
            FloatVector w7 = FloatVector.broadcast(F, a[ai + 7]);
            acc7_0 = w7.fma(b0, acc7_0);
            acc7_1 = w7.fma(b1, acc7_1);
        }
        acc0_0.intoArray(d, dOff);
        acc0_1.intoArray(d, dOff + LF);
        acc1_0.intoArray(d, dOff + 1 * ldd);
        acc1_1.intoArray(d, dOff + 1 * ldd + LF);
        acc2_0.intoArray(d, dOff + 2 * ldd);
        acc2_1.intoArray(d, dOff + 2 * ldd + LF);
        acc3_0.intoArray(d, dOff + 3 * ldd);
        acc3_1.intoArray(d, dOff + 3 * ldd + LF);
        acc4_0.intoArray(d, dOff + 4 * ldd);
        acc4_1.intoArray(d, dOff + 4 * ldd + LF);
        acc5_0.intoArray(d, dOff + 5 * ldd);
        acc5_1.intoArray(d, dOff + 5 * ldd + LF);
        acc6_0.intoArray(d, dOff + 6 * ldd);
        acc6_1.intoArray(d, dOff + 6 * ldd + LF);
        acc7_0.intoArray(d, dOff + 7 * ldd);
        acc7_1.intoArray(d, dOff + 7 * ldd + LF);
    }

    @Override
    public void tileF32(int kc, float[] a, int aOff, float[] b, int[] bRows, int bRowsOff, int bCol,
            float[] c, int cOff, int ldc, float[] d, int dOff, int ldd, int rows) {
        FloatVector acc0_0 = rows > 0 ? FloatVector.fromArray(F, c, cOff) : FloatVector.zero(F);
        FloatVector acc0_1 = rows > 0 ? FloatVector.fromArray(F, c, cOff + LF) : FloatVector.zero(F);
        FloatVector acc1_0 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc) : FloatVector.zero(F);
        FloatVector acc1_1 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc2_0 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc) : FloatVector.zero(F);
        FloatVector acc2_1 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc3_0 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc) : FloatVector.zero(F);
        FloatVector acc3_1 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc4_0 = rows > 4 ? FloatVector.fromArray(F, c, cOff + 4 * ldc) : FloatVector.zero(F);
        FloatVector acc4_1 = rows > 4 ? FloatVector.fromArray(F, c, cOff + 4 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc5_0 = rows > 5 ? FloatVector.fromArray(F, c, cOff + 5 * ldc) : FloatVector.zero(F);
        FloatVector acc5_1 = rows > 5 ? FloatVector.fromArray(F, c, cOff + 5 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc6_0 = rows > 6 ? FloatVector.fromArray(F, c, cOff + 6 * ldc) : FloatVector.zero(F);
        FloatVector acc6_1 = rows > 6 ? FloatVector.fromArray(F, c, cOff + 6 * ldc + LF) : FloatVector.zero(F);
        for (int r = 0; r < kc; r++) {
            int bi = bRows[bRowsOff + r] + bCol;
            int ai = aOff + r * MR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
            FloatVector w0 = FloatVector.broadcast(F, a[ai]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            FloatVector w1 = FloatVector.broadcast(F, a[ai + 1]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            FloatVector w2 = FloatVector.broadcast(F, a[ai + 2]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            FloatVector w3 = FloatVector.broadcast(F, a[ai + 3]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
            FloatVector w4 = FloatVector.broadcast(F, a[ai + 4]);
            acc4_0 = w4.fma(b0, acc4_0);
            acc4_1 = w4.fma(b1, acc4_1);
            FloatVector w5 = FloatVector.broadcast(F, a[ai + 5]);
            acc5_0 = w5.fma(b0, acc5_0);
            acc5_1 = w5.fma(b1, acc5_1);
            FloatVector w6 = FloatVector.broadcast(F, a[ai + 6]);
            acc6_0 = w6.fma(b0, acc6_0);
            acc6_1 = w6.fma(b1, acc6_1);
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LF);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LF);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LF);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LF);
        }
        if (rows > 4) {
            acc4_0.intoArray(d, dOff + 4 * ldd);
            acc4_1.intoArray(d, dOff + 4 * ldd + LF);
        }
        if (rows > 5) {
            acc5_0.intoArray(d, dOff + 5 * ldd);
            acc5_1.intoArray(d, dOff + 5 * ldd + LF);
        }
        if (rows > 6) {
            acc6_0.intoArray(d, dOff + 6 * ldd);
            acc6_1.intoArray(d, dOff + 6 * ldd + LF);
        }
    }

    @Override
    public void tileF32Half(int kc, float[] a, int aOff, float[] b, int[] bRows, int bRowsOff, int bCol,
            float[] c, int cOff, int ldc, float[] d, int dOff, int ldd, int rows) {
        FloatVector acc0_0 = rows > 0 ? FloatVector.fromArray(F, c, cOff) : FloatVector.zero(F);
        FloatVector acc0_1 = rows > 0 ? FloatVector.fromArray(F, c, cOff + LF) : FloatVector.zero(F);
        FloatVector acc1_0 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc) : FloatVector.zero(F);
        FloatVector acc1_1 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc2_0 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc) : FloatVector.zero(F);
        FloatVector acc2_1 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc3_0 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc) : FloatVector.zero(F);
        FloatVector acc3_1 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc + LF) : FloatVector.zero(F);
        for (int r = 0; r < kc; r++) {
            int bi = bRows[bRowsOff + r] + bCol;
            int ai = aOff + r * MR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
            FloatVector w0 = FloatVector.broadcast(F, a[ai]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            FloatVector w1 = FloatVector.broadcast(F, a[ai + 1]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            FloatVector w2 = FloatVector.broadcast(F, a[ai + 2]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            FloatVector w3 = FloatVector.broadcast(F, a[ai + 3]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LF);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LF);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LF);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LF);
        }
    }

    @Override
    public void tileF32HalfPair(int kc, float[] a, int aOff, float[] b, int[] bRows, int bRowsOff, int bCol, int bNext,
            float[] c, int cOff, int cOff2, int ldc, float[] d, int dOff, int dOff2, int ldd, int rows) {
        FloatVector acc0_0 = rows > 0 ? FloatVector.fromArray(F, c, cOff) : FloatVector.zero(F);
        FloatVector acc0_1 = rows > 0 ? FloatVector.fromArray(F, c, cOff + LF) : FloatVector.zero(F);
        FloatVector acc0_2 = rows > 0 ? FloatVector.fromArray(F, c, cOff2) : FloatVector.zero(F);
        FloatVector acc0_3 = rows > 0 ? FloatVector.fromArray(F, c, cOff2 + LF) : FloatVector.zero(F);
        FloatVector acc1_0 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc) : FloatVector.zero(F);
        FloatVector acc1_1 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc1_2 = rows > 1 ? FloatVector.fromArray(F, c, cOff2 + 1 * ldc) : FloatVector.zero(F);
        FloatVector acc1_3 = rows > 1 ? FloatVector.fromArray(F, c, cOff2 + 1 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc2_0 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc) : FloatVector.zero(F);
        FloatVector acc2_1 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc2_2 = rows > 2 ? FloatVector.fromArray(F, c, cOff2 + 2 * ldc) : FloatVector.zero(F);
        FloatVector acc2_3 = rows > 2 ? FloatVector.fromArray(F, c, cOff2 + 2 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc3_0 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc) : FloatVector.zero(F);
        FloatVector acc3_1 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc3_2 = rows > 3 ? FloatVector.fromArray(F, c, cOff2 + 3 * ldc) : FloatVector.zero(F);
        FloatVector acc3_3 = rows > 3 ? FloatVector.fromArray(F, c, cOff2 + 3 * ldc + LF) : FloatVector.zero(F);
        for (int r = 0; r < kc; r++) {
            int bi = bRows[bRowsOff + r] + bCol;
            int ai = aOff + r * MR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
            FloatVector b2 = FloatVector.fromArray(F, b, bi + bNext);
            FloatVector b3 = FloatVector.fromArray(F, b, bi + bNext + LF);
            FloatVector w0 = FloatVector.broadcast(F, a[ai]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            acc0_2 = w0.fma(b2, acc0_2);
            acc0_3 = w0.fma(b3, acc0_3);
            FloatVector w1 = FloatVector.broadcast(F, a[ai + 1]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            acc1_2 = w1.fma(b2, acc1_2);
            acc1_3 = w1.fma(b3, acc1_3);
            FloatVector w2 = FloatVector.broadcast(F, a[ai + 2]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            acc2_2 = w2.fma(b2, acc2_2);
            acc2_3 = w2.fma(b3, acc2_3);
            FloatVector w3 = FloatVector.broadcast(F, a[ai + 3]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
            acc3_2 = w3.fma(b2, acc3_2);
            acc3_3 = w3.fma(b3, acc3_3);
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LF);
            acc0_2.intoArray(d, dOff2);
            acc0_3.intoArray(d, dOff2 + LF);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LF);
            acc1_2.intoArray(d, dOff2 + 1 * ldd);
            acc1_3.intoArray(d, dOff2 + 1 * ldd + LF);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LF);
            acc2_2.intoArray(d, dOff2 + 2 * ldd);
            acc2_3.intoArray(d, dOff2 + 2 * ldd + LF);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LF);
            acc3_2.intoArray(d, dOff2 + 3 * ldd);
            acc3_3.intoArray(d, dOff2 + 3 * ldd + LF);
        }
    }

    @Override
    public void tileF32(int[] runs, int runCount, float[] a, int aOff, float[] b, int bCol,
            float[] c, int cOff, int ldc, float[] d, int dOff, int ldd) {
        FloatVector acc0_0 = FloatVector.fromArray(F, c, cOff);
        FloatVector acc0_1 = FloatVector.fromArray(F, c, cOff + LF);
        FloatVector acc1_0 = FloatVector.fromArray(F, c, cOff + 1 * ldc);
        FloatVector acc1_1 = FloatVector.fromArray(F, c, cOff + 1 * ldc + LF);
        FloatVector acc2_0 = FloatVector.fromArray(F, c, cOff + 2 * ldc);
        FloatVector acc2_1 = FloatVector.fromArray(F, c, cOff + 2 * ldc + LF);
        FloatVector acc3_0 = FloatVector.fromArray(F, c, cOff + 3 * ldc);
        FloatVector acc3_1 = FloatVector.fromArray(F, c, cOff + 3 * ldc + LF);
        FloatVector acc4_0 = FloatVector.fromArray(F, c, cOff + 4 * ldc);
        FloatVector acc4_1 = FloatVector.fromArray(F, c, cOff + 4 * ldc + LF);
        FloatVector acc5_0 = FloatVector.fromArray(F, c, cOff + 5 * ldc);
        FloatVector acc5_1 = FloatVector.fromArray(F, c, cOff + 5 * ldc + LF);
        FloatVector acc6_0 = FloatVector.fromArray(F, c, cOff + 6 * ldc);
        FloatVector acc6_1 = FloatVector.fromArray(F, c, cOff + 6 * ldc + LF);
        FloatVector acc7_0 = FloatVector.fromArray(F, c, cOff + 7 * ldc);
        FloatVector acc7_1 = FloatVector.fromArray(F, c, cOff + 7 * ldc + LF);
        int aRun = aOff;
        for (int q = 0; q < 3 * runCount; q += 3) {
            int start = runs[q] + bCol;
            int step = runs[q + 1];
            int kc = runs[q + 2];
            for (int r = 0; r < kc; r++) {
                int bi = start + r * step;
                int ai = aRun + r * MR;
                FloatVector b0 = FloatVector.fromArray(F, b, bi);
                FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
                FloatVector w0 = FloatVector.broadcast(F, a[ai]);
                acc0_0 = w0.fma(b0, acc0_0);
                acc0_1 = w0.fma(b1, acc0_1);
                FloatVector w1 = FloatVector.broadcast(F, a[ai + 1]);
                acc1_0 = w1.fma(b0, acc1_0);
                acc1_1 = w1.fma(b1, acc1_1);
                FloatVector w2 = FloatVector.broadcast(F, a[ai + 2]);
                acc2_0 = w2.fma(b0, acc2_0);
                acc2_1 = w2.fma(b1, acc2_1);
                FloatVector w3 = FloatVector.broadcast(F, a[ai + 3]);
                acc3_0 = w3.fma(b0, acc3_0);
                acc3_1 = w3.fma(b1, acc3_1);
                FloatVector w4 = FloatVector.broadcast(F, a[ai + 4]);
                acc4_0 = w4.fma(b0, acc4_0);
                acc4_1 = w4.fma(b1, acc4_1);
                FloatVector w5 = FloatVector.broadcast(F, a[ai + 5]);
                acc5_0 = w5.fma(b0, acc5_0);
                acc5_1 = w5.fma(b1, acc5_1);
                FloatVector w6 = FloatVector.broadcast(F, a[ai + 6]);
                acc6_0 = w6.fma(b0, acc6_0);
                acc6_1 = w6.fma(b1, acc6_1);
                FloatVector w7 = FloatVector.broadcast(F, a[ai + 7]);
                acc7_0 = w7.fma(b0, acc7_0);
                acc7_1 = w7.fma(b1, acc7_1);
            }
            aRun += kc * MR;
        }
        acc0_0.intoArray(d, dOff);
        acc0_1.intoArray(d, dOff + LF);
        acc1_0.intoArray(d, dOff + 1 * ldd);
        acc1_1.intoArray(d, dOff + 1 * ldd + LF);
        acc2_0.intoArray(d, dOff + 2 * ldd);
        acc2_1.intoArray(d, dOff + 2 * ldd + LF);
        acc3_0.intoArray(d, dOff + 3 * ldd);
        acc3_1.intoArray(d, dOff + 3 * ldd + LF);
        acc4_0.intoArray(d, dOff + 4 * ldd);
        acc4_1.intoArray(d, dOff + 4 * ldd + LF);
        acc5_0.intoArray(d, dOff + 5 * ldd);
        acc5_1.intoArray(d, dOff + 5 * ldd + LF);
        acc6_0.intoArray(d, dOff + 6 * ldd);
        acc6_1.intoArray(d, dOff + 6 * ldd + LF);
        acc7_0.intoArray(d, dOff + 7 * ldd);
        acc7_1.intoArray(d, dOff + 7 * ldd + LF);
    }

    @Override
    public void tileF32(int[] runs, int runCount, float[] a, int aOff, float[] b, int bCol,
            float[] c, int cOff, int ldc, float[] d, int dOff, int ldd, int rows) {
        FloatVector acc0_0 = rows > 0 ? FloatVector.fromArray(F, c, cOff) : FloatVector.zero(F);
        FloatVector acc0_1 = rows > 0 ? FloatVector.fromArray(F, c, cOff + LF) : FloatVector.zero(F);
        FloatVector acc1_0 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc) : FloatVector.zero(F);
        FloatVector acc1_1 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc2_0 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc) : FloatVector.zero(F);
        FloatVector acc2_1 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc3_0 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc) : FloatVector.zero(F);
        FloatVector acc3_1 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc4_0 = rows > 4 ? FloatVector.fromArray(F, c, cOff + 4 * ldc) : FloatVector.zero(F);
        FloatVector acc4_1 = rows > 4 ? FloatVector.fromArray(F, c, cOff + 4 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc5_0 = rows > 5 ? FloatVector.fromArray(F, c, cOff + 5 * ldc) : FloatVector.zero(F);
        FloatVector acc5_1 = rows > 5 ? FloatVector.fromArray(F, c, cOff + 5 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc6_0 = rows > 6 ? FloatVector.fromArray(F, c, cOff + 6 * ldc) : FloatVector.zero(F);
        FloatVector acc6_1 = rows > 6 ? FloatVector.fromArray(F, c, cOff + 6 * ldc + LF) : FloatVector.zero(F);
        int aRun = aOff;
        for (int q = 0; q < 3 * runCount; q += 3) {
            int start = runs[q] + bCol;
            int step = runs[q + 1];
            int kc = runs[q + 2];
            for (int r = 0; r < kc; r++) {
                int bi = start + r * step;
                int ai = aRun + r * MR;
                FloatVector b0 = FloatVector.fromArray(F, b, bi);
                FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
                FloatVector w0 = FloatVector.broadcast(F, a[ai]);
                acc0_0 = w0.fma(b0, acc0_0);
                acc0_1 = w0.fma(b1, acc0_1);
                FloatVector w1 = FloatVector.broadcast(F, a[ai + 1]);
                acc1_0 = w1.fma(b0, acc1_0);
                acc1_1 = w1.fma(b1, acc1_1);
                FloatVector w2 = FloatVector.broadcast(F, a[ai + 2]);
                acc2_0 = w2.fma(b0, acc2_0);
                acc2_1 = w2.fma(b1, acc2_1);
                FloatVector w3 = FloatVector.broadcast(F, a[ai + 3]);
                acc3_0 = w3.fma(b0, acc3_0);
                acc3_1 = w3.fma(b1, acc3_1);
                FloatVector w4 = FloatVector.broadcast(F, a[ai + 4]);
                acc4_0 = w4.fma(b0, acc4_0);
                acc4_1 = w4.fma(b1, acc4_1);
                FloatVector w5 = FloatVector.broadcast(F, a[ai + 5]);
                acc5_0 = w5.fma(b0, acc5_0);
                acc5_1 = w5.fma(b1, acc5_1);
                FloatVector w6 = FloatVector.broadcast(F, a[ai + 6]);
                acc6_0 = w6.fma(b0, acc6_0);
                acc6_1 = w6.fma(b1, acc6_1);
            }
            aRun += kc * MR;
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LF);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LF);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LF);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LF);
        }
        if (rows > 4) {
            acc4_0.intoArray(d, dOff + 4 * ldd);
            acc4_1.intoArray(d, dOff + 4 * ldd + LF);
        }
        if (rows > 5) {
            acc5_0.intoArray(d, dOff + 5 * ldd);
            acc5_1.intoArray(d, dOff + 5 * ldd + LF);
        }
        if (rows > 6) {
            acc6_0.intoArray(d, dOff + 6 * ldd);
            acc6_1.intoArray(d, dOff + 6 * ldd + LF);
        }
    }

    @Override
    public void tileF32Half(int[] runs, int runCount, float[] a, int aOff, float[] b, int bCol,
            float[] c, int cOff, int ldc, float[] d, int dOff, int ldd, int rows) {
        FloatVector acc0_0 = rows > 0 ? FloatVector.fromArray(F, c, cOff) : FloatVector.zero(F);
        FloatVector acc0_1 = rows > 0 ? FloatVector.fromArray(F, c, cOff + LF) : FloatVector.zero(F);
        FloatVector acc1_0 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc) : FloatVector.zero(F);
        FloatVector acc1_1 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc2_0 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc) : FloatVector.zero(F);
        FloatVector acc2_1 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc3_0 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc) : FloatVector.zero(F);
        FloatVector acc3_1 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc + LF) : FloatVector.zero(F);
        int aRun = aOff;
        for (int q = 0; q < 3 * runCount; q += 3) {
            int start = runs[q] + bCol;
            int step = runs[q + 1];
            int kc = runs[q + 2];
            for (int r = 0; r < kc; r++) {
                int bi = start + r * step;
                int ai = aRun + r * MR;
                FloatVector b0 = FloatVector.fromArray(F, b, bi);
                FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
                FloatVector w0 = FloatVector.broadcast(F, a[ai]);
                acc0_0 = w0.fma(b0, acc0_0);
                acc0_1 = w0.fma(b1, acc0_1);
                FloatVector w1 = FloatVector.broadcast(F, a[ai + 1]);
                acc1_0 = w1.fma(b0, acc1_0);
                acc1_1 = w1.fma(b1, acc1_1);
                FloatVector w2 = FloatVector.broadcast(F, a[ai + 2]);
                acc2_0 = w2.fma(b0, acc2_0);
                acc2_1 = w2.fma(b1, acc2_1);
                FloatVector w3 = FloatVector.broadcast(F, a[ai + 3]);
                acc3_0 = w3.fma(b0, acc3_0);
                acc3_1 = w3.fma(b1, acc3_1);
            }
            aRun += kc * MR;
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LF);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LF);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LF);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LF);
        }
    }

    @Override
    public void tileF32HalfPair(int[] runs, int runCount, float[] a, int aOff, float[] b, int bCol, int bNext,
            float[] c, int cOff, int cOff2, int ldc, float[] d, int dOff, int dOff2, int ldd, int rows) {
        FloatVector acc0_0 = rows > 0 ? FloatVector.fromArray(F, c, cOff) : FloatVector.zero(F);
        FloatVector acc0_1 = rows > 0 ? FloatVector.fromArray(F, c, cOff + LF) : FloatVector.zero(F);
        FloatVector acc0_2 = rows > 0 ? FloatVector.fromArray(F, c, cOff2) : FloatVector.zero(F);
        FloatVector acc0_3 = rows > 0 ? FloatVector.fromArray(F, c, cOff2 + LF) : FloatVector.zero(F);
        FloatVector acc1_0 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc) : FloatVector.zero(F);
        FloatVector acc1_1 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc1_2 = rows > 1 ? FloatVector.fromArray(F, c, cOff2 + 1 * ldc) : FloatVector.zero(F);
        FloatVector acc1_3 = rows > 1 ? FloatVector.fromArray(F, c, cOff2 + 1 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc2_0 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc) : FloatVector.zero(F);
        FloatVector acc2_1 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc2_2 = rows > 2 ? FloatVector.fromArray(F, c, cOff2 + 2 * ldc) : FloatVector.zero(F);
        FloatVector acc2_3 = rows > 2 ? FloatVector.fromArray(F, c, cOff2 + 2 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc3_0 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc) : FloatVector.zero(F);
        FloatVector acc3_1 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc3_2 = rows > 3 ? FloatVector.fromArray(F, c, cOff2 + 3 * ldc) : FloatVector.zero(F);
        FloatVector acc3_3 = rows > 3 ? FloatVector.fromArray(F, c, cOff2 + 3 * ldc + LF) : FloatVector.zero(F);
        int aRun = aOff;
        for (int q = 0; q < 3 * runCount; q += 3) {
            int start = runs[q] + bCol;
            int step = runs[q + 1];
            int kc = runs[q + 2];
            for (int r = 0; r < kc; r++) {
                int bi = start + r * step;
                int ai = aRun + r * MR;
                FloatVector b0 = FloatVector.fromArray(F, b, bi);
                FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
                FloatVector b2 = FloatVector.fromArray(F, b, bi + bNext);
                FloatVector b3 = FloatVector.fromArray(F, b, bi + bNext + LF);
                FloatVector w0 = FloatVector.broadcast(F, a[ai]);
                acc0_0 = w0.fma(b0, acc0_0);
                acc0_1 = w0.fma(b1, acc0_1);
                acc0_2 = w0.fma(b2, acc0_2);
                acc0_3 = w0.fma(b3, acc0_3);
                FloatVector w1 = FloatVector.broadcast(F, a[ai + 1]);
                acc1_0 = w1.fma(b0, acc1_0);
                acc1_1 = w1.fma(b1, acc1_1);
                acc1_2 = w1.fma(b2, acc1_2);
                acc1_3 = w1.fma(b3, acc1_3);
                FloatVector w2 = FloatVector.broadcast(F, a[ai + 2]);
                acc2_0 = w2.fma(b0, acc2_0);
                acc2_1 = w2.fma(b1, acc2_1);
                acc2_2 = w2.fma(b2, acc2_2);
                acc2_3 = w2.fma(b3, acc2_3);
                FloatVector w3 = FloatVector.broadcast(F, a[ai + 3]);
                acc3_0 = w3.fma(b0, acc3_0);
                acc3_1 = w3.fma(b1, acc3_1);
                acc3_2 = w3.fma(b2, acc3_2);
                acc3_3 = w3.fma(b3, acc3_3);
            }
            aRun += kc * MR;
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LF);
            acc0_2.intoArray(d, dOff2);
            acc0_3.intoArray(d, dOff2 + LF);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LF);
            acc1_2.intoArray(d, dOff2 + 1 * ldd);
            acc1_3.intoArray(d, dOff2 + 1 * ldd + LF);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LF);
            acc2_2.intoArray(d, dOff2 + 2 * ldd);
            acc2_3.intoArray(d, dOff2 + 2 * ldd + LF);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LF);
            acc3_2.intoArray(d, dOff2 + 3 * ldd);
            acc3_3.intoArray(d, dOff2 + 3 * ldd + LF);
        }
    }

    @Override
    public void frameTileF32(int kc, float[] a, int aOff, int aStride, float[] b, int bOff, int ldb,
            float[] c, int cOff, int ldc, int rows) {
        int a0 = aOff;
        int a1 = aOff + Math.min(1, rows - 1) * aStride;
        int a2 = aOff + Math.min(2, rows - 1) * aStride;
        int a3 = aOff + Math.min(3, rows - 1) * aStride;
        int a4 = aOff + Math.min(4, rows - 1) * aStride;
        int a5 = aOff + Math.min(5, rows - 1) * aStride;
        int a6 = aOff + Math.min(6, rows - 1) * aStride;
        int a7 = aOff + Math.min(7, rows - 1) * aStride;
        FloatVector acc0_0 = FloatVector.fromArray(F, c, cOff);
        FloatVector acc0_1 = FloatVector.fromArray(F, c, cOff + LF);
        FloatVector acc1_0 = FloatVector.fromArray(F, c, cOff + 1 * ldc);
        FloatVector acc1_1 = FloatVector.fromArray(F, c, cOff + 1 * ldc + LF);
        FloatVector acc2_0 = FloatVector.fromArray(F, c, cOff + 2 * ldc);
        FloatVector acc2_1 = FloatVector.fromArray(F, c, cOff + 2 * ldc + LF);
        FloatVector acc3_0 = FloatVector.fromArray(F, c, cOff + 3 * ldc);
        FloatVector acc3_1 = FloatVector.fromArray(F, c, cOff + 3 * ldc + LF);
        FloatVector acc4_0 = FloatVector.fromArray(F, c, cOff + 4 * ldc);
        FloatVector acc4_1 = FloatVector.fromArray(F, c, cOff + 4 * ldc + LF);
        FloatVector acc5_0 = FloatVector.fromArray(F, c, cOff + 5 * ldc);
        FloatVector acc5_1 = FloatVector.fromArray(F, c, cOff + 5 * ldc + LF);
        FloatVector acc6_0 = FloatVector.fromArray(F, c, cOff + 6 * ldc);
        FloatVector acc6_1 = FloatVector.fromArray(F, c, cOff + 6 * ldc + LF);
        FloatVector acc7_0 = FloatVector.fromArray(F, c, cOff + 7 * ldc);
        FloatVector acc7_1 = FloatVector.fromArray(F, c, cOff + 7 * ldc + LF);
        for (int r = 0; r < kc; r++) {
            int bi = bOff + r * ldb;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
            FloatVector w0 = FloatVector.broadcast(F, a[a0 + r]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            FloatVector w1 = FloatVector.broadcast(F, a[a1 + r]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            FloatVector w2 = FloatVector.broadcast(F, a[a2 + r]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            FloatVector w3 = FloatVector.broadcast(F, a[a3 + r]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
            FloatVector w4 = FloatVector.broadcast(F, a[a4 + r]);
            acc4_0 = w4.fma(b0, acc4_0);
            acc4_1 = w4.fma(b1, acc4_1);
            FloatVector w5 = FloatVector.broadcast(F, a[a5 + r]);
            acc5_0 = w5.fma(b0, acc5_0);
            acc5_1 = w5.fma(b1, acc5_1);
            FloatVector w6 = FloatVector.broadcast(F, a[a6 + r]);
            acc6_0 = w6.fma(b0, acc6_0);
            acc6_1 = w6.fma(b1, acc6_1);
            FloatVector w7 = FloatVector.broadcast(F, a[a7 + r]);
            acc7_0 = w7.fma(b0, acc7_0);
            acc7_1 = w7.fma(b1, acc7_1);
        }
        acc0_0.intoArray(c, cOff);
        acc0_1.intoArray(c, cOff + LF);
        acc1_0.intoArray(c, cOff + 1 * ldc);
        acc1_1.intoArray(c, cOff + 1 * ldc + LF);
        acc2_0.intoArray(c, cOff + 2 * ldc);
        acc2_1.intoArray(c, cOff + 2 * ldc + LF);
        acc3_0.intoArray(c, cOff + 3 * ldc);
        acc3_1.intoArray(c, cOff + 3 * ldc + LF);
        acc4_0.intoArray(c, cOff + 4 * ldc);
        acc4_1.intoArray(c, cOff + 4 * ldc + LF);
        acc5_0.intoArray(c, cOff + 5 * ldc);
        acc5_1.intoArray(c, cOff + 5 * ldc + LF);
        acc6_0.intoArray(c, cOff + 6 * ldc);
        acc6_1.intoArray(c, cOff + 6 * ldc + LF);
        acc7_0.intoArray(c, cOff + 7 * ldc);
        acc7_1.intoArray(c, cOff + 7 * ldc + LF);
    }

    @Override
    public void packPanelsF32(int rn, int panels, float[] b, int[] bRows, int bCol, int panelStep, float[] dst) {
        final int nr = 2 * LF;
        for (int p = 0; p < panels; p++) {
            int col = bCol + p * panelStep;
            for (int r = 0; r < rn; r++) {
                int src = bRows[r] + col;
                int at = (p * rn + r) * nr;
                FloatVector.fromArray(F, b, src).intoArray(dst, at);
                FloatVector.fromArray(F, b, src + 1 * LF).intoArray(dst, at + 1 * LF);
            }
        }
    }

    @Override
    public void tileF64(int kc, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int ldc,
            double[] d, int dOff, int ldd) {
        final int nr = 2 * LD;
        DoubleVector acc0_0 = DoubleVector.fromArray(D, c, cOff);
        DoubleVector acc0_1 = DoubleVector.fromArray(D, c, cOff + LD);
        DoubleVector acc1_0 = DoubleVector.fromArray(D, c, cOff + 1 * ldc);
        DoubleVector acc1_1 = DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD);
        DoubleVector acc2_0 = DoubleVector.fromArray(D, c, cOff + 2 * ldc);
        DoubleVector acc2_1 = DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD);
        DoubleVector acc3_0 = DoubleVector.fromArray(D, c, cOff + 3 * ldc);
        DoubleVector acc3_1 = DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD);
        DoubleVector acc4_0 = DoubleVector.fromArray(D, c, cOff + 4 * ldc);
        DoubleVector acc4_1 = DoubleVector.fromArray(D, c, cOff + 4 * ldc + LD);
        DoubleVector acc5_0 = DoubleVector.fromArray(D, c, cOff + 5 * ldc);
        DoubleVector acc5_1 = DoubleVector.fromArray(D, c, cOff + 5 * ldc + LD);
        DoubleVector acc6_0 = DoubleVector.fromArray(D, c, cOff + 6 * ldc);
        DoubleVector acc6_1 = DoubleVector.fromArray(D, c, cOff + 6 * ldc + LD);
        DoubleVector acc7_0 = DoubleVector.fromArray(D, c, cOff + 7 * ldc);
        DoubleVector acc7_1 = DoubleVector.fromArray(D, c, cOff + 7 * ldc + LD);
        for (int r = 0; r < kc; r++) {
            int bi = bOff + r * nr;
            int ai = aOff + r * MR;
            DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
            DoubleVector w0 = DoubleVector.broadcast(D, a[ai]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            DoubleVector w1 = DoubleVector.broadcast(D, a[ai + 1]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            DoubleVector w2 = DoubleVector.broadcast(D, a[ai + 2]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            DoubleVector w3 = DoubleVector.broadcast(D, a[ai + 3]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
            DoubleVector w4 = DoubleVector.broadcast(D, a[ai + 4]);
            acc4_0 = w4.fma(b0, acc4_0);
            acc4_1 = w4.fma(b1, acc4_1);
            DoubleVector w5 = DoubleVector.broadcast(D, a[ai + 5]);
            acc5_0 = w5.fma(b0, acc5_0);
            acc5_1 = w5.fma(b1, acc5_1);
            DoubleVector w6 = DoubleVector.broadcast(D, a[ai + 6]);
            acc6_0 = w6.fma(b0, acc6_0);
            acc6_1 = w6.fma(b1, acc6_1);
            DoubleVector w7 = DoubleVector.broadcast(D, a[ai + 7]);
            acc7_0 = w7.fma(b0, acc7_0);
            acc7_1 = w7.fma(b1, acc7_1);
        }
        acc0_0.intoArray(d, dOff);
        acc0_1.intoArray(d, dOff + LD);
        acc1_0.intoArray(d, dOff + 1 * ldd);
        acc1_1.intoArray(d, dOff + 1 * ldd + LD);
        acc2_0.intoArray(d, dOff + 2 * ldd);
        acc2_1.intoArray(d, dOff + 2 * ldd + LD);
        acc3_0.intoArray(d, dOff + 3 * ldd);
        acc3_1.intoArray(d, dOff + 3 * ldd + LD);
        acc4_0.intoArray(d, dOff + 4 * ldd);
        acc4_1.intoArray(d, dOff + 4 * ldd + LD);
        acc5_0.intoArray(d, dOff + 5 * ldd);
        acc5_1.intoArray(d, dOff + 5 * ldd + LD);
        acc6_0.intoArray(d, dOff + 6 * ldd);
        acc6_1.intoArray(d, dOff + 6 * ldd + LD);
        acc7_0.intoArray(d, dOff + 7 * ldd);
        acc7_1.intoArray(d, dOff + 7 * ldd + LD);
    }

    @Override
    public void tileF64(int kc, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int ldc,
            double[] d, int dOff, int ldd, int rows) {
        final int nr = 2 * LD;
        DoubleVector acc0_0 = rows > 0 ? DoubleVector.fromArray(D, c, cOff) : DoubleVector.zero(D);
        DoubleVector acc0_1 = rows > 0 ? DoubleVector.fromArray(D, c, cOff + LD) : DoubleVector.zero(D);
        DoubleVector acc1_0 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc) : DoubleVector.zero(D);
        DoubleVector acc1_1 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc2_0 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc) : DoubleVector.zero(D);
        DoubleVector acc2_1 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc3_0 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc) : DoubleVector.zero(D);
        DoubleVector acc3_1 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc4_0 = rows > 4 ? DoubleVector.fromArray(D, c, cOff + 4 * ldc) : DoubleVector.zero(D);
        DoubleVector acc4_1 = rows > 4 ? DoubleVector.fromArray(D, c, cOff + 4 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc5_0 = rows > 5 ? DoubleVector.fromArray(D, c, cOff + 5 * ldc) : DoubleVector.zero(D);
        DoubleVector acc5_1 = rows > 5 ? DoubleVector.fromArray(D, c, cOff + 5 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc6_0 = rows > 6 ? DoubleVector.fromArray(D, c, cOff + 6 * ldc) : DoubleVector.zero(D);
        DoubleVector acc6_1 = rows > 6 ? DoubleVector.fromArray(D, c, cOff + 6 * ldc + LD) : DoubleVector.zero(D);
        for (int r = 0; r < kc; r++) {
            int bi = bOff + r * nr;
            int ai = aOff + r * MR;
            DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
            DoubleVector w0 = DoubleVector.broadcast(D, a[ai]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            DoubleVector w1 = DoubleVector.broadcast(D, a[ai + 1]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            DoubleVector w2 = DoubleVector.broadcast(D, a[ai + 2]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            DoubleVector w3 = DoubleVector.broadcast(D, a[ai + 3]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
            DoubleVector w4 = DoubleVector.broadcast(D, a[ai + 4]);
            acc4_0 = w4.fma(b0, acc4_0);
            acc4_1 = w4.fma(b1, acc4_1);
            DoubleVector w5 = DoubleVector.broadcast(D, a[ai + 5]);
            acc5_0 = w5.fma(b0, acc5_0);
            acc5_1 = w5.fma(b1, acc5_1);
            DoubleVector w6 = DoubleVector.broadcast(D, a[ai + 6]);
            acc6_0 = w6.fma(b0, acc6_0);
            acc6_1 = w6.fma(b1, acc6_1);
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LD);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LD);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LD);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LD);
        }
        if (rows > 4) {
            acc4_0.intoArray(d, dOff + 4 * ldd);
            acc4_1.intoArray(d, dOff + 4 * ldd + LD);
        }
        if (rows > 5) {
            acc5_0.intoArray(d, dOff + 5 * ldd);
            acc5_1.intoArray(d, dOff + 5 * ldd + LD);
        }
        if (rows > 6) {
            acc6_0.intoArray(d, dOff + 6 * ldd);
            acc6_1.intoArray(d, dOff + 6 * ldd + LD);
        }
    }

    @Override
    public void tileF64Half(int kc, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int ldc,
            double[] d, int dOff, int ldd, int rows) {
        final int nr = 2 * LD;
        DoubleVector acc0_0 = rows > 0 ? DoubleVector.fromArray(D, c, cOff) : DoubleVector.zero(D);
        DoubleVector acc0_1 = rows > 0 ? DoubleVector.fromArray(D, c, cOff + LD) : DoubleVector.zero(D);
        DoubleVector acc1_0 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc) : DoubleVector.zero(D);
        DoubleVector acc1_1 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc2_0 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc) : DoubleVector.zero(D);
        DoubleVector acc2_1 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc3_0 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc) : DoubleVector.zero(D);
        DoubleVector acc3_1 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD) : DoubleVector.zero(D);
        for (int r = 0; r < kc; r++) {
            int bi = bOff + r * nr;
            int ai = aOff + r * MR;
            DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
            DoubleVector w0 = DoubleVector.broadcast(D, a[ai]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            DoubleVector w1 = DoubleVector.broadcast(D, a[ai + 1]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            DoubleVector w2 = DoubleVector.broadcast(D, a[ai + 2]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            DoubleVector w3 = DoubleVector.broadcast(D, a[ai + 3]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LD);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LD);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LD);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LD);
        }
    }

    @Override
    public void tileF64HalfPair(int kc, double[] a, int aOff, double[] b, int bOff, int bNext,
            double[] c, int cOff, int cOff2, int ldc,
            double[] d, int dOff, int dOff2, int ldd, int rows) {
        final int nr = 2 * LD;
        DoubleVector acc0_0 = rows > 0 ? DoubleVector.fromArray(D, c, cOff) : DoubleVector.zero(D);
        DoubleVector acc0_1 = rows > 0 ? DoubleVector.fromArray(D, c, cOff + LD) : DoubleVector.zero(D);
        DoubleVector acc0_2 = rows > 0 ? DoubleVector.fromArray(D, c, cOff2) : DoubleVector.zero(D);
        DoubleVector acc0_3 = rows > 0 ? DoubleVector.fromArray(D, c, cOff2 + LD) : DoubleVector.zero(D);
        DoubleVector acc1_0 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc) : DoubleVector.zero(D);
        DoubleVector acc1_1 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc1_2 = rows > 1 ? DoubleVector.fromArray(D, c, cOff2 + 1 * ldc) : DoubleVector.zero(D);
        DoubleVector acc1_3 = rows > 1 ? DoubleVector.fromArray(D, c, cOff2 + 1 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc2_0 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc) : DoubleVector.zero(D);
        DoubleVector acc2_1 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc2_2 = rows > 2 ? DoubleVector.fromArray(D, c, cOff2 + 2 * ldc) : DoubleVector.zero(D);
        DoubleVector acc2_3 = rows > 2 ? DoubleVector.fromArray(D, c, cOff2 + 2 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc3_0 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc) : DoubleVector.zero(D);
        DoubleVector acc3_1 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc3_2 = rows > 3 ? DoubleVector.fromArray(D, c, cOff2 + 3 * ldc) : DoubleVector.zero(D);
        DoubleVector acc3_3 = rows > 3 ? DoubleVector.fromArray(D, c, cOff2 + 3 * ldc + LD) : DoubleVector.zero(D);
        for (int r = 0; r < kc; r++) {
            int bi = bOff + r * nr;
            int ai = aOff + r * MR;
            DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
            DoubleVector b2 = DoubleVector.fromArray(D, b, bi + bNext);
            DoubleVector b3 = DoubleVector.fromArray(D, b, bi + bNext + LD);
            DoubleVector w0 = DoubleVector.broadcast(D, a[ai]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            acc0_2 = w0.fma(b2, acc0_2);
            acc0_3 = w0.fma(b3, acc0_3);
            DoubleVector w1 = DoubleVector.broadcast(D, a[ai + 1]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            acc1_2 = w1.fma(b2, acc1_2);
            acc1_3 = w1.fma(b3, acc1_3);
            DoubleVector w2 = DoubleVector.broadcast(D, a[ai + 2]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            acc2_2 = w2.fma(b2, acc2_2);
            acc2_3 = w2.fma(b3, acc2_3);
            DoubleVector w3 = DoubleVector.broadcast(D, a[ai + 3]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
            acc3_2 = w3.fma(b2, acc3_2);
            acc3_3 = w3.fma(b3, acc3_3);
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LD);
            acc0_2.intoArray(d, dOff2);
            acc0_3.intoArray(d, dOff2 + LD);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LD);
            acc1_2.intoArray(d, dOff2 + 1 * ldd);
            acc1_3.intoArray(d, dOff2 + 1 * ldd + LD);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LD);
            acc2_2.intoArray(d, dOff2 + 2 * ldd);
            acc2_3.intoArray(d, dOff2 + 2 * ldd + LD);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LD);
            acc3_2.intoArray(d, dOff2 + 3 * ldd);
            acc3_3.intoArray(d, dOff2 + 3 * ldd + LD);
        }
    }

    @Override
    public void tileF64(int kc, double[] a, int aOff, double[] b, int[] bRows, int bRowsOff, int bCol,
            double[] c, int cOff, int ldc, double[] d, int dOff, int ldd) {
        DoubleVector acc0_0 = DoubleVector.fromArray(D, c, cOff);
        DoubleVector acc0_1 = DoubleVector.fromArray(D, c, cOff + LD);
        DoubleVector acc1_0 = DoubleVector.fromArray(D, c, cOff + 1 * ldc);
        DoubleVector acc1_1 = DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD);
        DoubleVector acc2_0 = DoubleVector.fromArray(D, c, cOff + 2 * ldc);
        DoubleVector acc2_1 = DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD);
        DoubleVector acc3_0 = DoubleVector.fromArray(D, c, cOff + 3 * ldc);
        DoubleVector acc3_1 = DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD);
        DoubleVector acc4_0 = DoubleVector.fromArray(D, c, cOff + 4 * ldc);
        DoubleVector acc4_1 = DoubleVector.fromArray(D, c, cOff + 4 * ldc + LD);
        DoubleVector acc5_0 = DoubleVector.fromArray(D, c, cOff + 5 * ldc);
        DoubleVector acc5_1 = DoubleVector.fromArray(D, c, cOff + 5 * ldc + LD);
        DoubleVector acc6_0 = DoubleVector.fromArray(D, c, cOff + 6 * ldc);
        DoubleVector acc6_1 = DoubleVector.fromArray(D, c, cOff + 6 * ldc + LD);
        DoubleVector acc7_0 = DoubleVector.fromArray(D, c, cOff + 7 * ldc);
        DoubleVector acc7_1 = DoubleVector.fromArray(D, c, cOff + 7 * ldc + LD);
        for (int r = 0; r < kc; r++) {
            int bi = bRows[bRowsOff + r] + bCol;
            int ai = aOff + r * MR;
            DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
            DoubleVector w0 = DoubleVector.broadcast(D, a[ai]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            DoubleVector w1 = DoubleVector.broadcast(D, a[ai + 1]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            DoubleVector w2 = DoubleVector.broadcast(D, a[ai + 2]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            DoubleVector w3 = DoubleVector.broadcast(D, a[ai + 3]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
            DoubleVector w4 = DoubleVector.broadcast(D, a[ai + 4]);
            acc4_0 = w4.fma(b0, acc4_0);
            acc4_1 = w4.fma(b1, acc4_1);
            DoubleVector w5 = DoubleVector.broadcast(D, a[ai + 5]);
            acc5_0 = w5.fma(b0, acc5_0);
            acc5_1 = w5.fma(b1, acc5_1);
            DoubleVector w6 = DoubleVector.broadcast(D, a[ai + 6]);
            acc6_0 = w6.fma(b0, acc6_0);
            acc6_1 = w6.fma(b1, acc6_1);
            DoubleVector w7 = DoubleVector.broadcast(D, a[ai + 7]);
            acc7_0 = w7.fma(b0, acc7_0);
            acc7_1 = w7.fma(b1, acc7_1);
        }
        acc0_0.intoArray(d, dOff);
        acc0_1.intoArray(d, dOff + LD);
        acc1_0.intoArray(d, dOff + 1 * ldd);
        acc1_1.intoArray(d, dOff + 1 * ldd + LD);
        acc2_0.intoArray(d, dOff + 2 * ldd);
        acc2_1.intoArray(d, dOff + 2 * ldd + LD);
        acc3_0.intoArray(d, dOff + 3 * ldd);
        acc3_1.intoArray(d, dOff + 3 * ldd + LD);
        acc4_0.intoArray(d, dOff + 4 * ldd);
        acc4_1.intoArray(d, dOff + 4 * ldd + LD);
        acc5_0.intoArray(d, dOff + 5 * ldd);
        acc5_1.intoArray(d, dOff + 5 * ldd + LD);
        acc6_0.intoArray(d, dOff + 6 * ldd);
        acc6_1.intoArray(d, dOff + 6 * ldd + LD);
        acc7_0.intoArray(d, dOff + 7 * ldd);
        acc7_1.intoArray(d, dOff + 7 * ldd + LD);
    }

    @Override
    public void tileF64(int kc, double[] a, int aOff, double[] b, int[] bRows, int bRowsOff, int bCol,
            double[] c, int cOff, int ldc, double[] d, int dOff, int ldd, int rows) {
        DoubleVector acc0_0 = rows > 0 ? DoubleVector.fromArray(D, c, cOff) : DoubleVector.zero(D);
        DoubleVector acc0_1 = rows > 0 ? DoubleVector.fromArray(D, c, cOff + LD) : DoubleVector.zero(D);
        DoubleVector acc1_0 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc) : DoubleVector.zero(D);
        DoubleVector acc1_1 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc2_0 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc) : DoubleVector.zero(D);
        DoubleVector acc2_1 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc3_0 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc) : DoubleVector.zero(D);
        DoubleVector acc3_1 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc4_0 = rows > 4 ? DoubleVector.fromArray(D, c, cOff + 4 * ldc) : DoubleVector.zero(D);
        DoubleVector acc4_1 = rows > 4 ? DoubleVector.fromArray(D, c, cOff + 4 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc5_0 = rows > 5 ? DoubleVector.fromArray(D, c, cOff + 5 * ldc) : DoubleVector.zero(D);
        DoubleVector acc5_1 = rows > 5 ? DoubleVector.fromArray(D, c, cOff + 5 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc6_0 = rows > 6 ? DoubleVector.fromArray(D, c, cOff + 6 * ldc) : DoubleVector.zero(D);
        DoubleVector acc6_1 = rows > 6 ? DoubleVector.fromArray(D, c, cOff + 6 * ldc + LD) : DoubleVector.zero(D);
        for (int r = 0; r < kc; r++) {
            int bi = bRows[bRowsOff + r] + bCol;
            int ai = aOff + r * MR;
            DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
            DoubleVector w0 = DoubleVector.broadcast(D, a[ai]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            DoubleVector w1 = DoubleVector.broadcast(D, a[ai + 1]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            DoubleVector w2 = DoubleVector.broadcast(D, a[ai + 2]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            DoubleVector w3 = DoubleVector.broadcast(D, a[ai + 3]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
            DoubleVector w4 = DoubleVector.broadcast(D, a[ai + 4]);
            acc4_0 = w4.fma(b0, acc4_0);
            acc4_1 = w4.fma(b1, acc4_1);
            DoubleVector w5 = DoubleVector.broadcast(D, a[ai + 5]);
            acc5_0 = w5.fma(b0, acc5_0);
            acc5_1 = w5.fma(b1, acc5_1);
            DoubleVector w6 = DoubleVector.broadcast(D, a[ai + 6]);
            acc6_0 = w6.fma(b0, acc6_0);
            acc6_1 = w6.fma(b1, acc6_1);
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LD);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LD);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LD);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LD);
        }
        if (rows > 4) {
            acc4_0.intoArray(d, dOff + 4 * ldd);
            acc4_1.intoArray(d, dOff + 4 * ldd + LD);
        }
        if (rows > 5) {
            acc5_0.intoArray(d, dOff + 5 * ldd);
            acc5_1.intoArray(d, dOff + 5 * ldd + LD);
        }
        if (rows > 6) {
            acc6_0.intoArray(d, dOff + 6 * ldd);
            acc6_1.intoArray(d, dOff + 6 * ldd + LD);
        }
    }

    @Override
    public void tileF64Half(int kc, double[] a, int aOff, double[] b, int[] bRows, int bRowsOff, int bCol,
            double[] c, int cOff, int ldc, double[] d, int dOff, int ldd, int rows) {
        DoubleVector acc0_0 = rows > 0 ? DoubleVector.fromArray(D, c, cOff) : DoubleVector.zero(D);
        DoubleVector acc0_1 = rows > 0 ? DoubleVector.fromArray(D, c, cOff + LD) : DoubleVector.zero(D);
        DoubleVector acc1_0 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc) : DoubleVector.zero(D);
        DoubleVector acc1_1 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc2_0 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc) : DoubleVector.zero(D);
        DoubleVector acc2_1 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc3_0 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc) : DoubleVector.zero(D);
        DoubleVector acc3_1 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD) : DoubleVector.zero(D);
        for (int r = 0; r < kc; r++) {
            int bi = bRows[bRowsOff + r] + bCol;
            int ai = aOff + r * MR;
            DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
            DoubleVector w0 = DoubleVector.broadcast(D, a[ai]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            DoubleVector w1 = DoubleVector.broadcast(D, a[ai + 1]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            DoubleVector w2 = DoubleVector.broadcast(D, a[ai + 2]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            DoubleVector w3 = DoubleVector.broadcast(D, a[ai + 3]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LD);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LD);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LD);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LD);
        }
    }

    @Override
    public void tileF64HalfPair(int kc, double[] a, int aOff, double[] b, int[] bRows, int bRowsOff, int bCol, int bNext,
            double[] c, int cOff, int cOff2, int ldc, double[] d, int dOff, int dOff2, int ldd, int rows) {
        DoubleVector acc0_0 = rows > 0 ? DoubleVector.fromArray(D, c, cOff) : DoubleVector.zero(D);
        DoubleVector acc0_1 = rows > 0 ? DoubleVector.fromArray(D, c, cOff + LD) : DoubleVector.zero(D);
        DoubleVector acc0_2 = rows > 0 ? DoubleVector.fromArray(D, c, cOff2) : DoubleVector.zero(D);
        DoubleVector acc0_3 = rows > 0 ? DoubleVector.fromArray(D, c, cOff2 + LD) : DoubleVector.zero(D);
        DoubleVector acc1_0 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc) : DoubleVector.zero(D);
        DoubleVector acc1_1 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc1_2 = rows > 1 ? DoubleVector.fromArray(D, c, cOff2 + 1 * ldc) : DoubleVector.zero(D);
        DoubleVector acc1_3 = rows > 1 ? DoubleVector.fromArray(D, c, cOff2 + 1 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc2_0 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc) : DoubleVector.zero(D);
        DoubleVector acc2_1 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc2_2 = rows > 2 ? DoubleVector.fromArray(D, c, cOff2 + 2 * ldc) : DoubleVector.zero(D);
        DoubleVector acc2_3 = rows > 2 ? DoubleVector.fromArray(D, c, cOff2 + 2 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc3_0 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc) : DoubleVector.zero(D);
        DoubleVector acc3_1 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc3_2 = rows > 3 ? DoubleVector.fromArray(D, c, cOff2 + 3 * ldc) : DoubleVector.zero(D);
        DoubleVector acc3_3 = rows > 3 ? DoubleVector.fromArray(D, c, cOff2 + 3 * ldc + LD) : DoubleVector.zero(D);
        for (int r = 0; r < kc; r++) {
            int bi = bRows[bRowsOff + r] + bCol;
            int ai = aOff + r * MR;
            DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
            DoubleVector b2 = DoubleVector.fromArray(D, b, bi + bNext);
            DoubleVector b3 = DoubleVector.fromArray(D, b, bi + bNext + LD);
            DoubleVector w0 = DoubleVector.broadcast(D, a[ai]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            acc0_2 = w0.fma(b2, acc0_2);
            acc0_3 = w0.fma(b3, acc0_3);
            DoubleVector w1 = DoubleVector.broadcast(D, a[ai + 1]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            acc1_2 = w1.fma(b2, acc1_2);
            acc1_3 = w1.fma(b3, acc1_3);
            DoubleVector w2 = DoubleVector.broadcast(D, a[ai + 2]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            acc2_2 = w2.fma(b2, acc2_2);
            acc2_3 = w2.fma(b3, acc2_3);
            DoubleVector w3 = DoubleVector.broadcast(D, a[ai + 3]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
            acc3_2 = w3.fma(b2, acc3_2);
            acc3_3 = w3.fma(b3, acc3_3);
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LD);
            acc0_2.intoArray(d, dOff2);
            acc0_3.intoArray(d, dOff2 + LD);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LD);
            acc1_2.intoArray(d, dOff2 + 1 * ldd);
            acc1_3.intoArray(d, dOff2 + 1 * ldd + LD);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LD);
            acc2_2.intoArray(d, dOff2 + 2 * ldd);
            acc2_3.intoArray(d, dOff2 + 2 * ldd + LD);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LD);
            acc3_2.intoArray(d, dOff2 + 3 * ldd);
            acc3_3.intoArray(d, dOff2 + 3 * ldd + LD);
        }
    }

    @Override
    public void tileF64(int[] runs, int runCount, double[] a, int aOff, double[] b, int bCol,
            double[] c, int cOff, int ldc, double[] d, int dOff, int ldd) {
        DoubleVector acc0_0 = DoubleVector.fromArray(D, c, cOff);
        DoubleVector acc0_1 = DoubleVector.fromArray(D, c, cOff + LD);
        DoubleVector acc1_0 = DoubleVector.fromArray(D, c, cOff + 1 * ldc);
        DoubleVector acc1_1 = DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD);
        DoubleVector acc2_0 = DoubleVector.fromArray(D, c, cOff + 2 * ldc);
        DoubleVector acc2_1 = DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD);
        DoubleVector acc3_0 = DoubleVector.fromArray(D, c, cOff + 3 * ldc);
        DoubleVector acc3_1 = DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD);
        DoubleVector acc4_0 = DoubleVector.fromArray(D, c, cOff + 4 * ldc);
        DoubleVector acc4_1 = DoubleVector.fromArray(D, c, cOff + 4 * ldc + LD);
        DoubleVector acc5_0 = DoubleVector.fromArray(D, c, cOff + 5 * ldc);
        DoubleVector acc5_1 = DoubleVector.fromArray(D, c, cOff + 5 * ldc + LD);
        DoubleVector acc6_0 = DoubleVector.fromArray(D, c, cOff + 6 * ldc);
        DoubleVector acc6_1 = DoubleVector.fromArray(D, c, cOff + 6 * ldc + LD);
        DoubleVector acc7_0 = DoubleVector.fromArray(D, c, cOff + 7 * ldc);
        DoubleVector acc7_1 = DoubleVector.fromArray(D, c, cOff + 7 * ldc + LD);
        int aRun = aOff;
        for (int q = 0; q < 3 * runCount; q += 3) {
            int start = runs[q] + bCol;
            int step = runs[q + 1];
            int kc = runs[q + 2];
            for (int r = 0; r < kc; r++) {
                int bi = start + r * step;
                int ai = aRun + r * MR;
                DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
                DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
                DoubleVector w0 = DoubleVector.broadcast(D, a[ai]);
                acc0_0 = w0.fma(b0, acc0_0);
                acc0_1 = w0.fma(b1, acc0_1);
                DoubleVector w1 = DoubleVector.broadcast(D, a[ai + 1]);
                acc1_0 = w1.fma(b0, acc1_0);
                acc1_1 = w1.fma(b1, acc1_1);
                DoubleVector w2 = DoubleVector.broadcast(D, a[ai + 2]);
                acc2_0 = w2.fma(b0, acc2_0);
                acc2_1 = w2.fma(b1, acc2_1);
                DoubleVector w3 = DoubleVector.broadcast(D, a[ai + 3]);
                acc3_0 = w3.fma(b0, acc3_0);
                acc3_1 = w3.fma(b1, acc3_1);
                DoubleVector w4 = DoubleVector.broadcast(D, a[ai + 4]);
                acc4_0 = w4.fma(b0, acc4_0);
                acc4_1 = w4.fma(b1, acc4_1);
                DoubleVector w5 = DoubleVector.broadcast(D, a[ai + 5]);
                acc5_0 = w5.fma(b0, acc5_0);
                acc5_1 = w5.fma(b1, acc5_1);
                DoubleVector w6 = DoubleVector.broadcast(D, a[ai + 6]);
                acc6_0 = w6.fma(b0, acc6_0);
                acc6_1 = w6.fma(b1, acc6_1);
                DoubleVector w7 = DoubleVector.broadcast(D, a[ai + 7]);
                acc7_0 = w7.fma(b0, acc7_0);
                acc7_1 = w7.fma(b1, acc7_1);
            }
            aRun += kc * MR;
        }
        acc0_0.intoArray(d, dOff);
        acc0_1.intoArray(d, dOff + LD);
        acc1_0.intoArray(d, dOff + 1 * ldd);
        acc1_1.intoArray(d, dOff + 1 * ldd + LD);
        acc2_0.intoArray(d, dOff + 2 * ldd);
        acc2_1.intoArray(d, dOff + 2 * ldd + LD);
        acc3_0.intoArray(d, dOff + 3 * ldd);
        acc3_1.intoArray(d, dOff + 3 * ldd + LD);
        acc4_0.intoArray(d, dOff + 4 * ldd);
        acc4_1.intoArray(d, dOff + 4 * ldd + LD);
        acc5_0.intoArray(d, dOff + 5 * ldd);
        acc5_1.intoArray(d, dOff + 5 * ldd + LD);
        acc6_0.intoArray(d, dOff + 6 * ldd);
        acc6_1.intoArray(d, dOff + 6 * ldd + LD);
        acc7_0.intoArray(d, dOff + 7 * ldd);
        acc7_1.intoArray(d, dOff + 7 * ldd + LD);
    }

    @Override
    public void tileF64(int[] runs, int runCount, double[] a, int aOff, double[] b, int bCol,
            double[] c, int cOff, int ldc, double[] d, int dOff, int ldd, int rows) {
        DoubleVector acc0_0 = rows > 0 ? DoubleVector.fromArray(D, c, cOff) : DoubleVector.zero(D);
        DoubleVector acc0_1 = rows > 0 ? DoubleVector.fromArray(D, c, cOff + LD) : DoubleVector.zero(D);
        DoubleVector acc1_0 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc) : DoubleVector.zero(D);
        DoubleVector acc1_1 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc2_0 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc) : DoubleVector.zero(D);
        DoubleVector acc2_1 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc3_0 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc) : DoubleVector.zero(D);
        DoubleVector acc3_1 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc4_0 = rows > 4 ? DoubleVector.fromArray(D, c, cOff + 4 * ldc) : DoubleVector.zero(D);
        DoubleVector acc4_1 = rows > 4 ? DoubleVector.fromArray(D, c, cOff + 4 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc5_0 = rows > 5 ? DoubleVector.fromArray(D, c, cOff + 5 * ldc) : DoubleVector.zero(D);
        DoubleVector acc5_1 = rows > 5 ? DoubleVector.fromArray(D, c, cOff + 5 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc6_0 = rows > 6 ? DoubleVector.fromArray(D, c, cOff + 6 * ldc) : DoubleVector.zero(D);
        DoubleVector acc6_1 = rows > 6 ? DoubleVector.fromArray(D, c, cOff + 6 * ldc + LD) : DoubleVector.zero(D);
        int aRun = aOff;
        for (int q = 0; q < 3 * runCount; q += 3) {
            int start = runs[q] + bCol;
            int step = runs[q + 1];
            int kc = runs[q + 2];
            for (int r = 0; r < kc; r++) {
                int bi = start + r * step;
                int ai = aRun + r * MR;
                DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
                DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
                DoubleVector w0 = DoubleVector.broadcast(D, a[ai]);
                acc0_0 = w0.fma(b0, acc0_0);
                acc0_1 = w0.fma(b1, acc0_1);
                DoubleVector w1 = DoubleVector.broadcast(D, a[ai + 1]);
                acc1_0 = w1.fma(b0, acc1_0);
                acc1_1 = w1.fma(b1, acc1_1);
                DoubleVector w2 = DoubleVector.broadcast(D, a[ai + 2]);
                acc2_0 = w2.fma(b0, acc2_0);
                acc2_1 = w2.fma(b1, acc2_1);
                DoubleVector w3 = DoubleVector.broadcast(D, a[ai + 3]);
                acc3_0 = w3.fma(b0, acc3_0);
                acc3_1 = w3.fma(b1, acc3_1);
                DoubleVector w4 = DoubleVector.broadcast(D, a[ai + 4]);
                acc4_0 = w4.fma(b0, acc4_0);
                acc4_1 = w4.fma(b1, acc4_1);
                DoubleVector w5 = DoubleVector.broadcast(D, a[ai + 5]);
                acc5_0 = w5.fma(b0, acc5_0);
                acc5_1 = w5.fma(b1, acc5_1);
                DoubleVector w6 = DoubleVector.broadcast(D, a[ai + 6]);
                acc6_0 = w6.fma(b0, acc6_0);
                acc6_1 = w6.fma(b1, acc6_1);
            }
            aRun += kc * MR;
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LD);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LD);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LD);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LD);
        }
        if (rows > 4) {
            acc4_0.intoArray(d, dOff + 4 * ldd);
            acc4_1.intoArray(d, dOff + 4 * ldd + LD);
        }
        if (rows > 5) {
            acc5_0.intoArray(d, dOff + 5 * ldd);
            acc5_1.intoArray(d, dOff + 5 * ldd + LD);
        }
        if (rows > 6) {
            acc6_0.intoArray(d, dOff + 6 * ldd);
            acc6_1.intoArray(d, dOff + 6 * ldd + LD);
        }
    }

    @Override
    public void tileF64Half(int[] runs, int runCount, double[] a, int aOff, double[] b, int bCol,
            double[] c, int cOff, int ldc, double[] d, int dOff, int ldd, int rows) {
        DoubleVector acc0_0 = rows > 0 ? DoubleVector.fromArray(D, c, cOff) : DoubleVector.zero(D);
        DoubleVector acc0_1 = rows > 0 ? DoubleVector.fromArray(D, c, cOff + LD) : DoubleVector.zero(D);
        DoubleVector acc1_0 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc) : DoubleVector.zero(D);
        DoubleVector acc1_1 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc2_0 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc) : DoubleVector.zero(D);
        DoubleVector acc2_1 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc3_0 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc) : DoubleVector.zero(D);
        DoubleVector acc3_1 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD) : DoubleVector.zero(D);
        int aRun = aOff;
        for (int q = 0; q < 3 * runCount; q += 3) {
            int start = runs[q] + bCol;
            int step = runs[q + 1];
            int kc = runs[q + 2];
            for (int r = 0; r < kc; r++) {
                int bi = start + r * step;
                int ai = aRun + r * MR;
                DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
                DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
                DoubleVector w0 = DoubleVector.broadcast(D, a[ai]);
                acc0_0 = w0.fma(b0, acc0_0);
                acc0_1 = w0.fma(b1, acc0_1);
                DoubleVector w1 = DoubleVector.broadcast(D, a[ai + 1]);
                acc1_0 = w1.fma(b0, acc1_0);
                acc1_1 = w1.fma(b1, acc1_1);
                DoubleVector w2 = DoubleVector.broadcast(D, a[ai + 2]);
                acc2_0 = w2.fma(b0, acc2_0);
                acc2_1 = w2.fma(b1, acc2_1);
                DoubleVector w3 = DoubleVector.broadcast(D, a[ai + 3]);
                acc3_0 = w3.fma(b0, acc3_0);
                acc3_1 = w3.fma(b1, acc3_1);
            }
            aRun += kc * MR;
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LD);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LD);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LD);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LD);
        }
    }

    @Override
    public void tileF64HalfPair(int[] runs, int runCount, double[] a, int aOff, double[] b, int bCol, int bNext,
            double[] c, int cOff, int cOff2, int ldc, double[] d, int dOff, int dOff2, int ldd, int rows) {
        DoubleVector acc0_0 = rows > 0 ? DoubleVector.fromArray(D, c, cOff) : DoubleVector.zero(D);
        DoubleVector acc0_1 = rows > 0 ? DoubleVector.fromArray(D, c, cOff + LD) : DoubleVector.zero(D);
        DoubleVector acc0_2 = rows > 0 ? DoubleVector.fromArray(D, c, cOff2) : DoubleVector.zero(D);
        DoubleVector acc0_3 = rows > 0 ? DoubleVector.fromArray(D, c, cOff2 + LD) : DoubleVector.zero(D);
        DoubleVector acc1_0 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc) : DoubleVector.zero(D);
        DoubleVector acc1_1 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc1_2 = rows > 1 ? DoubleVector.fromArray(D, c, cOff2 + 1 * ldc) : DoubleVector.zero(D);
        DoubleVector acc1_3 = rows > 1 ? DoubleVector.fromArray(D, c, cOff2 + 1 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc2_0 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc) : DoubleVector.zero(D);
        DoubleVector acc2_1 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc2_2 = rows > 2 ? DoubleVector.fromArray(D, c, cOff2 + 2 * ldc) : DoubleVector.zero(D);
        DoubleVector acc2_3 = rows > 2 ? DoubleVector.fromArray(D, c, cOff2 + 2 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc3_0 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc) : DoubleVector.zero(D);
        DoubleVector acc3_1 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc3_2 = rows > 3 ? DoubleVector.fromArray(D, c, cOff2 + 3 * ldc) : DoubleVector.zero(D);
        DoubleVector acc3_3 = rows > 3 ? DoubleVector.fromArray(D, c, cOff2 + 3 * ldc + LD) : DoubleVector.zero(D);
        int aRun = aOff;
        for (int q = 0; q < 3 * runCount; q += 3) {
            int start = runs[q] + bCol;
            int step = runs[q + 1];
            int kc = runs[q + 2];
            for (int r = 0; r < kc; r++) {
                int bi = start + r * step;
                int ai = aRun + r * MR;
                DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
                DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
                DoubleVector b2 = DoubleVector.fromArray(D, b, bi + bNext);
                DoubleVector b3 = DoubleVector.fromArray(D, b, bi + bNext + LD);
                DoubleVector w0 = DoubleVector.broadcast(D, a[ai]);
                acc0_0 = w0.fma(b0, acc0_0);
                acc0_1 = w0.fma(b1, acc0_1);
                acc0_2 = w0.fma(b2, acc0_2);
                acc0_3 = w0.fma(b3, acc0_3);
                DoubleVector w1 = DoubleVector.broadcast(D, a[ai + 1]);
                acc1_0 = w1.fma(b0, acc1_0);
                acc1_1 = w1.fma(b1, acc1_1);
                acc1_2 = w1.fma(b2, acc1_2);
                acc1_3 = w1.fma(b3, acc1_3);
                DoubleVector w2 = DoubleVector.broadcast(D, a[ai + 2]);
                acc2_0 = w2.fma(b0, acc2_0);
                acc2_1 = w2.fma(b1, acc2_1);
                acc2_2 = w2.fma(b2, acc2_2);
                acc2_3 = w2.fma(b3, acc2_3);
                DoubleVector w3 = DoubleVector.broadcast(D, a[ai + 3]);
                acc3_0 = w3.fma(b0, acc3_0);
                acc3_1 = w3.fma(b1, acc3_1);
                acc3_2 = w3.fma(b2, acc3_2);
                acc3_3 = w3.fma(b3, acc3_3);
            }
            aRun += kc * MR;
        }
        if (rows > 0) {
            acc0_0.intoArray(d, dOff);
            acc0_1.intoArray(d, dOff + LD);
            acc0_2.intoArray(d, dOff2);
            acc0_3.intoArray(d, dOff2 + LD);
        }
        if (rows > 1) {
            acc1_0.intoArray(d, dOff + 1 * ldd);
            acc1_1.intoArray(d, dOff + 1 * ldd + LD);
            acc1_2.intoArray(d, dOff2 + 1 * ldd);
            acc1_3.intoArray(d, dOff2 + 1 * ldd + LD);
        }
        if (rows > 2) {
            acc2_0.intoArray(d, dOff + 2 * ldd);
            acc2_1.intoArray(d, dOff + 2 * ldd + LD);
            acc2_2.intoArray(d, dOff2 + 2 * ldd);
            acc2_3.intoArray(d, dOff2 + 2 * ldd + LD);
        }
        if (rows > 3) {
            acc3_0.intoArray(d, dOff + 3 * ldd);
            acc3_1.intoArray(d, dOff + 3 * ldd + LD);
            acc3_2.intoArray(d, dOff2 + 3 * ldd);
            acc3_3.intoArray(d, dOff2 + 3 * ldd + LD);
        }
    }

    @Override
    public void frameTileF64(int kc, double[] a, int aOff, int aStride, double[] b, int bOff, int ldb,
            double[] c, int cOff, int ldc, int rows) {
        int a0 = aOff;
        int a1 = aOff + Math.min(1, rows - 1) * aStride;
        int a2 = aOff + Math.min(2, rows - 1) * aStride;
        int a3 = aOff + Math.min(3, rows - 1) * aStride;
        int a4 = aOff + Math.min(4, rows - 1) * aStride;
        int a5 = aOff + Math.min(5, rows - 1) * aStride;
        int a6 = aOff + Math.min(6, rows - 1) * aStride;
        int a7 = aOff + Math.min(7, rows - 1) * aStride;
        DoubleVector acc0_0 = DoubleVector.fromArray(D, c, cOff);
        DoubleVector acc0_1 = DoubleVector.fromArray(D, c, cOff + LD);
        DoubleVector acc1_0 = DoubleVector.fromArray(D, c, cOff + 1 * ldc);
        DoubleVector acc1_1 = DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD);
        DoubleVector acc2_0 = DoubleVector.fromArray(D, c, cOff + 2 * ldc);
        DoubleVector acc2_1 = DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD);
        DoubleVector acc3_0 = DoubleVector.fromArray(D, c, cOff + 3 * ldc);
        DoubleVector acc3_1 = DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD);
        DoubleVector acc4_0 = DoubleVector.fromArray(D, c, cOff + 4 * ldc);
        DoubleVector acc4_1 = DoubleVector.fromArray(D, c, cOff + 4 * ldc + LD);
        DoubleVector acc5_0 = DoubleVector.fromArray(D, c, cOff + 5 * ldc);
        DoubleVector acc5_1 = DoubleVector.fromArray(D, c, cOff + 5 * ldc + LD);
        DoubleVector acc6_0 = DoubleVector.fromArray(D, c, cOff + 6 * ldc);
        DoubleVector acc6_1 = DoubleVector.fromArray(D, c, cOff + 6 * ldc + LD);
        DoubleVector acc7_0 = DoubleVector.fromArray(D, c, cOff + 7 * ldc);
        DoubleVector acc7_1 = DoubleVector.fromArray(D, c, cOff + 7 * ldc + LD);
        for (int r = 0; r < kc; r++) {
            int bi = bOff + r * ldb;
            DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
            DoubleVector w0 = DoubleVector.broadcast(D, a[a0 + r]);
            acc0_0 = w0.fma(b0, acc0_0);
            acc0_1 = w0.fma(b1, acc0_1);
            DoubleVector w1 = DoubleVector.broadcast(D, a[a1 + r]);
            acc1_0 = w1.fma(b0, acc1_0);
            acc1_1 = w1.fma(b1, acc1_1);
            DoubleVector w2 = DoubleVector.broadcast(D, a[a2 + r]);
            acc2_0 = w2.fma(b0, acc2_0);
            acc2_1 = w2.fma(b1, acc2_1);
            DoubleVector w3 = DoubleVector.broadcast(D, a[a3 + r]);
            acc3_0 = w3.fma(b0, acc3_0);
            acc3_1 = w3.fma(b1, acc3_1);
            DoubleVector w4 = DoubleVector.broadcast(D, a[a4 + r]);
            acc4_0 = w4.fma(b0, acc4_0);
            acc4_1 = w4.fma(b1, acc4_1);
            DoubleVector w5 = DoubleVector.broadcast(D, a[a5 + r]);
            acc5_0 = w5.fma(b0, acc5_0);
            acc5_1 = w5.fma(b1, acc5_1);
            DoubleVector w6 = DoubleVector.broadcast(D, a[a6 + r]);
            acc6_0 = w6.fma(b0, acc6_0);
            acc6_1 = w6.fma(b1, acc6_1);
            DoubleVector w7 = DoubleVector.broadcast(D, a[a7 + r]);
            acc7_0 = w7.fma(b0, acc7_0);
            acc7_1 = w7.fma(b1, acc7_1);
        }
        acc0_0.intoArray(c, cOff);
        acc0_1.intoArray(c, cOff + LD);
        acc1_0.intoArray(c, cOff + 1 * ldc);
        acc1_1.intoArray(c, cOff + 1 * ldc + LD);
        acc2_0.intoArray(c, cOff + 2 * ldc);
        acc2_1.intoArray(c, cOff + 2 * ldc + LD);
        acc3_0.intoArray(c, cOff + 3 * ldc);
        acc3_1.intoArray(c, cOff + 3 * ldc + LD);
        acc4_0.intoArray(c, cOff + 4 * ldc);
        acc4_1.intoArray(c, cOff + 4 * ldc + LD);
        acc5_0.intoArray(c, cOff + 5 * ldc);
        acc5_1.intoArray(c, cOff + 5 * ldc + LD);
        acc6_0.intoArray(c, cOff + 6 * ldc);
        acc6_1.intoArray(c, cOff + 6 * ldc + LD);
        acc7_0.intoArray(c, cOff + 7 * ldc);
        acc7_1.intoArray(c, cOff + 7 * ldc + LD);
    }

    @Override
    public void packPanelsF64(int rn, int panels, double[] b, int[] bRows, int bCol, int panelStep, double[] dst) {
        final int nr = 2 * LD;
        for (int p = 0; p < panels; p++) {
            int col = bCol + p * panelStep;
            for (int r = 0; r < rn; r++) {
                int src = bRows[r] + col;
                int at = (p * rn + r) * nr;
                DoubleVector.fromArray(D, b, src).intoArray(dst, at);
                DoubleVector.fromArray(D, b, src + 1 * LD).intoArray(dst, at + 1 * LD);
            }
        }
    }

    @Override
    public int dotTileRows() {
        return 4;
    }

    @Override
    public int dotTileCols() {
        return 6;
    }

    @Override
    public void dotTileF32(int count, float[] a, int[] aRows, float[] b, int[] bRows, float[] acc, int accOff) {
        dotTileF32Wide(count, a, aRows, b, bRows, acc, accOff);
    }

    @Override
    public void dotTapsF32(int count, int taps, float[] a, int aOff, float[] b, int bOff, int[] bTaps, float[] acc,
            int accOff) {
        dotTapsF32Wide(count, taps, a, aOff, b, bOff, bTaps, acc, accOff);
    }

    @Override
    public void dotTileF64(int count, double[] a, int[] aRows, double[] b, int[] bRows, double[] acc, int accOff) {
        dotTileF64Wide(count, a, aRows, b, bRows, acc, accOff);
    }

    @Override
    public void dotTapsF64(int count, int taps, double[] a, int aOff, double[] b, int bOff, int[] bTaps, double[] acc,
            int accOff) {
        dotTapsF64Wide(count, taps, a, aOff, b, bOff, bTaps, acc, accOff);
    }
}
