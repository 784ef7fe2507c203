package org.conv4j.kernel.fast;

/**
 * The portable {@link ConvMath}: plain loops with {@link Math#fma}, in the order of Note [Bit-identical tiles],
 * used where the Vector API is not available. Its tile has the shape of the Vector API's on AVX2; results do not
 * depend on the tile shape, so the scalar and the vector kernels agree bit for bit whichever tile a machine uses.
 */
public final class ScalarConvMath implements ConvMath {
    static final int MR = 5;
    static final int NR_F32 = 16;
    static final int NR_F64 = 8;

    @Override
    public String isa() {
        return "scalar";
    }

    @Override
    public int tileRows() {
        return MR;
    }

    @Override
    public int tileColsF32() {
        return NR_F32;
    }

    @Override
    public int tileColsF64() {
        return NR_F64;
    }

    @Override
    public void tileF32(int kc, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc, float[] d,
            int dOff, int ldd) {
        tileF32(kc, a, aOff, b, bOff, c, cOff, ldc, d, dOff, ldd, MR);
    }

    @Override
    public void tileF32(int kc, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc, float[] d,
            int dOff, int ldd, int rows) {
        for (int i = 0; i < rows; i++) {
            int row = dOff + i * ldd;
            if (d != c || row != cOff + i * ldc) {
                System.arraycopy(c, cOff + i * ldc, d, row, NR_F32);
            }
            for (int r = 0; r < kc; r++) {
                float ai = a[aOff + r * MR + i];
                int br = bOff + r * NR_F32;
                for (int j = 0; j < NR_F32; j++) {
                    d[row + j] = Math.fma(ai, b[br + j], d[row + j]);
                }
            }
        }
    }

    @Override
    public void tileF32(int kc, float[] a, int aOff, float[] b, int[] bRows, int bRowsOff, int bCol, float[] c,
            int cOff, int ldc, float[] d, int dOff, int ldd) {
        tileF32(kc, a, aOff, b, bRows, bRowsOff, bCol, c, cOff, ldc, d, dOff, ldd, MR);
    }

    @Override
    public void tileF32(int kc, float[] a, int aOff, float[] b, int[] bRows, int bRowsOff, int bCol, float[] c,
            int cOff, int ldc, float[] d, int dOff, int ldd, int rows) {
        for (int i = 0; i < rows; i++) {
            int row = dOff + i * ldd;
            if (d != c || row != cOff + i * ldc) {
                System.arraycopy(c, cOff + i * ldc, d, row, NR_F32);
            }
            for (int r = 0; r < kc; r++) {
                float ai = a[aOff + r * MR + i];
                int br = bRows[bRowsOff + r] + bCol;
                for (int j = 0; j < NR_F32; j++) {
                    d[row + j] = Math.fma(ai, b[br + j], d[row + j]);
                }
            }
        }
    }

    @Override
    public void tileF32(int[] runs, int runCount, float[] a, int aOff, float[] b, int bCol, float[] c, int cOff,
            int ldc, float[] d, int dOff, int ldd) {
        tileF32(runs, runCount, a, aOff, b, bCol, c, cOff, ldc, d, dOff, ldd, MR);
    }

    @Override
    public void tileF32(int[] runs, int runCount, float[] a, int aOff, float[] b, int bCol, float[] c, int cOff,
            int ldc, float[] d, int dOff, int ldd, int rows) {
        for (int i = 0; i < rows; i++) {
            int row = dOff + i * ldd;
            if (d != c || row != cOff + i * ldc) {
                System.arraycopy(c, cOff + i * ldc, d, row, NR_F32);
            }
            int ai = aOff + i;
            for (int q = 0; q < 3 * runCount; q += 3) {
                for (int r = 0; r < runs[q + 2]; r++, ai += MR) {
                    int br = runs[q] + r * runs[q + 1] + bCol;
                    for (int j = 0; j < NR_F32; j++) {
                        d[row + j] = Math.fma(a[ai], b[br + j], d[row + j]);
                    }
                }
            }
        }
    }

    @Override
    public void frameTileF32(int kc, float[] a, int aOff, int aStride, float[] b, int bOff, int ldb, float[] c,
            int cOff, int ldc, int rows) {
        for (int i = 0; i < rows; i++) {
            int row = cOff + i * ldc;
            int frame = aOff + i * aStride;
            for (int r = 0; r < kc; r++) {
                float ai = a[frame + r];
                int br = bOff + r * ldb;
                for (int j = 0; j < NR_F32; j++) {
                    c[row + j] = Math.fma(ai, b[br + j], c[row + j]);
                }
            }
        }
    }

    @Override
    public void tileF64(int[] runs, int runCount, double[] a, int aOff, double[] b, int bCol, double[] c, int cOff,
            int ldc, double[] d, int dOff, int ldd) {
        tileF64(runs, runCount, a, aOff, b, bCol, c, cOff, ldc, d, dOff, ldd, MR);
    }

    @Override
    public void tileF64(int[] runs, int runCount, double[] a, int aOff, double[] b, int bCol, double[] c, int cOff,
            int ldc, double[] d, int dOff, int ldd, int rows) {
        for (int i = 0; i < rows; i++) {
            int row = dOff + i * ldd;
            if (d != c || row != cOff + i * ldc) {
                System.arraycopy(c, cOff + i * ldc, d, row, NR_F64);
            }
            int ai = aOff + i;
            for (int q = 0; q < 3 * runCount; q += 3) {
                for (int r = 0; r < runs[q + 2]; r++, ai += MR) {
                    int br = runs[q] + r * runs[q + 1] + bCol;
                    for (int j = 0; j < NR_F64; j++) {
                        d[row + j] = Math.fma(a[ai], b[br + j], d[row + j]);
                    }
                }
            }
        }
    }

    @Override
    public void frameTileF64(int kc, double[] a, int aOff, int aStride, double[] b, int bOff, int ldb, double[] c,
            int cOff, int ldc, int rows) {
        for (int i = 0; i < rows; i++) {
            int row = cOff + i * ldc;
            int frame = aOff + i * aStride;
            for (int r = 0; r < kc; r++) {
                double ai = a[frame + r];
                int br = bOff + r * ldb;
                for (int j = 0; j < NR_F64; j++) {
                    c[row + j] = Math.fma(ai, b[br + j], c[row + j]);
                }
            }
        }
    }

    @Override
    public void tileF64(int kc, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int ldc, double[] d,
            int dOff, int ldd) {
        tileF64(kc, a, aOff, b, bOff, c, cOff, ldc, d, dOff, ldd, MR);
    }

    @Override
    public void tileF64(int kc, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int ldc, double[] d,
            int dOff, int ldd, int rows) {
        for (int i = 0; i < rows; i++) {
            int row = dOff + i * ldd;
            if (d != c || row != cOff + i * ldc) {
                System.arraycopy(c, cOff + i * ldc, d, row, NR_F64);
            }
            for (int r = 0; r < kc; r++) {
                double ai = a[aOff + r * MR + i];
                int br = bOff + r * NR_F64;
                for (int j = 0; j < NR_F64; j++) {
                    d[row + j] = Math.fma(ai, b[br + j], d[row + j]);
                }
            }
        }
    }

    @Override
    public void tileF64(int kc, double[] a, int aOff, double[] b, int[] bRows, int bRowsOff, int bCol, double[] c,
            int cOff, int ldc, double[] d, int dOff, int ldd) {
        tileF64(kc, a, aOff, b, bRows, bRowsOff, bCol, c, cOff, ldc, d, dOff, ldd, MR);
    }

    @Override
    public void tileF64(int kc, double[] a, int aOff, double[] b, int[] bRows, int bRowsOff, int bCol, double[] c,
            int cOff, int ldc, double[] d, int dOff, int ldd, int rows) {
        for (int i = 0; i < rows; i++) {
            int row = dOff + i * ldd;
            if (d != c || row != cOff + i * ldc) {
                System.arraycopy(c, cOff + i * ldc, d, row, NR_F64);
            }
            for (int r = 0; r < kc; r++) {
                double ai = a[aOff + r * MR + i];
                int br = bRows[bRowsOff + r] + bCol;
                for (int j = 0; j < NR_F64; j++) {
                    d[row + j] = Math.fma(ai, b[br + j], d[row + j]);
                }
            }
        }
    }

    @Override
    public void packPanelsF32(int rn, int panels, float[] b, int[] bRows, int bCol, int panelStep, float[] dst) {
        for (int p = 0; p < panels; p++) {
            for (int r = 0; r < rn; r++) {
                System.arraycopy(b, bRows[r] + bCol + p * panelStep, dst, (p * rn + r) * NR_F32, NR_F32);
            }
        }
    }

    @Override
    public void packPanelsF64(int rn, int panels, double[] b, int[] bRows, int bCol, int panelStep, double[] dst) {
        for (int p = 0; p < panels; p++) {
            for (int r = 0; r < rn; r++) {
                System.arraycopy(b, bRows[r] + bCol + p * panelStep, dst, (p * rn + r) * NR_F64, NR_F64);
            }
        }
    }

    @Override
    public void transposeF32(float[] src, int srcOff, int srcStride, float[] dst, int dstOff, int dstStride,
            int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                dst[dstOff + j * dstStride + i] = src[srcOff + i * srcStride + j];
            }
        }
    }

    @Override
    public void transposeF64(double[] src, int srcOff, int srcStride, double[] dst, int dstOff, int dstStride,
            int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                dst[dstOff + j * dstStride + i] = src[srcOff + i * srcStride + j];
            }
        }
    }

    @Override
    public void winogradInputF32(int count, int taps, int dilation, float[] s, int sOff, float[] v, int vOff,
            int panelStep, int next) {
        for (int j = 0; j < count; j++) {
            WinogradTiles.input(taps, dilation, s, sOff + j + dilation * (j / dilation), v,
                    vOff + (j / NR_F32) * panelStep + j % NR_F32, next);
        }
    }

    @Override
    public void winogradOutputF32(int count, int taps, int dilation, float[] m, int mOff, int next, float[] y,
            int yOff) {
        for (int i = 0; i < count; i++) {
            y[yOff + i] = WinogradTiles.output(taps, dilation, m, mOff, next, i);
        }
    }

    @Override
    public void deinterleaveF32(float[] src, int srcOff, int stride, int n, float[] dst, int dstOff, int dstStride) {
        for (int f = 0; f < stride; f++) {
            for (int u = 0; u < n; u++) {
                dst[dstOff + f * dstStride + u] = src[srcOff + u * stride + f];
            }
        }
    }

    @Override
    public void deinterleaveF64(double[] src, int srcOff, int stride, int n, double[] dst, int dstOff,
            int dstStride) {
        for (int f = 0; f < stride; f++) {
            for (int u = 0; u < n; u++) {
                dst[dstOff + f * dstStride + u] = src[srcOff + u * stride + f];
            }
        }
    }

    @Override
    public void depthwiseF32(int count, int taps, float[] w, int wOff, float[] x, int xOff, int[] xTaps,
            float init, float[] y, int yOff) {
        java.util.Arrays.fill(y, yOff, yOff + count, init);
        for (int k = 0; k < taps; k++) {
            float wk = w[wOff + k];
            int xk = xOff + xTaps[k];
            for (int j = 0; j < count; j++) {
                y[yOff + j] = Math.fma(wk, x[xk + j], y[yOff + j]);
            }
        }
    }

    @Override
    public void depthwiseF64(int count, int taps, double[] w, int wOff, double[] x, int xOff, int[] xTaps,
            double init, double[] y, int yOff) {
        java.util.Arrays.fill(y, yOff, yOff + count, init);
        for (int k = 0; k < taps; k++) {
            double wk = w[wOff + k];
            int xk = xOff + xTaps[k];
            for (int j = 0; j < count; j++) {
                y[yOff + j] = Math.fma(wk, x[xk + j], y[yOff + j]);
            }
        }
    }

    @Override
    public float dotF32(int count, float[] a, int aOff, float[] b, int bOff) {
        float[] lanes = new float[8];
        for (int j = 0; j < count; j++) {
            lanes[j & 7] = Math.fma(a[aOff + j], b[bOff + j], lanes[j & 7]);
        }
        float sum = 0;
        for (float lane : lanes) {
            sum += lane;
        }
        return sum;
    }

    @Override
    public double dotF64(int count, double[] a, int aOff, double[] b, int bOff) {
        double[] lanes = new double[4];
        for (int j = 0; j < count; j++) {
            lanes[j & 3] = Math.fma(a[aOff + j], b[bOff + j], lanes[j & 3]);
        }
        double sum = 0;
        for (double lane : lanes) {
            sum += lane;
        }
        return sum;
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
    public void dotTapsF32(int count, int taps, float[] a, int aOff, float[] b, int bOff, int[] bTaps, float[] acc,
            int accOff) {
        for (int k = 0; k < taps; k++) {
            int at = accOff + k * DOT_LANES_F32;
            int bk = bOff + bTaps[k];
            for (int e = 0; e < count; e++) {
                int lane = at + e % DOT_LANES_F32;
                acc[lane] = Math.fma(a[aOff + e], b[bk + e], acc[lane]);
            }
        }
    }

    @Override
    public void dotTapsF64(int count, int taps, double[] a, int aOff, double[] b, int bOff, int[] bTaps, double[] acc,
            int accOff) {
        for (int k = 0; k < taps; k++) {
            int at = accOff + k * DOT_LANES_F64;
            int bk = bOff + bTaps[k];
            for (int e = 0; e < count; e++) {
                int lane = at + e % DOT_LANES_F64;
                acc[lane] = Math.fma(a[aOff + e], b[bk + e], acc[lane]);
            }
        }
    }

    @Override
    public void dotTileF32(int count, float[] a, int[] aRows, float[] b, int[] bRows, float[] acc, int accOff) {
        for (int i = 0; i < aRows.length; i++) {
            for (int j = 0; j < bRows.length; j++) {
                int at = accOff + (i * bRows.length + j) * DOT_LANES_F32;
                for (int e = 0; e < count; e++) {
                    int lane = at + e % DOT_LANES_F32;
                    acc[lane] = Math.fma(a[aRows[i] + e], b[bRows[j] + e], acc[lane]);
                }
            }
        }
    }

    @Override
    public void dotTileF64(int count, double[] a, int[] aRows, double[] b, int[] bRows, double[] acc, int accOff) {
        for (int i = 0; i < aRows.length; i++) {
            for (int j = 0; j < bRows.length; j++) {
                int at = accOff + (i * bRows.length + j) * DOT_LANES_F64;
                for (int e = 0; e < count; e++) {
                    int lane = at + e % DOT_LANES_F64;
                    acc[lane] = Math.fma(a[aRows[i] + e], b[bRows[j] + e], acc[lane]);
                }
            }
        }
    }

    @Override
    public float fmaLoopF32(long iterations) {
        float a0 = 0, a1 = 1, a2 = 2, a3 = 3, a4 = 4, a5 = 5, a6 = 6, a7 = 7, a8 = 8, a9 = 9, a10 = 10, a11 = 11;
        final float x = 0.999999f;
        final float y = 1e-7f;
        for (long i = 0; i < iterations; i++) {
            a0 = Math.fma(a0, x, y);
            a1 = Math.fma(a1, x, y);
            a2 = Math.fma(a2, x, y);
            a3 = Math.fma(a3, x, y);
            a4 = Math.fma(a4, x, y);
            a5 = Math.fma(a5, x, y);
            a6 = Math.fma(a6, x, y);
            a7 = Math.fma(a7, x, y);
            a8 = Math.fma(a8, x, y);
            a9 = Math.fma(a9, x, y);
            a10 = Math.fma(a10, x, y);
            a11 = Math.fma(a11, x, y);
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;
    }

    @Override
    public int fmaLoopFlopsPerStep() {
        return 24;
    }
}
