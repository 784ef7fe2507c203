package org.conv4j.kernel.fast;

import java.util.Arrays;

import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;

/**
 * The few array operations the fast kernels need, for {@code float[]} (float32) and {@code double[]} (float64),
 * so that packing and blocking are written once for both dtypes. Arrays travel as {@code Object}.
 */
abstract sealed class Typed {
    static final Typed F32 = new F32();
    static final Typed F64 = new F64();

    static Typed of(DType dtype) {
        return dtype == DType.FLOAT32 ? F32 : F64;
    }

    /** Columns of a register tile. */
    abstract int tileCols(ConvMath math);

    abstract Object alloc(int n);

    /** Bytes per element. */
    abstract int bytes();

    abstract int length(Object array);

    /** The tensor's backing array. */
    abstract Object data(Tensor t);

    abstract void fill(Object a, int from, int to, double value);

    /** {@code dst[dstOff + i] = src[srcOff + i * srcStride]} for {@code i < n}. */
    abstract void copy(Object src, int srcOff, int srcStride, Object dst, int dstOff, int n);

    /** {@code dst[dstOff + i * dstStride] = src[srcOff + i]} for {@code i < n}. */
    abstract void copyStrided(Object src, int srcOff, Object dst, int dstOff, int dstStride, int n);

    /** {@code dst[dstOff + i * dstStride] = src[srcOff + i * srcStride]} for {@code i < n}. */
    abstract void copyStrided(Object src, int srcOff, int srcStride, Object dst, int dstOff, int dstStride, int n);

    /**
     * Rows {@code i < rows} of {@code width} elements at {@code dst[dstOff + i*width]}: element {@code j} is
     * {@code src[srcOff + i*srcStep + idx[j]]} for {@code j < n}, zero for {@code n <= j < width}.
     */
    abstract void gatherRows(Object src, int srcOff, int srcStep, int[] idx, int n, Object dst, int dstOff, int width,
            int rows);

    /**
     * One row of {@link #gatherRows} whose elements past an edge are zero padding: element {@code j < n} is
     * {@code src[srcOff + idx[j]]} where {@code lo[j] <= at < hi[j]}, else zero ({@code src} is not read there).
     */
    abstract void gatherRowOrZero(Object src, int srcOff, int[] idx, int[] lo, int[] hi, int at, int n, Object dst,
            int dstOff, int width);

    /** {@code dst[dstOff + i * dstStride] += src[srcOff + i]} for {@code i < n}. */
    abstract void addStrided(Object src, int srcOff, Object dst, int dstOff, int dstStride, int n);

    /** {@code dst[dstOff + i] += src[srcOff + i]} for {@code i < n}. */
    abstract void add(Object src, int srcOff, Object dst, int dstOff, int n);

    /** {@code dst[dstOff + i * dstStride] = 0} for {@code i < n}. */
    abstract void zeroStrided(Object dst, int dstOff, int dstStride, int n);

    /**
     * {@code sum over i < n of a[off + i]} in double, in a fixed order. Float64: four partial sums ({@code i mod 4})
     * added in order at the end. Float32, Note [Sums in float lanes]: element {@code i} is added in float to lane
     * {@code i mod 8} within blocks of {@link #SUM_BLOCK} elements, each block's lanes are added lane by lane to
     * eight lanes in double, and those in order at the end; each float lane sums at most 32 elements. Converting
     * every element to double first made the chains of additions the bound.
     */
    abstract double sum(Object a, int off, int n);

    /** Elements per block of a float32 {@link #sum} (a multiple of 8). */
    static final int SUM_BLOCK = 256;

    /**
     * {@code a[off] + a[off + 1] + ... + a[off + n - 1]} ({@code n >= 1}) from left to right, every addition
     * rounded to this dtype, as {@code round(sum + get(a, i))} one element at a time would give.
     */
    abstract double sumInOrder(Object a, int off, int n);

    /** {@code v} rounded to this dtype (as storing and reloading it would). */
    abstract double round(double v);

    abstract double get(Object a, int i);

    abstract void set(Object a, int i, double v);

    /**
     * One tile of B as {@code block} describes it, whole ({@code rows == MR}) or cut by C's last rows, from the
     * tile of {@code c} into the tile of {@code d} ({@link ConvMath#tileF32}).
     */
    abstract void tile(ConvMath math, int kc, Object a, int aOff, TileGemm.BBlock block, int panel, Object c, int cOff,
            int ldc, Object d, int dOff, int ldd, int rows);

    /**
     * Half tiles ({@code rows <= halfTileRows()}) of panels {@code panel} and {@code panel + 1} at once (Note [Half
     * tile pairs] in ConvMath), the second's C and d at {@code cOff2} and {@code dOff2}.
     */
    abstract void halfTilePair(ConvMath math, int kc, Object a, int aOff, TileGemm.BBlock block, int panel, Object c,
            int cOff, int cOff2, int ldc, Object d, int dOff, int dOff2, int ldd, int rows);

    /** {@link ConvMath#frameTileF32} or its float64 twin. */
    abstract void frameTile(ConvMath math, int kc, Object a, int aOff, int aStride, Object b, int bOff, int ldb,
            Object c, int cOff, int ldc, int rows);

    /** {@link ConvMath#packPanelsF32} or its float64 twin. */
    abstract void packPanels(ConvMath math, int rn, int panels, Object b, int[] bRows, int bCol, int panelStep,
            Object dst);

    /** {@link ConvMath#transposeF32} or its float64 twin. */
    abstract void transpose(ConvMath math, Object src, int srcOff, int srcStride, Object dst, int dstOff,
            int dstStride, int rows, int cols);

    /** {@link ConvMath#deinterleaveF32} or its float64 twin. */
    abstract void deinterleave(ConvMath math, Object src, int srcOff, int stride, int n, Object dst, int dstOff,
            int dstStride);

    abstract void depthwise(ConvMath math, int count, int taps, Object w, int wOff, Object x, int xOff, int[] xTaps,
            double init, Object y, int yOff);

    abstract double dot(ConvMath math, int count, Object a, int aOff, Object b, int bOff);

    /** {@link ConvMath#dotTileF32} or its float64 twin. */
    abstract void dotTile(ConvMath math, int count, Object a, int[] aRows, Object b, int[] bRows, Object acc,
            int accOff);

    /** {@link ConvMath#dotTapsF32} or its float64 twin. */
    abstract void dotTaps(ConvMath math, int count, int taps, Object a, int aOff, Object b, int bOff, int[] bTaps,
            Object acc, int accOff);

    /** Partial sums per element of a dot tile ({@link ConvMath#DOT_LANES_F32}). */
    abstract int dotLanes();

    private static final class F32 extends Typed {
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
        void tile(ConvMath math, int kc, Object a, int aOff, TileGemm.BBlock block, int panel, Object c, int cOff,
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
        void halfTilePair(ConvMath math, int kc, Object a, int aOff, TileGemm.BBlock block, int panel, Object c,
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

    private static final class F64 extends Typed {
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
        void tile(ConvMath math, int kc, Object a, int aOff, TileGemm.BBlock block, int panel, Object c, int cOff,
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
        void halfTilePair(ConvMath math, int kc, Object a, int aOff, TileGemm.BBlock block, int panel, Object c,
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
}
