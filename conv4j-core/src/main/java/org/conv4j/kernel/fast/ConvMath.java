package org.conv4j.kernel.fast;

/**
 * The innermost loops of the fast kernels, for one instruction set: a register tile of the packed GEMM and a
 * depthwise row. {@link ScalarConvMath} is the portable default; {@code org.conv4j.simd.PanamaConvMath} implements
 * the same with the Vector API. See Note [Bit-identical tiles] for the contract that lets tests compare the two
 * exactly.
 *
 * <p>Note [Bit-identical tiles]: every output element is updated by one fused multiply-add per reduction step,
 * in increasing reduction order, starting from the value already in {@code c} (or {@code y}). Implementations
 * must keep that order and must not reassociate, so that every implementation, and every thread count, gives
 * bit-identical results.
 */
public interface ConvMath {

    /** A short name of the instruction set, e.g. {@code scalar} or {@code avx2/256}. */
    String isa();

    /** Rows of a register tile (output channels); the same for both dtypes. */
    int tileRows();

    /** Columns of a register tile (output positions) for float32. */
    int tileColsF32();

    /** Columns of a register tile (output positions) for float64. */
    int tileColsF64();

    /**
     * One whole register tile ({@code MR = tileRows()} by {@code NR = tileColsF32()}) with B packed in panels,
     * which starts from a tile of {@code c} and leaves its result in {@code d} (which may be {@code c} at the same
     * offsets, for an update in place; otherwise the two must not overlap):
     * <pre>
     * d[dOff + i*ldd + j] = c[cOff + i*ldc + j] + sum over r &lt; kc of a[aOff + r*MR + i] * b[bOff + r*NR + j]
     * </pre>
     * A caller may start from a row of constants (a bias) with {@code ldc = NR}, and write the last reduction
     * block straight into the result (Note [Output in scratch] in {@code ImplicitGemmConvKernel}).
     */
    void tileF32(int kc, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc, float[] d, int dOff,
            int ldd);

    /** The packed tile for float64 ({@code NR = tileColsF64()}). */
    void tileF64(int kc, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int ldc, double[] d,
            int dOff, int ldd);

    /** The packed tile cut by the last rows of C: only rows {@code i < rows} are read from c and written to d. */
    void tileF32(int kc, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc, float[] d, int dOff,
            int ldd, int rows);

    /** The ragged packed tile for float64. */
    void tileF64(int kc, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int ldc, double[] d,
            int dOff, int ldd, int rows);

    /**
     * One whole register tile with B addressed through a table of row starts, so that a convolution's implicit
     * im2col (rows that are shifted runs of the same input) needs no packing; C and d as in the packed tile:
     * <pre>
     * d[dOff + i*ldd + j] = c[cOff + i*ldc + j]
     *         + sum over r &lt; kc of a[aOff + r*MR + i] * b[bRows[bRowsOff + r] + bCol + j]
     * </pre>
     */
    void tileF32(int kc, float[] a, int aOff, float[] b, int[] bRows, int bRowsOff, int bCol, float[] c, int cOff,
            int ldc, float[] d, int dOff, int ldd);

    /** The table-addressed tile for float64. */
    void tileF64(int kc, double[] a, int aOff, double[] b, int[] bRows, int bRowsOff, int bCol, double[] c,
            int cOff, int ldc, double[] d, int dOff, int ldd);

    /** The table-addressed tile cut by the last rows of C. */
    void tileF32(int kc, float[] a, int aOff, float[] b, int[] bRows, int bRowsOff, int bCol, float[] c, int cOff,
            int ldc, float[] d, int dOff, int ldd, int rows);

    /** The ragged table-addressed tile for float64. */
    void tileF64(int kc, double[] a, int aOff, double[] b, int[] bRows, int bRowsOff, int bCol, double[] c,
            int cOff, int ldc, double[] d, int dOff, int ldd, int rows);

    /**
     * The tile with B given as runs of rows, each an arithmetic sequence of row starts, which the loads follow
     * linearly (faster than a table, as fast as packed panels for long runs): run {@code q < runCount} is
     * {@code runs[3q+2]} reduction steps whose B rows start at {@code runs[3q] + i*runs[3q+1]}; A is read in the
     * order of the steps, {@code MR} per step. C and d as in the packed tile.
     */
    void tileF32(int[] runs, int runCount, float[] a, int aOff, float[] b, int bCol, float[] c, int cOff, int ldc,
            float[] d, int dOff, int ldd);

    /** The tile over runs of rows for float64. */
    void tileF64(int[] runs, int runCount, double[] a, int aOff, double[] b, int bCol, double[] c, int cOff,
            int ldc, double[] d, int dOff, int ldd);

    /** The tile over runs of rows cut by the last rows of C. */
    void tileF32(int[] runs, int runCount, float[] a, int aOff, float[] b, int bCol, float[] c, int cOff, int ldc,
            float[] d, int dOff, int ldd, int rows);

    /** The ragged tile over runs of rows for float64. */
    void tileF64(int[] runs, int runCount, double[] a, int aOff, double[] b, int bCol, double[] c, int cOff,
            int ldc, double[] d, int dOff, int ldd, int rows);

    /**
     * Note [Half tiles]: a ragged tile computes every row but the last (it cannot know how few it needs without a
     * branch per row in its loop), so the last row panel of 100 output channels (textcnn), 4 rows with 8-row
     * tiles, did the multiply-adds of 7. Where {@code rows <= halfTileRows()} the kernels call the half tiles
     * instead, which compute that many rows (with 8-row tiles, 4 rows by 2 vectors: still 8 accumulators to cover
     * the FMA latency). The sums are those of the ragged tile, element by element. 0: no half tiles.
     */
    default int halfTileRows() {
        return 0;
    }

    /** The packed tile for at most {@link #halfTileRows} rows (Note [Half tiles]). */
    default void tileF32Half(int kc, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc,
            float[] d, int dOff, int ldd, int rows) {
        tileF32(kc, a, aOff, b, bOff, c, cOff, ldc, d, dOff, ldd, rows);
    }

    /** The packed half tile for float64. */
    default void tileF64Half(int kc, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int ldc,
            double[] d, int dOff, int ldd, int rows) {
        tileF64(kc, a, aOff, b, bOff, c, cOff, ldc, d, dOff, ldd, rows);
    }

    /** The table-addressed half tile. */
    default void tileF32Half(int kc, float[] a, int aOff, float[] b, int[] bRows, int bRowsOff, int bCol, float[] c,
            int cOff, int ldc, float[] d, int dOff, int ldd, int rows) {
        tileF32(kc, a, aOff, b, bRows, bRowsOff, bCol, c, cOff, ldc, d, dOff, ldd, rows);
    }

    /** The table-addressed half tile for float64. */
    default void tileF64Half(int kc, double[] a, int aOff, double[] b, int[] bRows, int bRowsOff, int bCol,
            double[] c, int cOff, int ldc, double[] d, int dOff, int ldd, int rows) {
        tileF64(kc, a, aOff, b, bRows, bRowsOff, bCol, c, cOff, ldc, d, dOff, ldd, rows);
    }

    /** The half tile over runs of rows. */
    default void tileF32Half(int[] runs, int runCount, float[] a, int aOff, float[] b, int bCol, float[] c,
            int cOff, int ldc, float[] d, int dOff, int ldd, int rows) {
        tileF32(runs, runCount, a, aOff, b, bCol, c, cOff, ldc, d, dOff, ldd, rows);
    }

    /** The half tile over runs of rows for float64. */
    default void tileF64Half(int[] runs, int runCount, double[] a, int aOff, double[] b, int bCol, double[] c,
            int cOff, int ldc, double[] d, int dOff, int ldd, int rows) {
        tileF64(runs, runCount, a, aOff, b, bCol, c, cOff, ldc, d, dOff, ldd, rows);
    }

    /**
     * Note [Half tile pairs]: a half tile of 4 rows by 2 vectors has only its 8 accumulators to cover the FMA
     * latency, and ran about as long as a whole tile (textcnn_k5 with 100 output channels took 0.22 ms more than
     * with 96, with 104 0.28 ms more). The pairs compute two adjacent half tiles at once, the second panel's B
     * {@code bNext} elements after the first's and its C and d at {@code cOff2} and {@code dOff2}: twice the
     * accumulators per B row. Every element's sum is the same as in two calls of the half tile; these defaults are
     * those two calls.
     */
    default void tileF32HalfPair(int kc, float[] a, int aOff, float[] b, int bOff, int bNext, float[] c, int cOff,
            int cOff2, int ldc, float[] d, int dOff, int dOff2, int ldd, int rows) {
        tileF32Half(kc, a, aOff, b, bOff, c, cOff, ldc, d, dOff, ldd, rows);
        tileF32Half(kc, a, aOff, b, bOff + bNext, c, cOff2, ldc, d, dOff2, ldd, rows);
    }

    /** The packed half tile pair for float64. */
    default void tileF64HalfPair(int kc, double[] a, int aOff, double[] b, int bOff, int bNext, double[] c,
            int cOff, int cOff2, int ldc, double[] d, int dOff, int dOff2, int ldd, int rows) {
        tileF64Half(kc, a, aOff, b, bOff, c, cOff, ldc, d, dOff, ldd, rows);
        tileF64Half(kc, a, aOff, b, bOff + bNext, c, cOff2, ldc, d, dOff2, ldd, rows);
    }

    /** The table-addressed half tile pair. */
    default void tileF32HalfPair(int kc, float[] a, int aOff, float[] b, int[] bRows, int bRowsOff, int bCol,
            int bNext, float[] c, int cOff, int cOff2, int ldc, float[] d, int dOff, int dOff2, int ldd, int rows) {
        tileF32Half(kc, a, aOff, b, bRows, bRowsOff, bCol, c, cOff, ldc, d, dOff, ldd, rows);
        tileF32Half(kc, a, aOff, b, bRows, bRowsOff, bCol + bNext, c, cOff2, ldc, d, dOff2, ldd, rows);
    }

    /** The table-addressed half tile pair for float64. */
    default void tileF64HalfPair(int kc, double[] a, int aOff, double[] b, int[] bRows, int bRowsOff, int bCol,
            int bNext, double[] c, int cOff, int cOff2, int ldc, double[] d, int dOff, int dOff2, int ldd,
            int rows) {
        tileF64Half(kc, a, aOff, b, bRows, bRowsOff, bCol, c, cOff, ldc, d, dOff, ldd, rows);
        tileF64Half(kc, a, aOff, b, bRows, bRowsOff, bCol + bNext, c, cOff2, ldc, d, dOff2, ldd, rows);
    }

    /** The half tile pair over runs of rows. */
    default void tileF32HalfPair(int[] runs, int runCount, float[] a, int aOff, float[] b, int bCol, int bNext,
            float[] c, int cOff, int cOff2, int ldc, float[] d, int dOff, int dOff2, int ldd, int rows) {
        tileF32Half(runs, runCount, a, aOff, b, bCol, c, cOff, ldc, d, dOff, ldd, rows);
        tileF32Half(runs, runCount, a, aOff, b, bCol + bNext, c, cOff2, ldc, d, dOff2, ldd, rows);
    }

    /** The half tile pair over runs of rows for float64. */
    default void tileF64HalfPair(int[] runs, int runCount, double[] a, int aOff, double[] b, int bCol, int bNext,
            double[] c, int cOff, int cOff2, int ldc, double[] d, int dOff, int dOff2, int ldd, int rows) {
        tileF64Half(runs, runCount, a, aOff, b, bCol, c, cOff, ldc, d, dOff, ldd, rows);
        tileF64Half(runs, runCount, a, aOff, b, bCol + bNext, c, cOff2, ldc, d, dOff2, ldd, rows);
    }

    /**
     * A register tile whose A rows are read in place, {@code aStride} apart, and whose B rows ({@code NR} columns)
     * are {@code ldb} apart: for a convolution with a long kernel and a long stride (an audio front-end), row
     * {@code i} is output position {@code i} (a frame of the signal), column {@code j} an output channel of the
     * packed weight ({@code ldb = NR}), so nothing is unfolded or packed per call; for a weight gradient, the rows
     * are output channels of the output gradient and B the channels-last input:
     * <pre>
     * c[cOff + i*ldc + j] += sum over r &lt; kc of a[aOff + i*aStride + r] * b[bOff + r*ldb + j],  i &lt; rows
     * </pre>
     * {@code c} must hold {@code MR} rows; rows from {@code rows} on are left unspecified.
     */
    void frameTileF32(int kc, float[] a, int aOff, int aStride, float[] b, int bOff, int ldb, float[] c, int cOff,
            int ldc, int rows);

    /** {@link #frameTileF32} for float64. */
    void frameTileF64(int kc, double[] a, int aOff, int aStride, double[] b, int bOff, int ldb, double[] c, int cOff,
            int ldc, int rows);

    /**
     * Copies rows given by a table of row starts into packed panels of {@code NR = tileColsF32()} columns, the
     * layout the packed tiles read:
     * <pre>
     * dst[(p*rn + r)*NR + j] = b[bRows[r] + bCol + p*panelStep + j],  r &lt; rn, p &lt; panels, j &lt; NR
     * </pre>
     */
    void packPanelsF32(int rn, int panels, float[] b, int[] bRows, int bCol, int panelStep, float[] dst);

    /** {@link #packPanelsF32} for float64 ({@code NR = tileColsF64()}). */
    void packPanelsF64(int rn, int panels, double[] b, int[] bRows, int bCol, int panelStep, double[] dst);

    /**
     * {@code dst[dstOff + j*dstStride + i] = src[srcOff + i*srcStride + j]} for {@code i < rows, j < cols}: a block
     * of a matrix transposed (the weight gradient's channels-last copy of the input, {@link TransposedInput}).
     */
    void transposeF32(float[] src, int srcOff, int srcStride, float[] dst, int dstOff, int dstStride, int rows,
            int cols);

    /** {@link #transposeF32} for float64. */
    void transposeF64(double[] src, int srcOff, int srcStride, double[] dst, int dstOff, int dstStride, int rows,
            int cols);

    /**
     * {@code dst[dstOff + f*dstStride + u] = src[srcOff + u*stride + f]} for {@code f < stride, u < n}: a row split
     * into its stride phases (Note [Stride phases] in {@link Spans}); every element read lies inside {@code src}.
     */
    void deinterleaveF32(float[] src, int srcOff, int stride, int n, float[] dst, int dstOff, int dstStride);

    /** {@link #deinterleaveF32} for float64. */
    void deinterleaveF64(double[] src, int srcOff, int stride, int n, double[] dst, int dstOff, int dstStride);

    /**
     * The input transform of Winograd's F(2, 3) or F(2, 5) ({@code taps} 3 or 5) with dilation {@code D}, a divisor
     * of 16 (Note [Winograd F(2, 3)] in {@link WinogradConvForward}): tile {@code j < count} ({@code count} a
     * multiple of {@code D}) starts at {@code t(j) = j + D*floor(j/D)}, reads {@code d_i = s[sOff + t(j) + i*D]},
     * {@code i <= taps}, and writes its {@code taps + 1} transformed values into packed panels of
     * {@code NR = tileColsF32()} columns, value {@code ξ} at {@code v[vOff + ξ*next + (j/NR)*panelStep + j%NR]}, in
     * this order of operations:
     * <pre>
     * F(2, 3): V0 = d0 - d2,  V1 = d1 + d2,  V2 = d2 - d1,  V3 = d1 - d3
     * F(2, 5): V0 = (4*d0 - 5*d2) + d4,        V1 = (d3 + d4) - 4*(d1 + d2),  V2 = (d4 - d3) + 4*(d1 - d2),
     *          V3 = (d4 - d2) + 2*(d3 - d1),   V4 = (d4 - d2) - 2*(d3 - d1),  V5 = (4*d1 - 5*d3) + d5
     * </pre>
     * {@code s} holds {@code 2*count + (taps - 1)*D} elements from {@code sOff}.
     */
    void winogradInputF32(int count, int taps, int dilation, float[] s, int sOff, float[] v, int vOff,
            int panelStep, int next);

    /**
     * The output transform of Winograd's F(2, 3) or F(2, 5) with dilation {@code D}: {@code count} consecutive
     * outputs from the sums {@code m_ξ[j] = m[mOff + ξ*next + j]} of tile {@code j}; output {@code i} is in chunk
     * {@code h = floor(i/D)}, of tile {@code j = (h/2)*D + i%D}, in this order of additions:
     * <pre>
     * F(2, 3): y[yOff + i] = (m0 + m1) + m2  for even h,   (m1 - m2) - m3  for odd h
     * F(2, 5): y[yOff + i] = (((m0 + m1) + m2) + m3) + m4  for even h,   ((m1 - m2) + 2*(m3 - m4)) + m5  for odd h
     * </pre>
     */
    void winogradOutputF32(int count, int taps, int dilation, float[] m, int mOff, int next, float[] y, int yOff);

    /**
     * A depthwise row: {@code y[yOff + j] = init + sum over k < taps of w[wOff + k] * x[xOff + xTaps[k] + j]} for
     * {@code j < count}, taps in increasing order, starting from {@code init} (a bias, or zero): {@code y} is only
     * written (the caller has zero-padded {@code x}; all reads are in range).
     */
    void depthwiseF32(int count, int taps, float[] w, int wOff, float[] x, int xOff, int[] xTaps, float init,
            float[] y, int yOff);

    /** {@link #depthwiseF32} for float64. */
    void depthwiseF64(int count, int taps, double[] w, int wOff, double[] x, int xOff, int[] xTaps, double init,
            double[] y, int yOff);

    /**
     * {@code sum over j < count of a[aOff + j] * b[bOff + j]}, in a fixed order on every implementation: products
     * are fused into 8 lanes ({@code j mod 8}) in increasing {@code j}, then the lanes are added in order.
     */
    float dotF32(int count, float[] a, int aOff, float[] b, int bOff);

    /** {@link #dotF32} for float64, with 4 lanes. */
    double dotF64(int count, double[] a, int aOff, double[] b, int bOff);

    /** Rows of {@code a} a dot tile takes ({@link #dotTileF32}). */
    int dotTileRows();

    /** Rows of {@code b} a dot tile takes. */
    int dotTileCols();

    /**
     * A tile of dot products, {@code dotTileRows()} rows of {@code a} by {@code dotTileCols()} rows of {@code b}
     * ({@code aRows} and {@code bRows} hold exactly that many row starts), each kept as {@value #DOT_LANES_F32}
     * partial sums: element {@code e < count} of the rows goes to lane {@code e mod 16}, lanes in increasing
     * {@code e}, whatever the machine's vectors (Note [Bit-identical tiles]):
     * <pre>
     * acc[accOff + (i*cols + j)*16 + e%16] += a[aRows[i] + e] * b[bRows[j] + e]
     * </pre>
     */
    void dotTileF32(int count, float[] a, int[] aRows, float[] b, int[] bRows, float[] acc, int accOff);

    /** {@link #dotTileF32} for float64, with {@value #DOT_LANES_F64} lanes. */
    void dotTileF64(int count, double[] a, int[] aRows, double[] b, int[] bRows, double[] acc, int accOff);

    /**
     * Dot products of one row of {@code a} with {@code taps} shifted rows of {@code b} (a depthwise weight gradient:
     * an output gradient row against the input row read through each tap), each kept as {@value #DOT_LANES_F32}
     * partial sums like {@link #dotTileF32}'s: element {@code e < count} goes to lane {@code e mod 16}, lanes in
     * increasing {@code e}, whatever the machine's vectors:
     * <pre>
     * acc[accOff + k*16 + e%16] += a[aOff + e] * b[bOff + bTaps[k] + e],  k &lt; taps
     * </pre>
     * A lane that starts at +0 stays bit-identical to the scalar implementation's.
     */
    void dotTapsF32(int count, int taps, float[] a, int aOff, float[] b, int bOff, int[] bTaps, float[] acc,
            int accOff);

    /** {@link #dotTapsF32} for float64, with {@value #DOT_LANES_F64} lanes. */
    void dotTapsF64(int count, int taps, double[] a, int aOff, double[] b, int bOff, int[] bTaps, double[] acc,
            int accOff);

    /** Partial sums per element of a float32 dot tile: one 512-bit vector. */
    int DOT_LANES_F32 = 16;

    /** Partial sums per element of a float64 dot tile. */
    int DOT_LANES_F64 = 8;

    /**
     * The instruction set's float32 FMA peak, for benchmarks: {@code iterations} steps of twelve independent chains of
     * fused multiply-adds on whole vectors ({@code 24 * lanes} floating-point operations per step). Returns a value
     * that depends on every step, so that nothing is optimised away.
     */
    float fmaLoopF32(long iterations);

    /** Floating-point operations one step of {@link #fmaLoopF32} performs. */
    int fmaLoopFlopsPerStep();
}
