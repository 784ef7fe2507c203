package org.conv4j.kernel.fast;

import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;

/**
 * The few array operations the fast kernels need, for {@code float[]} (float32) and {@code double[]} (float64),
 * so that packing and blocking are written once for both dtypes. Arrays travel as {@code Object}.
 */
abstract sealed class Typed permits TypedF32, TypedF64 {
    static final Typed F32 = new TypedF32();
    static final Typed F64 = new TypedF64();

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
    abstract void tile(ConvMath math, int kc, Object a, int aOff, BBlock block, int panel, Object c, int cOff,
            int ldc, Object d, int dOff, int ldd, int rows);

    /**
     * Half tiles ({@code rows <= halfTileRows()}) of panels {@code panel} and {@code panel + 1} at once (Note [Half
     * tile pairs] in ConvMath), the second's C and d at {@code cOff2} and {@code dOff2}.
     */
    abstract void halfTilePair(ConvMath math, int kc, Object a, int aOff, BBlock block, int panel, Object c,
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
}
