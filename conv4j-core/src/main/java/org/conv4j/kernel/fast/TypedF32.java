package org.conv4j.kernel.fast;

import java.util.Arrays;

import org.conv4j.tensor.Tensor;

/** {@link Typed} for {@code float[]} (float32). */
final class TypedF32 extends Typed {
    @Override
    int tileCols(ConvMath math) {
        return math.tileColsF32();
    }

    @Override
    Object alloc(int n) {
        return new float[n];
    }

    @Override
    int bytes() {
        return Float.BYTES;
    }

    @Override
    int length(Object a) {
        return ((float[]) a).length;
    }

    @Override
    Object data(Tensor t) {
        return t.floatData();
    }

    @Override
    void fill(Object a, int from, int to, double value) {
        float[] arr = (float[]) a;
        if (to - from <= 16) {
            // Padding is often one or two elements; a loop beats the library call there.
            float v = (float) value;
            for (int i = from; i < to; i++) {
                arr[i] = v;
            }
        } else {
            Arrays.fill(arr, from, to, (float) value);
        }
    }

    @Override
    void copy(Object src, int srcOff, int srcStride, Object dst, int dstOff, int n) {
        float[] s = (float[]) src;
        float[] d = (float[]) dst;
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
        float[] s = (float[]) src;
        float[] d = (float[]) dst;
        for (int i = 0; i < n; i++) {
            d[dstOff + i * dstStride] = s[srcOff + i];
        }
    }

    @Override
    void copyStrided(Object src, int srcOff, int srcStride, Object dst, int dstOff, int dstStride, int n) {
        float[] s = (float[]) src;
        float[] d = (float[]) dst;
        for (int i = 0; i < n; i++) {
            d[dstOff + i * dstStride] = s[srcOff + i * srcStride];
        }
    }

    @Override
    void gatherRows(Object src, int srcOff, int srcStep, int[] idx, int n, Object dst, int dstOff, int width,
            int rows) {
        float[] s = (float[]) src;
        float[] d = (float[]) dst;
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
        float[] s = (float[]) src;
        float[] d = (float[]) dst;
        for (int j = 0; j < n; j++) {
            d[dstOff + j] = lo[j] <= at && at < hi[j] ? s[srcOff + idx[j]] : 0;
        }
        java.util.Arrays.fill(d, dstOff + n, dstOff + width, 0);
    }

    @Override
    void addStrided(Object src, int srcOff, Object dst, int dstOff, int dstStride, int n) {
        float[] s = (float[]) src;
        float[] d = (float[]) dst;
        for (int i = 0; i < n; i++) {
            d[dstOff + i * dstStride] += s[srcOff + i];
        }
    }

    @Override
    void add(Object src, int srcOff, Object dst, int dstOff, int n) {
        float[] s = (float[]) src;
        float[] d = (float[]) dst;
        for (int i = 0; i < n; i++) {
            d[dstOff + i] += s[srcOff + i];
        }
    }

    @Override
    void zeroStrided(Object dst, int dstOff, int dstStride, int n) {
        float[] d = (float[]) dst;
        for (int i = 0; i < n; i++) {
            d[dstOff + i * dstStride] = 0;
        }
    }

    @Override
    double sumInOrder(Object a, int off, int n) {
        float[] v = (float[]) a;
        float s = v[off];
        for (int i = 1; i < n; i++) {
            s += v[off + i];
        }
        return s;
    }

    @Override
    double sum(Object a, int off, int n) {
        float[] v = (float[]) a;
        double d0 = 0;
        double d1 = 0;
        double d2 = 0;
        double d3 = 0;
        double d4 = 0;
        double d5 = 0;
        double d6 = 0;
        double d7 = 0;
        for (int b = 0; b < n; b += SUM_BLOCK) {
            int end = Math.min(n, b + SUM_BLOCK);
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            float s4 = 0;
            float s5 = 0;
            float s6 = 0;
            float s7 = 0;
            int i = off + b;
            for (; i + 8 <= off + end; i += 8) {
                s0 += v[i];
                s1 += v[i + 1];
                s2 += v[i + 2];
                s3 += v[i + 3];
                s4 += v[i + 4];
                s5 += v[i + 5];
                s6 += v[i + 6];
                s7 += v[i + 7];
            }
            int rest = off + end - i; // fewer than 8 left: the lanes past them add zero
            s0 += rest > 0 ? v[i] : 0f;
            s1 += rest > 1 ? v[i + 1] : 0f;
            s2 += rest > 2 ? v[i + 2] : 0f;
            s3 += rest > 3 ? v[i + 3] : 0f;
            s4 += rest > 4 ? v[i + 4] : 0f;
            s5 += rest > 5 ? v[i + 5] : 0f;
            s6 += rest > 6 ? v[i + 6] : 0f;
            d0 += s0;
            d1 += s1;
            d2 += s2;
            d3 += s3;
            d4 += s4;
            d5 += s5;
            d6 += s6;
            d7 += s7;
        }
        return d0 + d1 + d2 + d3 + d4 + d5 + d6 + d7;
    }

    @Override
    double round(double v) {
        return (float) v;
    }

    @Override
    double get(Object a, int i) {
        return ((float[]) a)[i];
    }

    @Override
    void set(Object a, int i, double v) {
        ((float[]) a)[i] = (float) v;
    }

    @Override
    void tile(ConvMath math, int kc, Object a, int aOff, BBlock block, int panel, Object c, int cOff,
            int ldc, Object d, int dOff, int ldd, int rows) {
        float[] aa = (float[]) a;
        float[] bb = (float[]) block.array;
        float[] cc = (float[]) c;
        float[] dd = (float[]) d;
        int col = panel * block.panelStep;
        boolean half = rows <= math.halfTileRows(); // Note [Half tiles]
        if (block.packed) {
            if (rows == math.tileRows()) {
                math.tileF32(kc, aa, aOff, bb, col, cc, cOff, ldc, dd, dOff, ldd);
            } else if (half) {
                math.tileF32Half(kc, aa, aOff, bb, col, cc, cOff, ldc, dd, dOff, ldd, rows);
            } else {
                math.tileF32(kc, aa, aOff, bb, col, cc, cOff, ldc, dd, dOff, ldd, rows);
            }
        } else if (block.runCount > 0) {
            if (rows == math.tileRows()) {
                math.tileF32(block.runs, block.runCount, aa, aOff, bb, col, cc, cOff, ldc, dd, dOff, ldd);
            } else if (half) {
                math.tileF32Half(block.runs, block.runCount, aa, aOff, bb, col, cc, cOff, ldc, dd, dOff, ldd,
                        rows);
            } else {
                math.tileF32(block.runs, block.runCount, aa, aOff, bb, col, cc, cOff, ldc, dd, dOff, ldd, rows);
            }
        } else if (rows == math.tileRows()) {
            math.tileF32(kc, aa, aOff, bb, block.rows, 0, col, cc, cOff, ldc, dd, dOff, ldd);
        } else if (half) {
            math.tileF32Half(kc, aa, aOff, bb, block.rows, 0, col, cc, cOff, ldc, dd, dOff, ldd, rows);
        } else {
            math.tileF32(kc, aa, aOff, bb, block.rows, 0, col, cc, cOff, ldc, dd, dOff, ldd, rows);
        }
    }

    @Override
    void halfTilePair(ConvMath math, int kc, Object a, int aOff, BBlock block, int panel, Object c,
            int cOff, int cOff2, int ldc, Object d, int dOff, int dOff2, int ldd, int rows) {
        float[] aa = (float[]) a;
        float[] bb = (float[]) block.array;
        float[] cc = (float[]) c;
        float[] dd = (float[]) d;
        int col = panel * block.panelStep;
        int next = block.panelStep;
        if (block.packed) {
            math.tileF32HalfPair(kc, aa, aOff, bb, col, next, cc, cOff, cOff2, ldc, dd, dOff, dOff2, ldd, rows);
        } else if (block.runCount > 0) {
            math.tileF32HalfPair(block.runs, block.runCount, aa, aOff, bb, col, next, cc, cOff, cOff2, ldc, dd,
                    dOff, dOff2, ldd, rows);
        } else {
            math.tileF32HalfPair(kc, aa, aOff, bb, block.rows, 0, col, next, cc, cOff, cOff2, ldc, dd, dOff, dOff2,
                    ldd, rows);
        }
    }

    @Override
    void frameTile(ConvMath math, int kc, Object a, int aOff, int aStride, Object b, int bOff, int ldb, Object c,
            int cOff, int ldc, int rows) {
        math.frameTileF32(kc, (float[]) a, aOff, aStride, (float[]) b, bOff, ldb, (float[]) c, cOff, ldc,
                rows);
    }

    @Override
    void packPanels(ConvMath math, int rn, int panels, Object b, int[] bRows, int bCol, int panelStep,
            Object dst) {
        math.packPanelsF32(rn, panels, (float[]) b, bRows, bCol, panelStep, (float[]) dst);
    }

    @Override
    void transpose(ConvMath math, Object src, int srcOff, int srcStride, Object dst, int dstOff, int dstStride,
            int rows, int cols) {
        math.transposeF32((float[]) src, srcOff, srcStride, (float[]) dst, dstOff, dstStride, rows, cols);
    }

    @Override
    void deinterleave(ConvMath math, Object src, int srcOff, int stride, int n, Object dst, int dstOff,
            int dstStride) {
        math.deinterleaveF32((float[]) src, srcOff, stride, n, (float[]) dst, dstOff, dstStride);
    }

    @Override
    void depthwise(ConvMath math, int count, int taps, Object w, int wOff, Object x, int xOff, int[] xTaps,
            double init, Object y, int yOff) {
        math.depthwiseF32(count, taps, (float[]) w, wOff, (float[]) x, xOff, xTaps, (float) init, (float[]) y,
                yOff);
    }

    @Override
    double dot(ConvMath math, int count, Object a, int aOff, Object b, int bOff) {
        return math.dotF32(count, (float[]) a, aOff, (float[]) b, bOff);
    }

    @Override
    void dotTile(ConvMath math, int count, Object a, int[] aRows, Object b, int[] bRows, Object acc, int accOff) {
        math.dotTileF32(count, (float[]) a, aRows, (float[]) b, bRows, (float[]) acc, accOff);
    }

    @Override
    int dotLanes() {
        return ConvMath.DOT_LANES_F32;
    }

    @Override
    void dotTaps(ConvMath math, int count, int taps, Object a, int aOff, Object b, int bOff, int[] bTaps,
            Object acc, int accOff) {
        math.dotTapsF32(count, taps, (float[]) a, aOff, (float[]) b, bOff, bTaps, (float[]) acc, accOff);
    }
}
