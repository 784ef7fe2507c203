package org.conv4j.kernel.fast;

/**
 * {@code C[M x J] += A[M x R] * B[R x J]} in register tiles of {@code MR x NR}, blocked the way BLIS blocks a
 * GEMM: {@code KC} reductions by {@code NC} columns of B at a time; within a block, each A panel
 * ({@code KC x MR}) streams the whole block of B where that fits in L2, otherwise each {@code KC x NR} panel of B
 * is streamed by every A panel before the next (Note [Row panels outer]). A is packed ahead (a layer's weights)
 * or per block.
 * B is read through a table of row starts: a convolution's B (the implicit im2col) is made of shifted runs of the
 * input, so it needs at most a copy of the input span the block reads, never the unfolded matrix.
 *
 * <p>Every element of C receives its products in increasing reduction order, whatever the blocking or the
 * region a caller asks for (Note [Bit-identical tiles] in {@link ConvMath}).
 *
 * <p>Note [Reduction blocks]: BLIS sizes {@code KC} so that a B panel stays in L1 (here 16 KiB: 128 float32
 * reductions of 32 columns). On Zen 5 a panel of up to 96 KiB, streamed from L2, ran faster: every reduction
 * block after the first makes each tile reload and store its partial sums, and the blocks of a convolution's
 * reduction ({@code C_in/groups * K}, often 192 to 1500) were cut into full blocks and a short one. In calls
 * alternating between them (2 threads, forward): resnet1d_k3 (192 reductions in one block, not 128 + 64)
 * -16 to -20%, tcn -8 to -10%, textcnn_k5 (two blocks of 750, not eleven of 128 and one of 92) -4 to -7%,
 * large_256_k3 -3%, pointwise_512 -2%, pointwise_750_14 even; forward and backward together textcnn_k5 -8%,
 * large_256_k3 -4%, resnet1d_k3 and pointwise_512 -3%. One block of 1500 was no faster than two of 750 in the
 * forward and 3% slower with the backward; a cap of 2048 was 3% slower on tcn's forward and backward. The
 * reduction is split into equal blocks, so that none is short.
 */
final class TileGemm {
    /**
     * Bytes of one B panel ({@code KC x NR}) at most: 96 KiB, which streams from L2 (Note [Reduction blocks]);
     * 768 float32 or float64 reductions with 512-bit tiles.
     */
    static final int B_PANEL_BYTES = 96 * 1024;
    /** The most reductions per block, for the narrowest tiles ({@link #reductionBlock}). */
    static final int MAX_KC = 2048;
    /**
     * Bytes of one reduction row of a block of B ({@code NC} columns): 512 float32 columns, 256 float64. On Zen 5
     * with 512-bit tiles, 512 float32 columns ran 3-15% faster than 256 on the suite's GEMM shapes and 1024 slower
     * again; with blocks of 768 reductions, fewer columns (so that a block stayed within 256 KiB) were no faster.
     */
    static final int B_BLOCK_ROW_BYTES = 2048;
    /**
     * Note [Row panels outer]: a block's tiles run row panel by row panel, each A panel ({@code MR x KC}, a few KiB)
     * staying in L1 while the block of B streams past it from L2, where that block is at most this many bytes;
     * otherwise column panel by column panel, as BLIS does, each B panel staying in L1 while all of A streams past
     * it. For the suite's convolutions B is a copy of an input span, or its panels, of 100-300 KiB, and rows outer
     * ran faster in alternating calls (forward, 2 threads, Zen 5): grouped_g8 -6%, resnet1d_k3 -3.5%, tcn -1 to -4%,
     * audio_k80_s4 -2 to -4%, textcnn_k5 -2%; it also writes the output row by row, 8 rows at a time, rather than
     * 8 rows of every row panel in turn. Where B is larger than L2 it was slower: pointwise_512 (1 MiB of panels)
     * +3%, large_256_k3 (1.5 MiB) +6%.
     */
    static final long ROW_PANELS_OUTER_MAX_B_BYTES = 512 * 1024;

    private TileGemm() {
    }

    /** Supplies B block by block. */
    interface BSource {
        /**
         * Makes columns {@code [j0, j0 + jn)} ({@code jn} a whole number of tiles of {@code nr}) by reductions
         * {@code [r0, r0 + rn)} of B readable through {@code block}: packed, or through its table of row starts,
         * or through its runs of rows where the source sets them ({@code runCount > 0}; the table is then not read).
         */
        void prepare(Typed t, Scratch s, int j0, int jn, int r0, int rn, int nr, BBlock block);
    }

    /** Packs one operand block, panel by panel. */
    interface Packer {
        /**
         * Packs {@code [first, first + count)} (rows of A, or columns of B) by reductions {@code [r0, r0 + rn)} into
         * {@code dst} at {@code dstOff}: panel {@code p} holds {@code first + p*tile ...} as {@code [r][tile]} at
         * {@code dstOff + p*rn*tile}; entries past {@code count} are zeros.
         */
        void pack(Typed t, Object dst, int dstOff, int first, int count, int r0, int rn, int tile);
    }

    /** B packed block by block into contiguous panels. */
    static BSource packed(Packer packer) {
        return (t, s, j0, jn, r0, rn, nr, block) -> {
            Object bp = s.b(t, jn * rn);
            packer.pack(t, bp, 0, j0, jn, r0, rn, nr);
            block.array = bp;
            for (int r = 0; r < rn; r++) {
                block.rows[r] = r * nr;
            }
            block.panelStep = rn * nr;
            block.packed = true;
        };
    }

    /**
     * B copied from another source's block into contiguous panels, with the instruction set's own copy
     * ({@link ConvMath#packPanelsF32}). Worth its copy when several A panels (output channels) stream each panel:
     * the packed tiles run faster than the table-addressed ones, and contiguous panels stream better.
     */
    static BSource packedPanels(BSource source, ConvMath math) {
        return (t, s, j0, jn, r0, rn, nr, block) -> {
            source.prepare(t, s, j0, jn, r0, rn, nr, block);
            Object panels = s.panels(t, jn * rn);
            t.packPanels(math, rn, jn / nr, block.array, block.rows, 0, block.panelStep, panels);
            block.bytes = (long) rn * jn * t.bytes();
            block.array = panels;
            for (int r = 0; r < rn; r++) {
                block.rows[r] = r * nr;
            }
            block.panelStep = rn * nr;
            block.packed = true;
        };
    }

    /** The A operand: packed ahead, or packed per block by a {@link Packer} reading rows. */
    interface RowPanels {
        /**
         * Makes rows {@code [m0, m0 + mn)} by reductions {@code [r0, r0 + rn)} available and returns the array;
         * {@link #offset} then locates each row panel in it.
         */
        Object prepare(Typed t, Scratch s, int m0, int mn, int r0, int rn, int mr);

        /** Offset of the panel of rows starting at {@code m} (a multiple of MR past {@code m0}). */
        int offset(int m0, int m, int r0, int rn, int mr);
    }

    /** A packed once into whole-reduction panels: {@code [row panel][r][MR]}, rows past M zero. */
    record Prepacked(Object array, int reduction) implements RowPanels {
        @Override
        public Object prepare(Typed t, Scratch s, int m0, int mn, int r0, int rn, int mr) {
            return array;
        }

        @Override
        public int offset(int m0, int m, int r0, int rn, int mr) {
            return (m / mr) * reduction * mr + r0 * mr;
        }
    }

    /** A packed block by block into scratch. */
    record PackedPerBlock(Packer rows) implements RowPanels {
        @Override
        public Object prepare(Typed t, Scratch s, int m0, int mn, int r0, int rn, int mr) {
            Object a = s.a(t, ((mn + mr - 1) / mr) * mr * rn);
            rows.pack(t, a, 0, m0, mn, r0, rn, mr);
            return a;
        }

        @Override
        public int offset(int m0, int m, int r0, int rn, int mr) {
            return ((m - m0) / mr) * rn * mr;
        }
    }

    /**
     * Where a GEMM region's tiles are read or written: the tile whose top left element is {@code (m, j)} starts at
     * {@code array[off + m*ld + j*colStep]}. {@code colStep} is 1 for a matrix, 0 for rows of {@code NR} constants
     * that every tile of the row starts from (a bias).
     */
    record View(Object array, int off, int ld, int colStep) {
        static View matrix(Object array, int off, int ld) {
            return new View(array, off, ld, 1);
        }

        int at(int m, int j) {
            return off + m * ld + j * colStep;
        }
    }

    /**
     * Accumulates into {@code c} the region rows {@code [mFrom, mTo)} by columns {@code [jFrom, jTo)} of
     * {@code A * B}, where element {@code (m, j)} of C is {@code c[cOff + m*ldc + j]}. A region whose width is not
     * a whole number of tiles is computed in scratch with whole tiles and copied back, so that the register tiles
     * never need masked memory access (slow on AVX2); B must then be readable past {@code jTo} up to the next tile.
     */
    static void run(Typed t, ConvMath math, RowPanels a, BSource b, int reduction, int mFrom, int mTo, int jFrom,
            int jTo, Object c, int cOff, int ldc) {
        run(t, math, a, b, 0, reduction, mFrom, mTo, jFrom, jTo, c, cOff, ldc);
    }

    /** {@link #run} over the reductions {@code [rFrom, rTo)} only. */
    static void run(Typed t, ConvMath math, RowPanels a, BSource b, int rFrom, int rTo, int mFrom, int mTo,
            int jFrom, int jTo, Object c, int cOff, int ldc) {
        int nr = t.tileCols(math);
        int width = jTo - jFrom;
        if (width % nr == 0) {
            View v = View.matrix(c, cOff, ldc);
            runWhole(t, math, a, b, rFrom, rTo, mFrom, mTo, jFrom, jTo, v, v, v, jTo);
            return;
        }
        int paddedWidth = (width + nr - 1) / nr * nr;
        int rows = mTo - mFrom;
        Object tmp = Scratch.get().c(t, rows * paddedWidth);
        for (int m = 0; m < rows; m++) {
            t.copy(c, cOff + (mFrom + m) * ldc + jFrom, 1, tmp, m * paddedWidth, width);
            t.fill(tmp, m * paddedWidth + width, (m + 1) * paddedWidth, 0.0);
        }
        // Row m of tmp is row mFrom + m of C; column j of tmp is column jFrom + j.
        View v = View.matrix(tmp, -mFrom * paddedWidth - jFrom, paddedWidth);
        runWhole(t, math, a, b, rFrom, rTo, mFrom, mTo, jFrom, jFrom + paddedWidth, v, v, v, jFrom + paddedWidth);
        for (int m = 0; m < rows; m++) {
            t.copy(tmp, m * paddedWidth, 1, c, cOff + (mFrom + m) * ldc + jFrom, width);
        }
    }

    /**
     * The region rows {@code [mFrom, mTo)} by columns {@code [jFrom, jTo)} (whole tiles) of {@code start + A * B},
     * into {@code end} for the columns below {@code jEnd}: the first reduction block's tiles read {@code start}, the
     * partial sums between reduction blocks stay in {@code acc} (scratch, which must hold the whole region), and
     * the last block's tiles write {@code end}, except those reaching past {@code jEnd}, whose columns below it are
     * copied there from {@code acc}. Any two of the views may be the same (an update in place).
     */
    static void run(Typed t, ConvMath math, RowPanels a, BSource b, int reduction, int mFrom, int mTo, int jFrom,
            int jTo, View start, View acc, View end, int jEnd) {
        runWhole(t, math, a, b, 0, reduction, mFrom, mTo, jFrom, jTo, start, acc, end, jEnd);
    }

    /**
     * {@code KC}: reductions per block for a reduction of {@code reductions}, in equal blocks of which none makes a
     * B panel of {@code nr} columns larger than {@link #B_PANEL_BYTES} (Note [Reduction blocks]).
     */
    static int reductionBlock(Typed t, int nr, int reductions) {
        int most = Math.min(MAX_KC, B_PANEL_BYTES / (nr * t.bytes()));
        int blocks = (reductions + most - 1) / most;
        return (reductions + blocks - 1) / Math.max(1, blocks);
    }

    /** {@code NC}: columns per block (whole tiles), so that a row of a block of B fills {@link #B_BLOCK_ROW_BYTES}. */
    static int columnBlock(Typed t, int nr) {
        return Math.max(nr, B_BLOCK_ROW_BYTES / t.bytes() / nr * nr);
    }

    private static void runWhole(Typed t, ConvMath math, RowPanels a, BSource b, int rFrom, int rTo, int mFrom,
            int mTo, int jFrom, int jTo, View start, View acc, View end, int jEnd) {
        int mr = math.tileRows();
        int nr = t.tileCols(math);
        int kcMax = reductionBlock(t, nr, rTo - rFrom);
        int ncMax = columnBlock(t, nr);
        Scratch s = Scratch.get();
        BBlock block = s.block;
        for (int j0 = jFrom; j0 < jTo; j0 += ncMax) {
            int jn = Math.min(ncMax, jTo - j0);
            int panels = jn / nr;
            for (int r0 = rFrom; r0 < rTo; r0 += kcMax) {
                int rn = Math.min(kcMax, rTo - r0);
                View from = r0 == rFrom ? start : acc;
                boolean last = r0 + rn >= rTo;
                block.runCount = 0;
                block.bytes = (long) rn * jn * t.bytes();
                b.prepare(t, s, j0, jn, r0, rn, nr, block);
                if (!block.packed && block.runCount == 0) {
                    block.findRuns(rn);
                }
                Object ap = a.prepare(t, s, mFrom, mTo - mFrom, r0, rn, mr);
                View to = last ? end : acc;
                int whole = last ? Math.min(panels, (jEnd - j0) / nr) : panels; // panels whose columns all reach `to`
                if (block.bytes <= ROW_PANELS_OUTER_MAX_B_BYTES) { // Note [Row panels outer]
                    for (int m = mFrom; m < mTo; m += mr) {
                        int aOff = a.offset(mFrom, m, r0, rn, mr);
                        int rows = Math.min(mr, mTo - m);
                        boolean pairs = rows <= math.halfTileRows(); // Note [Half tile pairs] in ConvMath
                        for (int p = 0; p < panels; p++) {
                            View into = p < whole ? to : acc;
                            int j = j0 + p * nr;
                            if (pairs && p + 1 < panels && (p + 1 < whole) == (p < whole)) {
                                t.halfTilePair(math, rn, ap, aOff, block, p, from.array(), from.at(m, j),
                                        from.at(m, j + nr), from.ld(), into.array(), into.at(m, j), into.at(m, j + nr),
                                        into.ld(), rows);
                                p++;
                                continue;
                            }
                            t.tile(math, rn, ap, aOff, block, p, from.array(), from.at(m, j), from.ld(),
                                    into.array(), into.at(m, j), into.ld(), rows);
                        }
                    }
                } else {
                    for (int p = 0; p < panels; p++) {
                        View into = p < whole ? to : acc;
                        int j = j0 + p * nr;
                        for (int m = mFrom; m < mTo; m += mr) {
                            int aOff = a.offset(mFrom, m, r0, rn, mr);
                            int rows = Math.min(mr, mTo - m);
                            t.tile(math, rn, ap, aOff, block, p, from.array(), from.at(m, j), from.ld(),
                                    into.array(), into.at(m, j), into.ld(), rows);
                        }
                    }
                }
            }
        }
        int tail = jFrom + (Math.min(jEnd, jTo) - jFrom) / nr * nr;
        if (tail < jEnd && end != acc) {
            for (int m = mFrom; m < mTo; m++) {
                t.copy(acc.array(), acc.at(m, tail), 1, end.array(), end.at(m, tail), Math.min(jEnd, jTo) - tail);
            }
        }
    }
}
