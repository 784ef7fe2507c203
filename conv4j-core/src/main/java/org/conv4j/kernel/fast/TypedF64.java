package org.conv4j.kernel.fast;

import java.util.Arrays;

import org.conv4j.tensor.Tensor;

/** {@link Typed} for {@code double[]} (float64). */
final class TypedF64 extends Typed {
    @Override
    int tileCols(ConvMath math) {
        return math.tileColsF64();
    }

    @Override
    Object alloc(int n) {
        return new double[n];
    }

    @Override
    int bytes() {
        return Double.BYTES;
    }

    @Override
    int length(Object a) {
        return ((double[]) a).length;
    }

    @Override
    Object data(Tensor t) {
        return t.doubleData();
    }

    @Override
    void fill(Object a, int from, int to, double value) {
        double[] arr = (double[]) a;
        if (to - from <= 16) {
            // Padding is often one or two elements; a loop beats the library call there.
            double v = value;
            for (int i = from; i < to; i++) {
                arr[i] = v;
            }
        } else {
            Arrays.fill(arr, from, to, value);
        }
    }

    @Override
    void copy(Object src, int srcOff, int srcStride, Object dst, int dstOff, int n) {
        double[] s = (double[]) src;
        double[] d = (double[]) dst;
        if (srcStride == 1) {
            System.arraycopy(s, srcOff, d, dstOff, n);
        } else {
            for (int i = 0; i < n; i++) {
                d[dstOff + i] = s[srcOff + i * srcStride];
            }
        }
    }

    @Override
    void copyStrided(Object src, int srcOff, Object dst, int dstOff, int dstStride, int n) {
        double[] s = (double[]) src;
        double[] d = (double[]) dst;
        for (int i = 0; i < n; i++) {
            d[dstOff + i * dstStride] = s[srcOff + i];
        }
    }

    @Override
    void copyStrided(Object src, int srcOff, int srcStride, Object dst, int dstOff, int dstStride, int n) {
        double[] s = (double[]) src;
        double[] d = (double[]) dst;
        for (int i = 0; i < n; i++) {
            d[dstOff + i * dstStride] = s[srcOff + i * srcStride];
        }
    }

    @Override
    void gatherRows(Object src, int srcOff, int srcStep, int[] idx, int n, Object dst, int dstOff, int width,
            int rows) {
        double[] s = (double[]) src;
        double[] d = (double[]) dst;
        for (int i = 0; i < rows; i++) {
            int from = srcOff + i * srcStep;
            int to = dstOff + i * width;
            for (int j = 0; j < n; j++) {
                d[to + j] = s[from + idx[j]];
            }
            java.util.Arrays.fill(d, to + n, to + width, 0);
        }
    }

    @Override
    void gatherRowOrZero(Object src, int srcOff, int[] idx, int[] lo, int[] hi, int at, int n, Object dst,
            int dstOff, int width) {
        double[] s = (double[]) src;
        double[] d = (double[]) dst;
        for (int j = 0; j < n; j++) {
            d[dstOff + j] = lo[j] <= at && at < hi[j] ? s[srcOff + idx[j]] : 0;
        }
        java.util.Arrays.fill(d, dstOff + n, dstOff + width, 0);
    }

    @Override
    void addStrided(Object src, int srcOff, Object dst, int dstOff, int dstStride, int n) {
        double[] s = (double[]) src;
        double[] d = (double[]) dst;
        for (int i = 0; i < n; i++) {
            d[dstOff + i * dstStride] += s[srcOff + i];
        }
    }

    @Override
    void add(Object src, int srcOff, Object dst, int dstOff, int n) {
        double[] s = (double[]) src;
        double[] d = (double[]) dst;
        for (int i = 0; i < n; i++) {
            d[dstOff + i] += s[srcOff + i];
        }
    }

    @Override
    void zeroStrided(Object dst, int dstOff, int dstStride, int n) {
        double[] d = (double[]) dst;
        for (int i = 0; i < n; i++) {
            d[dstOff + i * dstStride] = 0;
        }
    }

    @Override
    double sumInOrder(Object a, int off, int n) {
        double[] v = (double[]) a;
        double s = v[off];
        for (int i = 1; i < n; i++) {
            s += v[off + i];
        }
        return s;
    }

    @Override
    double sum(Object a, int off, int n) {
        double[] v = (double[]) a;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            s0 += v[off + i];
            s1 += v[off + i + 1];
            s2 += v[off + i + 2];
            s3 += v[off + i + 3];
        }
        for (; i < n; i++) {
            s0 += v[off + i];
        }
        return s0 + s1 + s2 + s3;
    }

    @Override
    double round(double v) {
        return v;
    }

    @Override
    double get(Object a, int i) {
        return ((double[]) a)[i];
    }

    @Override
    void set(Object a, int i, double v) {
        ((double[]) a)[i] = v;
    }

    @Override
    void tile(ConvMath math, int kc, Object a, int aOff, BBlock block, int panel, Object c, int cOff,
            int ldc, Object d, int dOff, int ldd, int rows) {
        double[] aa = (double[]) a;
        double[] bb = (double[]) block.array;
        double[] cc = (double[]) c;
        double[] dd = (double[]) d;
        int col = panel * block.panelStep;
        boolean half = rows <= math.halfTileRows(); // Note [Half tiles]
        if (block.packed) {
            if (rows == math.tileRows()) {
                math.tileF64(kc, aa, aOff, bb, col, cc, cOff, ldc, dd, dOff, ldd);
            } else if (half) {
                math.tileF64Half(kc, aa, aOff, bb, col, cc, cOff, ldc, dd, dOff, ldd, rows);
            } else {
                math.tileF64(kc, aa, aOff, bb, col, cc, cOff, ldc, dd, dOff, ldd, rows);
            }
        } else if (block.runCount > 0) {
            if (rows == math.tileRows()) {
                math.tileF64(block.runs, block.runCount, aa, aOff, bb, col, cc, cOff, ldc, dd, dOff, ldd);
            } else if (half) {
                math.tileF64Half(block.runs, block.runCount, aa, aOff, bb, col, cc, cOff, ldc, dd, dOff, ldd,
                        rows);
            } else {
                math.tileF64(block.runs, block.runCount, aa, aOff, bb, col, cc, cOff, ldc, dd, dOff, ldd, rows);
            }
        } else if (rows == math.tileRows()) {
            math.tileF64(kc, aa, aOff, bb, block.rows, 0, col, cc, cOff, ldc, dd, dOff, ldd);
        } else if (half) {
            math.tileF64Half(kc, aa, aOff, bb, block.rows, 0, col, cc, cOff, ldc, dd, dOff, ldd, rows);
        } else {
            math.tileF64(kc, aa, aOff, bb, block.rows, 0, col, cc, cOff, ldc, dd, dOff, ldd, rows);
        }
    }

    @Override
    void halfTilePair(ConvMath math, int kc, Object a, int aOff, BBlock block, int panel, Object c,
            int cOff, int cOff2, int ldc, Object d, int dOff, int dOff2, int ldd, int rows) {
        double[] aa = (double[]) a;
        double[] bb = (double[]) block.array;
        double[] cc = (double[]) c;
        double[] dd = (double[]) d;
        int col = panel * block.panelStep;
        int next = block.panelStep;
        if (block.packed) {
            math.tileF64HalfPair(kc, aa, aOff, bb, col, next, cc, cOff, cOff2, ldc, dd, dOff, dOff2, ldd, rows);
        } else if (block.runCount > 0) {
            math.tileF64HalfPair(block.runs, block.runCount, aa, aOff, bb, col, next, cc, cOff, cOff2, ldc, dd,
                    dOff, dOff2, ldd, rows);
        } else {
            math.tileF64HalfPair(kc, aa, aOff, bb, block.rows, 0, col, next, cc, cOff, cOff2, ldc, dd, dOff, dOff2,
                    ldd, rows);
        }
    }

    @Override
    void frameTile(ConvMath math, int kc, Object a, int aOff, int aStride, Object b, int bOff, int ldb, Object c,
            int cOff, int ldc, int rows) {
        math.frameTileF64(kc, (double[]) a, aOff, aStride, (double[]) b, bOff, ldb, (double[]) c, cOff, ldc,
                rows);
    }

    @Override
    void packPanels(ConvMath math, int rn, int panels, Object b, int[] bRows, int bCol, int panelStep,
            Object dst) {
        math.packPanelsF64(rn, panels, (double[]) b, bRows, bCol, panelStep, (double[]) dst);
    }

    @Override
    void transpose(ConvMath math, Object src, int srcOff, int srcStride, Object dst, int dstOff, int dstStride,
            int rows, int cols) {
        math.transposeF64((double[]) src, srcOff, srcStride, (double[]) dst, dstOff, dstStride, rows, cols);
    }

    @Override
    void deinterleave(ConvMath math, Object src, int srcOff, int stride, int n, Object dst, int dstOff,
            int dstStride) {
        math.deinterleaveF64((double[]) src, srcOff, stride, n, (double[]) dst, dstOff, dstStride);
    }

    @Override
    void depthwise(ConvMath math, int count, int taps, Object w, int wOff, Object x, int xOff, int[] xTaps,
            double init, Object y, int yOff) {
        math.depthwiseF64(count, taps, (double[]) w, wOff, (double[]) x, xOff, xTaps, init, (double[]) y, yOff);
    }

    @Override
    double dot(ConvMath math, int count, Object a, int aOff, Object b, int bOff) {
        return math.dotF64(count, (double[]) a, aOff, (double[]) b, bOff);
    }

    @Override
    void dotTile(ConvMath math, int count, Object a, int[] aRows, Object b, int[] bRows, Object acc, int accOff) {
        math.dotTileF64(count, (double[]) a, aRows, (double[]) b, bRows, (double[]) acc, accOff);
    }

    @Override
    int dotLanes() {
        return ConvMath.DOT_LANES_F64;
    }

    @Override
    void dotTaps(ConvMath math, int count, int taps, Object a, int aOff, Object b, int bOff, int[] bTaps,
            Object acc, int accOff) {
        math.dotTapsF64(count, taps, (double[]) a, aOff, (double[]) b, bOff, bTaps, (double[]) acc, accOff);
    }
}
