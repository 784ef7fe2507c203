package org.conv4j.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import org.conv4j.kernel.fast.ConvMath;

/**
 * {@link ConvMath} with the Vector API. The register tile is 5 rows by 2 vectors: ten accumulators, two B vectors
 * and a broadcast fit AVX2's 16 registers (a 6 x 2 tile spills and runs at half speed; measured on Zen 4 with C2).
 * Every element follows Note [Bit-identical tiles]: one fused multiply-add per reduction step, in order, so the
 * results equal the scalar implementation's bit for bit.
 *
 * <p>Written out by {@code tools/gen_panama_conv_math.py}. The tiles come in two addressings of B, written out
 * separately because C2 hoists the bounds checks only out of the first: packed panels (row {@code r} at
 * {@code bOff + r*NR}, about 98% of the FMA peak) and a table of row starts (shifted runs of the input, about
 * 80%).
 */
public final class PanamaConvMath implements ConvMath {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Dot products use 256-bit vectors on every machine, so that their order of summation is fixed. */
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;
    private static final int LF = F.length();
    private static final int LD = D.length();
    private static final int MR = 5;

    public PanamaConvMath() {
        if (F.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("no vector registers (preferred species " + F + ")");
        }
    }

    @Override
    public String isa() {
        return "vector" + F.vectorBitSize();
    }

    @Override
    public int tileRows() {
        return MR;
    }

    @Override
    public int tileColsF32() {
        return 2 * LF;
    }

    @Override
    public int tileColsF64() {
        return 2 * LD;
    }

    @Override
    public void tileF32(int kc, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc) {
        final int nr = 2 * LF;
        FloatVector acc00 = FloatVector.fromArray(F, c, cOff);
        FloatVector acc01 = FloatVector.fromArray(F, c, cOff + LF);
        FloatVector acc10 = FloatVector.fromArray(F, c, cOff + 1 * ldc);
        FloatVector acc11 = FloatVector.fromArray(F, c, cOff + 1 * ldc + LF);
        FloatVector acc20 = FloatVector.fromArray(F, c, cOff + 2 * ldc);
        FloatVector acc21 = FloatVector.fromArray(F, c, cOff + 2 * ldc + LF);
        FloatVector acc30 = FloatVector.fromArray(F, c, cOff + 3 * ldc);
        FloatVector acc31 = FloatVector.fromArray(F, c, cOff + 3 * ldc + LF);
        FloatVector acc40 = FloatVector.fromArray(F, c, cOff + 4 * ldc);
        FloatVector acc41 = FloatVector.fromArray(F, c, cOff + 4 * ldc + LF);
        for (int r = 0; r < kc; r++) {
            int bi = bOff + r * nr;
            int ai = aOff + r * MR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
            FloatVector w0 = FloatVector.broadcast(F, a[ai]);
            acc00 = w0.fma(b0, acc00);
            acc01 = w0.fma(b1, acc01);
            FloatVector w1 = FloatVector.broadcast(F, a[ai + 1]);
            acc10 = w1.fma(b0, acc10);
            acc11 = w1.fma(b1, acc11);
            FloatVector w2 = FloatVector.broadcast(F, a[ai + 2]);
            acc20 = w2.fma(b0, acc20);
            acc21 = w2.fma(b1, acc21);
            FloatVector w3 = FloatVector.broadcast(F, a[ai + 3]);
            acc30 = w3.fma(b0, acc30);
            acc31 = w3.fma(b1, acc31);
            FloatVector w4 = FloatVector.broadcast(F, a[ai + 4]);
            acc40 = w4.fma(b0, acc40);
            acc41 = w4.fma(b1, acc41);
        }
        acc00.intoArray(c, cOff);
        acc01.intoArray(c, cOff + LF);
        acc10.intoArray(c, cOff + 1 * ldc);
        acc11.intoArray(c, cOff + 1 * ldc + LF);
        acc20.intoArray(c, cOff + 2 * ldc);
        acc21.intoArray(c, cOff + 2 * ldc + LF);
        acc30.intoArray(c, cOff + 3 * ldc);
        acc31.intoArray(c, cOff + 3 * ldc + LF);
        acc40.intoArray(c, cOff + 4 * ldc);
        acc41.intoArray(c, cOff + 4 * ldc + LF);
    }

    @Override
    public void tileF32(int kc, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc,
            int rows) {
        final int nr = 2 * LF;
        FloatVector acc00 = rows > 0 ? FloatVector.fromArray(F, c, cOff) : FloatVector.zero(F);
        FloatVector acc01 = rows > 0 ? FloatVector.fromArray(F, c, cOff + LF) : FloatVector.zero(F);
        FloatVector acc10 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc) : FloatVector.zero(F);
        FloatVector acc11 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc20 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc) : FloatVector.zero(F);
        FloatVector acc21 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc30 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc) : FloatVector.zero(F);
        FloatVector acc31 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc + LF) : FloatVector.zero(F);
        for (int r = 0; r < kc; r++) {
            int bi = bOff + r * nr;
            int ai = aOff + r * MR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
            FloatVector w0 = FloatVector.broadcast(F, a[ai]);
            acc00 = w0.fma(b0, acc00);
            acc01 = w0.fma(b1, acc01);
            FloatVector w1 = FloatVector.broadcast(F, a[ai + 1]);
            acc10 = w1.fma(b0, acc10);
            acc11 = w1.fma(b1, acc11);
            FloatVector w2 = FloatVector.broadcast(F, a[ai + 2]);
            acc20 = w2.fma(b0, acc20);
            acc21 = w2.fma(b1, acc21);
            FloatVector w3 = FloatVector.broadcast(F, a[ai + 3]);
            acc30 = w3.fma(b0, acc30);
            acc31 = w3.fma(b1, acc31);
        }
        if (rows > 0) {
            acc00.intoArray(c, cOff);
            acc01.intoArray(c, cOff + LF);
        }
        if (rows > 1) {
            acc10.intoArray(c, cOff + 1 * ldc);
            acc11.intoArray(c, cOff + 1 * ldc + LF);
        }
        if (rows > 2) {
            acc20.intoArray(c, cOff + 2 * ldc);
            acc21.intoArray(c, cOff + 2 * ldc + LF);
        }
        if (rows > 3) {
            acc30.intoArray(c, cOff + 3 * ldc);
            acc31.intoArray(c, cOff + 3 * ldc + LF);
        }
    }

    @Override
    public void tileF32(int kc, float[] a, int aOff, float[] b, int[] bRows, int bRowsOff, int bCol,
            float[] c, int cOff, int ldc) {
        FloatVector acc00 = FloatVector.fromArray(F, c, cOff);
        FloatVector acc01 = FloatVector.fromArray(F, c, cOff + LF);
        FloatVector acc10 = FloatVector.fromArray(F, c, cOff + 1 * ldc);
        FloatVector acc11 = FloatVector.fromArray(F, c, cOff + 1 * ldc + LF);
        FloatVector acc20 = FloatVector.fromArray(F, c, cOff + 2 * ldc);
        FloatVector acc21 = FloatVector.fromArray(F, c, cOff + 2 * ldc + LF);
        FloatVector acc30 = FloatVector.fromArray(F, c, cOff + 3 * ldc);
        FloatVector acc31 = FloatVector.fromArray(F, c, cOff + 3 * ldc + LF);
        FloatVector acc40 = FloatVector.fromArray(F, c, cOff + 4 * ldc);
        FloatVector acc41 = FloatVector.fromArray(F, c, cOff + 4 * ldc + LF);
        for (int r = 0; r < kc; r++) {
            int bi = bRows[bRowsOff + r] + bCol;
            int ai = aOff + r * MR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
            FloatVector w0 = FloatVector.broadcast(F, a[ai]);
            acc00 = w0.fma(b0, acc00);
            acc01 = w0.fma(b1, acc01);
            FloatVector w1 = FloatVector.broadcast(F, a[ai + 1]);
            acc10 = w1.fma(b0, acc10);
            acc11 = w1.fma(b1, acc11);
            FloatVector w2 = FloatVector.broadcast(F, a[ai + 2]);
            acc20 = w2.fma(b0, acc20);
            acc21 = w2.fma(b1, acc21);
            FloatVector w3 = FloatVector.broadcast(F, a[ai + 3]);
            acc30 = w3.fma(b0, acc30);
            acc31 = w3.fma(b1, acc31);
            FloatVector w4 = FloatVector.broadcast(F, a[ai + 4]);
            acc40 = w4.fma(b0, acc40);
            acc41 = w4.fma(b1, acc41);
        }
        acc00.intoArray(c, cOff);
        acc01.intoArray(c, cOff + LF);
        acc10.intoArray(c, cOff + 1 * ldc);
        acc11.intoArray(c, cOff + 1 * ldc + LF);
        acc20.intoArray(c, cOff + 2 * ldc);
        acc21.intoArray(c, cOff + 2 * ldc + LF);
        acc30.intoArray(c, cOff + 3 * ldc);
        acc31.intoArray(c, cOff + 3 * ldc + LF);
        acc40.intoArray(c, cOff + 4 * ldc);
        acc41.intoArray(c, cOff + 4 * ldc + LF);
    }

    @Override
    public void tileF32(int kc, float[] a, int aOff, float[] b, int[] bRows, int bRowsOff, int bCol,
            float[] c, int cOff, int ldc, int rows) {
        FloatVector acc00 = rows > 0 ? FloatVector.fromArray(F, c, cOff) : FloatVector.zero(F);
        FloatVector acc01 = rows > 0 ? FloatVector.fromArray(F, c, cOff + LF) : FloatVector.zero(F);
        FloatVector acc10 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc) : FloatVector.zero(F);
        FloatVector acc11 = rows > 1 ? FloatVector.fromArray(F, c, cOff + 1 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc20 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc) : FloatVector.zero(F);
        FloatVector acc21 = rows > 2 ? FloatVector.fromArray(F, c, cOff + 2 * ldc + LF) : FloatVector.zero(F);
        FloatVector acc30 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc) : FloatVector.zero(F);
        FloatVector acc31 = rows > 3 ? FloatVector.fromArray(F, c, cOff + 3 * ldc + LF) : FloatVector.zero(F);
        for (int r = 0; r < kc; r++) {
            int bi = bRows[bRowsOff + r] + bCol;
            int ai = aOff + r * MR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
            FloatVector w0 = FloatVector.broadcast(F, a[ai]);
            acc00 = w0.fma(b0, acc00);
            acc01 = w0.fma(b1, acc01);
            FloatVector w1 = FloatVector.broadcast(F, a[ai + 1]);
            acc10 = w1.fma(b0, acc10);
            acc11 = w1.fma(b1, acc11);
            FloatVector w2 = FloatVector.broadcast(F, a[ai + 2]);
            acc20 = w2.fma(b0, acc20);
            acc21 = w2.fma(b1, acc21);
            FloatVector w3 = FloatVector.broadcast(F, a[ai + 3]);
            acc30 = w3.fma(b0, acc30);
            acc31 = w3.fma(b1, acc31);
        }
        if (rows > 0) {
            acc00.intoArray(c, cOff);
            acc01.intoArray(c, cOff + LF);
        }
        if (rows > 1) {
            acc10.intoArray(c, cOff + 1 * ldc);
            acc11.intoArray(c, cOff + 1 * ldc + LF);
        }
        if (rows > 2) {
            acc20.intoArray(c, cOff + 2 * ldc);
            acc21.intoArray(c, cOff + 2 * ldc + LF);
        }
        if (rows > 3) {
            acc30.intoArray(c, cOff + 3 * ldc);
            acc31.intoArray(c, cOff + 3 * ldc + LF);
        }
    }

    @Override
    public void frameTileF32(int kc, float[] a, int aOff, int aStride, float[] b, int bOff, float[] c,
            int cOff, int ldc, int rows) {
        final int nr = 2 * LF;
        int a0 = aOff;
        int a1 = aOff + Math.min(1, rows - 1) * aStride;
        int a2 = aOff + Math.min(2, rows - 1) * aStride;
        int a3 = aOff + Math.min(3, rows - 1) * aStride;
        int a4 = aOff + Math.min(4, rows - 1) * aStride;
        FloatVector acc00 = FloatVector.fromArray(F, c, cOff);
        FloatVector acc01 = FloatVector.fromArray(F, c, cOff + LF);
        FloatVector acc10 = FloatVector.fromArray(F, c, cOff + 1 * ldc);
        FloatVector acc11 = FloatVector.fromArray(F, c, cOff + 1 * ldc + LF);
        FloatVector acc20 = FloatVector.fromArray(F, c, cOff + 2 * ldc);
        FloatVector acc21 = FloatVector.fromArray(F, c, cOff + 2 * ldc + LF);
        FloatVector acc30 = FloatVector.fromArray(F, c, cOff + 3 * ldc);
        FloatVector acc31 = FloatVector.fromArray(F, c, cOff + 3 * ldc + LF);
        FloatVector acc40 = FloatVector.fromArray(F, c, cOff + 4 * ldc);
        FloatVector acc41 = FloatVector.fromArray(F, c, cOff + 4 * ldc + LF);
        for (int r = 0; r < kc; r++) {
            int bi = bOff + r * nr;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + LF);
            FloatVector w0 = FloatVector.broadcast(F, a[a0 + r]);
            acc00 = w0.fma(b0, acc00);
            acc01 = w0.fma(b1, acc01);
            FloatVector w1 = FloatVector.broadcast(F, a[a1 + r]);
            acc10 = w1.fma(b0, acc10);
            acc11 = w1.fma(b1, acc11);
            FloatVector w2 = FloatVector.broadcast(F, a[a2 + r]);
            acc20 = w2.fma(b0, acc20);
            acc21 = w2.fma(b1, acc21);
            FloatVector w3 = FloatVector.broadcast(F, a[a3 + r]);
            acc30 = w3.fma(b0, acc30);
            acc31 = w3.fma(b1, acc31);
            FloatVector w4 = FloatVector.broadcast(F, a[a4 + r]);
            acc40 = w4.fma(b0, acc40);
            acc41 = w4.fma(b1, acc41);
        }
        acc00.intoArray(c, cOff);
        acc01.intoArray(c, cOff + LF);
        acc10.intoArray(c, cOff + 1 * ldc);
        acc11.intoArray(c, cOff + 1 * ldc + LF);
        acc20.intoArray(c, cOff + 2 * ldc);
        acc21.intoArray(c, cOff + 2 * ldc + LF);
        acc30.intoArray(c, cOff + 3 * ldc);
        acc31.intoArray(c, cOff + 3 * ldc + LF);
        acc40.intoArray(c, cOff + 4 * ldc);
        acc41.intoArray(c, cOff + 4 * ldc + LF);
    }

    @Override
    public void depthwiseF32(int count, int taps, float[] w, int wOff, float[] x, int xOff, int[] xTaps,
            float[] y, int yOff) {
        int j = 0;
        // Four vectors of outputs per pass over the taps: one broadcast serves four loads and FMAs.
        for (; j <= count - 4 * LF; j += 4 * LF) {
            FloatVector acc0 = FloatVector.fromArray(F, y, yOff + j);
            FloatVector acc1 = FloatVector.fromArray(F, y, yOff + j + LF);
            FloatVector acc2 = FloatVector.fromArray(F, y, yOff + j + 2 * LF);
            FloatVector acc3 = FloatVector.fromArray(F, y, yOff + j + 3 * LF);
            for (int k = 0; k < taps; k++) {
                int xi = xOff + xTaps[k] + j;
                FloatVector wk = FloatVector.broadcast(F, w[wOff + k]);
                acc0 = wk.fma(FloatVector.fromArray(F, x, xi), acc0);
                acc1 = wk.fma(FloatVector.fromArray(F, x, xi + LF), acc1);
                acc2 = wk.fma(FloatVector.fromArray(F, x, xi + 2 * LF), acc2);
                acc3 = wk.fma(FloatVector.fromArray(F, x, xi + 3 * LF), acc3);
            }
            acc0.intoArray(y, yOff + j);
            acc1.intoArray(y, yOff + j + LF);
            acc2.intoArray(y, yOff + j + 2 * LF);
            acc3.intoArray(y, yOff + j + 3 * LF);
        }
        for (; j <= count - LF; j += LF) {
            FloatVector acc = FloatVector.fromArray(F, y, yOff + j);
            for (int k = 0; k < taps; k++) {
                FloatVector xk = FloatVector.fromArray(F, x, xOff + xTaps[k] + j);
                acc = FloatVector.broadcast(F, w[wOff + k]).fma(xk, acc);
            }
            acc.intoArray(y, yOff + j);
        }
        for (; j < count; j++) {
            float acc = y[yOff + j];
            for (int k = 0; k < taps; k++) {
                acc = Math.fma(w[wOff + k], x[xOff + xTaps[k] + j], acc);
            }
            y[yOff + j] = acc;
        }
    }

    @Override
    public float dotF32(int count, float[] a, int aOff, float[] b, int bOff) {
        FloatVector acc = FloatVector.zero(F8);
        int j = 0;
        for (; j <= count - 8; j += 8) {
            FloatVector bj = FloatVector.fromArray(F8, b, bOff + j);
            acc = FloatVector.fromArray(F8, a, aOff + j).fma(bj, acc);
        }
        float[] lanes = acc.toArray();
        for (int i = 0; j < count; j++, i++) {
            lanes[i] = Math.fma(a[aOff + j], b[bOff + j], lanes[i]);
        }
        float sum = 0;
        for (float lane : lanes) {
            sum += lane;
        }
        return sum;
    }

    @Override
    public void tileF64(int kc, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int ldc) {
        final int nr = 2 * LD;
        DoubleVector acc00 = DoubleVector.fromArray(D, c, cOff);
        DoubleVector acc01 = DoubleVector.fromArray(D, c, cOff + LD);
        DoubleVector acc10 = DoubleVector.fromArray(D, c, cOff + 1 * ldc);
        DoubleVector acc11 = DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD);
        DoubleVector acc20 = DoubleVector.fromArray(D, c, cOff + 2 * ldc);
        DoubleVector acc21 = DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD);
        DoubleVector acc30 = DoubleVector.fromArray(D, c, cOff + 3 * ldc);
        DoubleVector acc31 = DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD);
        DoubleVector acc40 = DoubleVector.fromArray(D, c, cOff + 4 * ldc);
        DoubleVector acc41 = DoubleVector.fromArray(D, c, cOff + 4 * ldc + LD);
        for (int r = 0; r < kc; r++) {
            int bi = bOff + r * nr;
            int ai = aOff + r * MR;
            DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
            DoubleVector w0 = DoubleVector.broadcast(D, a[ai]);
            acc00 = w0.fma(b0, acc00);
            acc01 = w0.fma(b1, acc01);
            DoubleVector w1 = DoubleVector.broadcast(D, a[ai + 1]);
            acc10 = w1.fma(b0, acc10);
            acc11 = w1.fma(b1, acc11);
            DoubleVector w2 = DoubleVector.broadcast(D, a[ai + 2]);
            acc20 = w2.fma(b0, acc20);
            acc21 = w2.fma(b1, acc21);
            DoubleVector w3 = DoubleVector.broadcast(D, a[ai + 3]);
            acc30 = w3.fma(b0, acc30);
            acc31 = w3.fma(b1, acc31);
            DoubleVector w4 = DoubleVector.broadcast(D, a[ai + 4]);
            acc40 = w4.fma(b0, acc40);
            acc41 = w4.fma(b1, acc41);
        }
        acc00.intoArray(c, cOff);
        acc01.intoArray(c, cOff + LD);
        acc10.intoArray(c, cOff + 1 * ldc);
        acc11.intoArray(c, cOff + 1 * ldc + LD);
        acc20.intoArray(c, cOff + 2 * ldc);
        acc21.intoArray(c, cOff + 2 * ldc + LD);
        acc30.intoArray(c, cOff + 3 * ldc);
        acc31.intoArray(c, cOff + 3 * ldc + LD);
        acc40.intoArray(c, cOff + 4 * ldc);
        acc41.intoArray(c, cOff + 4 * ldc + LD);
    }

    @Override
    public void tileF64(int kc, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int ldc,
            int rows) {
        final int nr = 2 * LD;
        DoubleVector acc00 = rows > 0 ? DoubleVector.fromArray(D, c, cOff) : DoubleVector.zero(D);
        DoubleVector acc01 = rows > 0 ? DoubleVector.fromArray(D, c, cOff + LD) : DoubleVector.zero(D);
        DoubleVector acc10 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc) : DoubleVector.zero(D);
        DoubleVector acc11 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc20 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc) : DoubleVector.zero(D);
        DoubleVector acc21 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc30 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc) : DoubleVector.zero(D);
        DoubleVector acc31 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD) : DoubleVector.zero(D);
        for (int r = 0; r < kc; r++) {
            int bi = bOff + r * nr;
            int ai = aOff + r * MR;
            DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
            DoubleVector w0 = DoubleVector.broadcast(D, a[ai]);
            acc00 = w0.fma(b0, acc00);
            acc01 = w0.fma(b1, acc01);
            DoubleVector w1 = DoubleVector.broadcast(D, a[ai + 1]);
            acc10 = w1.fma(b0, acc10);
            acc11 = w1.fma(b1, acc11);
            DoubleVector w2 = DoubleVector.broadcast(D, a[ai + 2]);
            acc20 = w2.fma(b0, acc20);
            acc21 = w2.fma(b1, acc21);
            DoubleVector w3 = DoubleVector.broadcast(D, a[ai + 3]);
            acc30 = w3.fma(b0, acc30);
            acc31 = w3.fma(b1, acc31);
        }
        if (rows > 0) {
            acc00.intoArray(c, cOff);
            acc01.intoArray(c, cOff + LD);
        }
        if (rows > 1) {
            acc10.intoArray(c, cOff + 1 * ldc);
            acc11.intoArray(c, cOff + 1 * ldc + LD);
        }
        if (rows > 2) {
            acc20.intoArray(c, cOff + 2 * ldc);
            acc21.intoArray(c, cOff + 2 * ldc + LD);
        }
        if (rows > 3) {
            acc30.intoArray(c, cOff + 3 * ldc);
            acc31.intoArray(c, cOff + 3 * ldc + LD);
        }
    }

    @Override
    public void tileF64(int kc, double[] a, int aOff, double[] b, int[] bRows, int bRowsOff, int bCol,
            double[] c, int cOff, int ldc) {
        DoubleVector acc00 = DoubleVector.fromArray(D, c, cOff);
        DoubleVector acc01 = DoubleVector.fromArray(D, c, cOff + LD);
        DoubleVector acc10 = DoubleVector.fromArray(D, c, cOff + 1 * ldc);
        DoubleVector acc11 = DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD);
        DoubleVector acc20 = DoubleVector.fromArray(D, c, cOff + 2 * ldc);
        DoubleVector acc21 = DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD);
        DoubleVector acc30 = DoubleVector.fromArray(D, c, cOff + 3 * ldc);
        DoubleVector acc31 = DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD);
        DoubleVector acc40 = DoubleVector.fromArray(D, c, cOff + 4 * ldc);
        DoubleVector acc41 = DoubleVector.fromArray(D, c, cOff + 4 * ldc + LD);
        for (int r = 0; r < kc; r++) {
            int bi = bRows[bRowsOff + r] + bCol;
            int ai = aOff + r * MR;
            DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
            DoubleVector w0 = DoubleVector.broadcast(D, a[ai]);
            acc00 = w0.fma(b0, acc00);
            acc01 = w0.fma(b1, acc01);
            DoubleVector w1 = DoubleVector.broadcast(D, a[ai + 1]);
            acc10 = w1.fma(b0, acc10);
            acc11 = w1.fma(b1, acc11);
            DoubleVector w2 = DoubleVector.broadcast(D, a[ai + 2]);
            acc20 = w2.fma(b0, acc20);
            acc21 = w2.fma(b1, acc21);
            DoubleVector w3 = DoubleVector.broadcast(D, a[ai + 3]);
            acc30 = w3.fma(b0, acc30);
            acc31 = w3.fma(b1, acc31);
            DoubleVector w4 = DoubleVector.broadcast(D, a[ai + 4]);
            acc40 = w4.fma(b0, acc40);
            acc41 = w4.fma(b1, acc41);
        }
        acc00.intoArray(c, cOff);
        acc01.intoArray(c, cOff + LD);
        acc10.intoArray(c, cOff + 1 * ldc);
        acc11.intoArray(c, cOff + 1 * ldc + LD);
        acc20.intoArray(c, cOff + 2 * ldc);
        acc21.intoArray(c, cOff + 2 * ldc + LD);
        acc30.intoArray(c, cOff + 3 * ldc);
        acc31.intoArray(c, cOff + 3 * ldc + LD);
        acc40.intoArray(c, cOff + 4 * ldc);
        acc41.intoArray(c, cOff + 4 * ldc + LD);
    }

    @Override
    public void tileF64(int kc, double[] a, int aOff, double[] b, int[] bRows, int bRowsOff, int bCol,
            double[] c, int cOff, int ldc, int rows) {
        DoubleVector acc00 = rows > 0 ? DoubleVector.fromArray(D, c, cOff) : DoubleVector.zero(D);
        DoubleVector acc01 = rows > 0 ? DoubleVector.fromArray(D, c, cOff + LD) : DoubleVector.zero(D);
        DoubleVector acc10 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc) : DoubleVector.zero(D);
        DoubleVector acc11 = rows > 1 ? DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc20 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc) : DoubleVector.zero(D);
        DoubleVector acc21 = rows > 2 ? DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD) : DoubleVector.zero(D);
        DoubleVector acc30 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc) : DoubleVector.zero(D);
        DoubleVector acc31 = rows > 3 ? DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD) : DoubleVector.zero(D);
        for (int r = 0; r < kc; r++) {
            int bi = bRows[bRowsOff + r] + bCol;
            int ai = aOff + r * MR;
            DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
            DoubleVector w0 = DoubleVector.broadcast(D, a[ai]);
            acc00 = w0.fma(b0, acc00);
            acc01 = w0.fma(b1, acc01);
            DoubleVector w1 = DoubleVector.broadcast(D, a[ai + 1]);
            acc10 = w1.fma(b0, acc10);
            acc11 = w1.fma(b1, acc11);
            DoubleVector w2 = DoubleVector.broadcast(D, a[ai + 2]);
            acc20 = w2.fma(b0, acc20);
            acc21 = w2.fma(b1, acc21);
            DoubleVector w3 = DoubleVector.broadcast(D, a[ai + 3]);
            acc30 = w3.fma(b0, acc30);
            acc31 = w3.fma(b1, acc31);
        }
        if (rows > 0) {
            acc00.intoArray(c, cOff);
            acc01.intoArray(c, cOff + LD);
        }
        if (rows > 1) {
            acc10.intoArray(c, cOff + 1 * ldc);
            acc11.intoArray(c, cOff + 1 * ldc + LD);
        }
        if (rows > 2) {
            acc20.intoArray(c, cOff + 2 * ldc);
            acc21.intoArray(c, cOff + 2 * ldc + LD);
        }
        if (rows > 3) {
            acc30.intoArray(c, cOff + 3 * ldc);
            acc31.intoArray(c, cOff + 3 * ldc + LD);
        }
    }

    @Override
    public void frameTileF64(int kc, double[] a, int aOff, int aStride, double[] b, int bOff, double[] c,
            int cOff, int ldc, int rows) {
        final int nr = 2 * LD;
        int a0 = aOff;
        int a1 = aOff + Math.min(1, rows - 1) * aStride;
        int a2 = aOff + Math.min(2, rows - 1) * aStride;
        int a3 = aOff + Math.min(3, rows - 1) * aStride;
        int a4 = aOff + Math.min(4, rows - 1) * aStride;
        DoubleVector acc00 = DoubleVector.fromArray(D, c, cOff);
        DoubleVector acc01 = DoubleVector.fromArray(D, c, cOff + LD);
        DoubleVector acc10 = DoubleVector.fromArray(D, c, cOff + 1 * ldc);
        DoubleVector acc11 = DoubleVector.fromArray(D, c, cOff + 1 * ldc + LD);
        DoubleVector acc20 = DoubleVector.fromArray(D, c, cOff + 2 * ldc);
        DoubleVector acc21 = DoubleVector.fromArray(D, c, cOff + 2 * ldc + LD);
        DoubleVector acc30 = DoubleVector.fromArray(D, c, cOff + 3 * ldc);
        DoubleVector acc31 = DoubleVector.fromArray(D, c, cOff + 3 * ldc + LD);
        DoubleVector acc40 = DoubleVector.fromArray(D, c, cOff + 4 * ldc);
        DoubleVector acc41 = DoubleVector.fromArray(D, c, cOff + 4 * ldc + LD);
        for (int r = 0; r < kc; r++) {
            int bi = bOff + r * nr;
            DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LD);
            DoubleVector w0 = DoubleVector.broadcast(D, a[a0 + r]);
            acc00 = w0.fma(b0, acc00);
            acc01 = w0.fma(b1, acc01);
            DoubleVector w1 = DoubleVector.broadcast(D, a[a1 + r]);
            acc10 = w1.fma(b0, acc10);
            acc11 = w1.fma(b1, acc11);
            DoubleVector w2 = DoubleVector.broadcast(D, a[a2 + r]);
            acc20 = w2.fma(b0, acc20);
            acc21 = w2.fma(b1, acc21);
            DoubleVector w3 = DoubleVector.broadcast(D, a[a3 + r]);
            acc30 = w3.fma(b0, acc30);
            acc31 = w3.fma(b1, acc31);
            DoubleVector w4 = DoubleVector.broadcast(D, a[a4 + r]);
            acc40 = w4.fma(b0, acc40);
            acc41 = w4.fma(b1, acc41);
        }
        acc00.intoArray(c, cOff);
        acc01.intoArray(c, cOff + LD);
        acc10.intoArray(c, cOff + 1 * ldc);
        acc11.intoArray(c, cOff + 1 * ldc + LD);
        acc20.intoArray(c, cOff + 2 * ldc);
        acc21.intoArray(c, cOff + 2 * ldc + LD);
        acc30.intoArray(c, cOff + 3 * ldc);
        acc31.intoArray(c, cOff + 3 * ldc + LD);
        acc40.intoArray(c, cOff + 4 * ldc);
        acc41.intoArray(c, cOff + 4 * ldc + LD);
    }

    @Override
    public void depthwiseF64(int count, int taps, double[] w, int wOff, double[] x, int xOff, int[] xTaps,
            double[] y, int yOff) {
        int j = 0;
        // Four vectors of outputs per pass over the taps: one broadcast serves four loads and FMAs.
        for (; j <= count - 4 * LD; j += 4 * LD) {
            DoubleVector acc0 = DoubleVector.fromArray(D, y, yOff + j);
            DoubleVector acc1 = DoubleVector.fromArray(D, y, yOff + j + LD);
            DoubleVector acc2 = DoubleVector.fromArray(D, y, yOff + j + 2 * LD);
            DoubleVector acc3 = DoubleVector.fromArray(D, y, yOff + j + 3 * LD);
            for (int k = 0; k < taps; k++) {
                int xi = xOff + xTaps[k] + j;
                DoubleVector wk = DoubleVector.broadcast(D, w[wOff + k]);
                acc0 = wk.fma(DoubleVector.fromArray(D, x, xi), acc0);
                acc1 = wk.fma(DoubleVector.fromArray(D, x, xi + LD), acc1);
                acc2 = wk.fma(DoubleVector.fromArray(D, x, xi + 2 * LD), acc2);
                acc3 = wk.fma(DoubleVector.fromArray(D, x, xi + 3 * LD), acc3);
            }
            acc0.intoArray(y, yOff + j);
            acc1.intoArray(y, yOff + j + LD);
            acc2.intoArray(y, yOff + j + 2 * LD);
            acc3.intoArray(y, yOff + j + 3 * LD);
        }
        for (; j <= count - LD; j += LD) {
            DoubleVector acc = DoubleVector.fromArray(D, y, yOff + j);
            for (int k = 0; k < taps; k++) {
                DoubleVector xk = DoubleVector.fromArray(D, x, xOff + xTaps[k] + j);
                acc = DoubleVector.broadcast(D, w[wOff + k]).fma(xk, acc);
            }
            acc.intoArray(y, yOff + j);
        }
        for (; j < count; j++) {
            double acc = y[yOff + j];
            for (int k = 0; k < taps; k++) {
                acc = Math.fma(w[wOff + k], x[xOff + xTaps[k] + j], acc);
            }
            y[yOff + j] = acc;
        }
    }

    @Override
    public double dotF64(int count, double[] a, int aOff, double[] b, int bOff) {
        DoubleVector acc = DoubleVector.zero(D4);
        int j = 0;
        for (; j <= count - 4; j += 4) {
            DoubleVector bj = DoubleVector.fromArray(D4, b, bOff + j);
            acc = DoubleVector.fromArray(D4, a, aOff + j).fma(bj, acc);
        }
        double[] lanes = acc.toArray();
        for (int i = 0; j < count; j++, i++) {
            lanes[i] = Math.fma(a[aOff + j], b[bOff + j], lanes[i]);
        }
        double sum = 0;
        for (double lane : lanes) {
            sum += lane;
        }
        return sum;
    }

    @Override
    public float fmaLoopF32(long iterations) {
        // Ten chains: enough independent FMAs to cover the latency on both FMA pipes, few enough not to spill.
        FloatVector a0 = FloatVector.broadcast(F, 0f);
        FloatVector a1 = FloatVector.broadcast(F, 1f);
        FloatVector a2 = FloatVector.broadcast(F, 2f);
        FloatVector a3 = FloatVector.broadcast(F, 3f);
        FloatVector a4 = FloatVector.broadcast(F, 4f);
        FloatVector a5 = FloatVector.broadcast(F, 5f);
        FloatVector a6 = FloatVector.broadcast(F, 6f);
        FloatVector a7 = FloatVector.broadcast(F, 7f);
        FloatVector a8 = FloatVector.broadcast(F, 8f);
        FloatVector a9 = FloatVector.broadcast(F, 9f);
        FloatVector x = FloatVector.broadcast(F, 0.999999f);
        FloatVector y = FloatVector.broadcast(F, 1e-7f);
        for (long i = 0; i < iterations; i++) {
            a0 = a0.fma(x, y);
            a1 = a1.fma(x, y);
            a2 = a2.fma(x, y);
            a3 = a3.fma(x, y);
            a4 = a4.fma(x, y);
            a5 = a5.fma(x, y);
            a6 = a6.fma(x, y);
            a7 = a7.fma(x, y);
            a8 = a8.fma(x, y);
            a9 = a9.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    @Override
    public int fmaLoopFlopsPerStep() {
        return 20 * LF;
    }
}
