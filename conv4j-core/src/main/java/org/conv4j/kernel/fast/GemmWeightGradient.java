package org.conv4j.kernel.fast;

import static org.conv4j.kernel.fast.ImplicitGemmConvKernel.cdiv;
import static org.conv4j.kernel.fast.ImplicitGemmConvKernel.roundUp;

import org.conv4j.kernel.ConvProblem;
import org.conv4j.kernel.fast.ImplicitGemmConvKernel.Geometry;
import org.conv4j.tensor.Tensor;

/**
 * The weight gradient of {@link ImplicitGemmConvKernel}, per group
 * {@code gw[o, (c, k)] = sum over (n, t) of gy[n, o, t] * x[n, c, t*S + k*D - P]}: a GEMM reading both operands
 * in place where that was measured faster ({@link InPlaceWeightGradient}), dot products along the positions for
 * other long rows ({@link DotWeightGradient}), otherwise a GEMM with both operands packed block by block.
 */
final class GemmWeightGradient {
    /**
     * Note [Weight gradient chunks]: the weight gradient sums over batch and positions, often tens of thousands of
     * terms. They are summed in chunks of this many, each chunk by its own work item, and the chunk sums are then
     * added in chunk order, in the tensor's precision. The chunking depends only on the problem, so results do not
     * depend on the number of threads.
     */
    static final int REDUCTION_CHUNK = 8192;
    /**
     * Items per thread for the GEMM from the transposed input, whose items share one packed A and only re-read B's
     * columns, so that more, smaller items cost little and balance the threads better: 4 against 2 was 6-11%
     * faster on textcnn (5 items became 10 on 2 threads) in calls alternating between them. With A packed per
     * block (audio_k400_s160) more items repeat the packing: 11% slower there, so those keep 2.
     */
    static final int TRANSPOSED_ITEMS_PER_THREAD = 4;
    /**
     * From this many output channels per group, the GEMM from the transposed input repacks B into panels, as the
     * forward pass does (its tiles then read contiguous panels, not rows 1-2 KiB apart), where enough output channels
     * stream each panel to pay for the copy. In calls alternating with reading xT in place: pointwise_512 (512)
     * -12%, textcnn_k5 (100) -7 to -14%, textcnn_k3 -1 to -6%, tiny_16_k3 (16) +7%.
     */
    static final int PACK_B_FROM_OUTPUTS = 64;

    private GemmWeightGradient() {
    }

    static void compute(ConvMath math, ConvProblem problem, Tensor input, Tensor gradOutput, Tensor gradWeight) {
        Geometry q = Geometry.of(problem);
        Typed t = Typed.of(input.dtype());
        Object x = t.data(input);
        Object gy = t.data(gradOutput);
        Object gw = t.data(gradWeight);
        int columns = q.cg() * q.k();
        int reduction = q.n() * q.t();
        // The reduction (n, t) is long: it is cut into chunks of a fixed size, summed separately and then added in
        // chunk order (Note [Weight gradient chunks]).
        int chunks = cdiv(reduction, REDUCTION_CHUNK);
        int size = q.cOut() * columns;
        // Note [Call buffers]: every element of the chunks' sums is written before it is read.
        Object partial = chunks == 1 ? gw : CallBuffers.take(t, chunks * size);
        if (InPlaceWeightGradient.suits(q)) {
            InPlaceWeightGradient.compute(math, q, t, x, gy, partial, chunks);
        } else if (q.t() >= DotWeightGradient.MIN_POSITIONS && !pointwiseGemm(q)) {
            DotWeightGradient.compute(math, q, t, x, gy, partial, chunks);
        } else {
            byGemm(math, q, t, x, gy, partial, chunks);
        }
        if (chunks > 1) {
            int rowsPerItem = Math.max(1, 65536 / columns);
            Parallel.forEach(cdiv(q.cOut(), rowsPerItem), (long) chunks * size * 64, item -> {
                int from = item * rowsPerItem * columns;
                int to = Math.min(size, from + rowsPerItem * columns);
                for (int i = from; i < to; i++) {
                    double sum = t.get(partial, i);
                    for (int chunk = 1; chunk < chunks; chunk++) {
                        sum = t.round(sum + t.get(partial, chunk * size + i));
                    }
                    t.set(gw, i, sum);
                }
            });
            CallBuffers.give(partial);
        }
    }

    /**
     * Pointwise with many channels in and out (pointwise_512) takes the GEMM from the transposed input, its B
     * repacked into panels, even for long rows: its weight gradient took 20.2-21.6 ms against 25.6-30.2 as dot
     * products (alternating JVMs; 19.7 against 27.7 in calls alternating in one); the same GEMM was slower on tcn
     * (10.5 against 6.7 ms) and pointwise_750_14 (14 output channels: 1.56 against 0.95 ms), even on large_256_k3.
     */
    static boolean pointwiseGemm(Geometry q) {
        return q.k() == 1 && q.s() == 1 && q.og() >= ImplicitGemmConvKernel.PACK_B_FROM_ROWS
                && q.cg() >= ImplicitGemmConvKernel.PACK_B_FROM_ROWS;
    }

    /**
     * As a GEMM, for short rows (fewer than {@link DotWeightGradient#MIN_POSITIONS} output positions), where a dot
     * product per row would spend more on its partial sums than on its products: with stride and dilation 1, B read
     * in place from the transposed input ({@link TransposedInput}); otherwise both operands packed block by block.
     * Items are (chunk, group, row block, column block); large blocks amortise the packing (each packed element
     * serves a whole block row or column).
     */
    private static void byGemm(ConvMath math, Geometry q, Typed t, Object x, Object gy, Object partial,
            int chunks) {
        int mr = math.tileRows();
        int nr = t.tileCols(math);
        int columns = q.cg() * q.k();
        int reduction = q.n() * q.t();
        int size = q.cOut() * columns;
        // Note [Weight gradient from the transposed input] (TransposedInput): with stride and dilation 1 the GEMM's
        // columns run tap-major into a scratch copy of the partial sums, reordered into (c, k) at the end.
        boolean transposed = q.s() == 1 && q.d() == 1;
        Object xT = transposed ? TransposedInput.copy(t, math, x, q, nr) : null;
        // Note [Call buffers]: every item zeroes its block of the sums before it adds to them.
        Object sums = transposed ? CallBuffers.take(t, chunks * size) : partial;
        int[] blocks = itemBlocks(q, chunks, Math.min(roundUp(q.og(), mr), 26 * mr), mr,
                Math.min(roundUp(columns, nr), 16 * nr), nr, transposed ? TRANSPOSED_ITEMS_PER_THREAD : 2);
        int mb = blocks[0];
        int cb = blocks[1];
        int rowBlocks = cdiv(q.og(), mb);
        int colBlocks = cdiv(columns, cb);
        TileGemm.RowPanels[] a = transposed && colBlocks > 1 ? packedGradOutput(t, gy, q, mr) : null;
        boolean packB = q.og() >= PACK_B_FROM_OUTPUTS;
        Parallel.forEach(chunks * q.g() * rowBlocks * colBlocks, q.flops(), item -> {
            Item it = Item.of(item, q, mb, cb);
            int cOff = it.chunk() * size + it.g() * q.og() * columns;
            for (int o = it.mFrom(); o < it.mTo(); o++) {
                t.fill(sums, cOff + o * columns + it.jFrom(), cOff + o * columns + it.jTo(), 0.0);
            }
            int rFrom = it.chunk() * REDUCTION_CHUNK;
            int rTo = Math.min(reduction, rFrom + REDUCTION_CHUNK);
            TileGemm.BSource b = !transposed ? TileGemm.packed(unfoldedInputColumns(x, it.g(), q))
                    : packB ? TileGemm.packedPanels(TransposedInput.rows(t, xT, it.g(), q), math)
                    : TransposedInput.rows(t, xT, it.g(), q);
            TileGemm.RowPanels rows = a != null ? a[it.g()]
                    : new TileGemm.PackedPerBlock(gradOutputRows(gy, it.g(), q));
            TileGemm.run(t, math, rows, b, rFrom, rTo, it.mFrom(), it.mTo(), it.jFrom(), it.jTo(), sums, cOff,
                    columns);
        });
        if (transposed) {
            untangleTaps(t, q, sums, partial, chunks);
            CallBuffers.give(xT);
            CallBuffers.give(sums);
        }
        if (a != null) {
            for (TileGemm.RowPanels panels : a) {
                CallBuffers.give(((TileGemm.Prepacked) panels).array());
            }
        }
    }

    /**
     * Sums whose columns run tap-major ({@code k*Cg + c}) into {@code partial} in the weight's order ({@code (c, k)}):
     * one run of Cg columns per tap (1-2% faster on textcnn than a copy of K elements per channel, in alternating
     * calls).
     */
    static void untangleTaps(Typed t, Geometry q, Object sums, Object partial, int chunks) {
        int columns = q.cg() * q.k();
        long size = (long) q.cOut() * columns;
        Parallel.forEach(chunks * q.cOut(), chunks * size * 16, row -> {
            int at = row * columns;
            for (int k = 0; k < q.k(); k++) {
                t.copyStrided(sums, at + k * q.cg(), 1, partial, at + k, q.k(), q.cg());
            }
        });
    }

    /**
     * A work item of the weight gradient: chunk of the reduction, group, and its block of output channels
     * {@code [mFrom, mTo)} by columns {@code (c, k)} {@code [jFrom, jTo)}; items run column block fastest.
     */
    record Item(int chunk, int g, int mFrom, int mTo, int jFrom, int jTo) {
        static Item of(int item, Geometry q, int rowBlock, int colBlock) {
            int columns = q.cg() * q.k();
            int colBlocks = cdiv(columns, colBlock);
            int rowBlocks = cdiv(q.og(), rowBlock);
            int mFrom = (item / colBlocks) % rowBlocks * rowBlock;
            int jFrom = item % colBlocks * colBlock;
            return new Item(item / colBlocks / rowBlocks / q.g(), (item / colBlocks / rowBlocks) % q.g(), mFrom,
                    Math.min(q.og(), mFrom + rowBlock), jFrom, Math.min(columns, jFrom + colBlock));
        }
    }

    /**
     * The (output channel, column) block of a work item, {@code {rows, columns}}: the largest given, shrunk in steps
     * of whole tiles (columns first) until (chunk, group, row block, column block) gives each thread
     * {@code perThread} items.
     */
    static int[] itemBlocks(Geometry q, int chunks, int rowBlock, int rowStep, int colBlock, int colStep,
            int perThread) {
        int columns = q.cg() * q.k();
        int want = Parallel.threadsFor(q.flops()) == 1 ? 1 : perThread * Parallel.threads();
        while (chunks * q.g() * cdiv(q.og(), rowBlock) * cdiv(columns, colBlock) < want
                && (rowBlock > rowStep || colBlock > colStep)) {
            if (colBlock > colStep) {
                colBlock -= colStep;
            } else {
                rowBlock -= rowStep;
            }
        }
        return new int[] {rowBlock, colBlock};
    }

    /**
     * A of every group, packed once into whole-reduction panels, for the transposed input's GEMM when it has
     * several column blocks: their items read the same A, and packing it per block repeated the packing once per
     * column block (15% of textcnn_k3's weight gradient, sampled with JFR; textcnn_k3 4.97-5.20 -> 4.79-4.92 ms in
     * alternating runs). Not for the other strides: it doubled audio_k400_s160's median weight gradient (0.48 -> 0.94
     * ms, its minimum unchanged), which was not looked into further.
     */
    private static TileGemm.RowPanels[] packedGradOutput(Typed t, Object gy, Geometry q, int mr) {
        int reduction = q.n() * q.t();
        int panels = cdiv(q.og(), mr);
        Object[] arrays = new Object[q.g()];
        for (int g = 0; g < q.g(); g++) {
            // Note [Call buffers]: every panel is packed whole below, its rows past the group's zeroed.
            arrays[g] = CallBuffers.take(t, panels * mr * reduction);
        }
        Parallel.forEach(q.g() * panels, (long) q.g() * panels * mr * reduction * 16, item -> {
            int g = item / panels;
            int p = item % panels;
            gradOutputRows(gy, g, q).pack(t, arrays[g], p * reduction * mr, p * mr, Math.min(mr, q.og() - p * mr), 0,
                    reduction, mr);
        });
        TileGemm.RowPanels[] a = new TileGemm.RowPanels[q.g()];
        for (int g = 0; g < q.g(); g++) {
            a[g] = new TileGemm.Prepacked(arrays[g], reduction);
        }
        return a;
    }

    /** A for the weight gradient: {@code A[o][r = n*T + t] = gy[n, g*Og + o, t]}, packed panel by panel. */
    private static TileGemm.Packer gradOutputRows(Object gy, int g, Geometry q) {
        return (t, dst, dstOff, first, count, r0, rn, tile) -> {
            int panels = cdiv(count, tile);
            for (int row = 0; row < panels * tile; row++) {
                int at = dstOff + (row / tile) * rn * tile + row % tile;
                if (row >= count) {
                    t.zeroStrided(dst, at, tile, rn);
                    continue;
                }
                int o = g * q.og() + first + row;
                // The reduction (n, t) runs along gy's rows: one strided copy per batch element it touches.
                for (int r = r0; r < r0 + rn;) {
                    int n = r / q.t();
                    int t0 = r % q.t();
                    int run = Math.min(q.t() - t0, r0 + rn - r);
                    t.copyStrided(gy, (n * q.cOut() + o) * q.t() + t0, dst, at + (r - r0) * tile, tile, run);
                    r += run;
                }
            }
        };
    }

    /**
     * B for the weight gradient: {@code B[r = n*T + t][(c, k)] = x[n, g*Cg + c, t*S + k*D - P]}, packed row by row:
     * gathered through a table of offsets, or, with dilation 1 and a longer stride (audio front-ends), copied as
     * runs of a channel's taps, which read a contiguous run of its input row.
     */
    private static TileGemm.Packer unfoldedInputColumns(Object x, int g, Geometry q) {
        if (q.s() > 1 && q.d() == 1) {
            return (t, dst, dstOff, first, count, r0, rn, tile) -> packTapRuns(t, x, g, q, dst, dstOff, first, count,
                    r0, rn, tile);
        }
        return (t, dst, dstOff, first, count, r0, rn, tile) -> packRows(t, x, g, q, dst, dstOff, first, count, r0,
                rn, tile);
    }

    /**
     * The weight gradient's B, row by row: row {@code (n, t)} of a panel gathers its columns {@code (c, k)} from
     * {@code x[n, g*Cg + c, t*S + k*D - P]} through a table of offsets made once per panel, so that the packed
     * panel is written in order (column by column, each element of a row went to its own cache line; row by row
     * ran textcnn_k5's weight gradient 5-10% faster, before it took the transposed input). Rows with a column in
     * the padding take the gather that checks every element.
     */
    private static void packRows(Typed t, Object x, int g, Geometry q, Object dst, int dstOff, int first, int count,
            int r0, int rn, int tile) {
        int columns = q.cg() * q.k();
        int panels = cdiv(count, tile);
        int[] idx = new int[tile];
        int[] lo = new int[tile];
        int[] hi = new int[tile];
        for (int p = 0; p < panels; p++) {
            int present = Math.max(0, Math.min(tile, Math.min(count, columns - first) - p * tile));
            // Column j reads its channel's row at t*S + off, inside the row for positions t in [lo, hi); every
            // column reads inside it for t in [inner0, inner1).
            int inner0 = 0;
            int inner1 = q.t();
            for (int j = 0; j < present; j++) {
                int col = first + p * tile + j;
                int off = (col % q.k()) * q.d() - q.p();
                idx[j] = (g * q.cg() + col / q.k()) * q.l() + off;
                lo[j] = Math.max(0, cdiv(-off, q.s()));
                hi[j] = Math.max(0, cdiv(q.l() - off, q.s()));
                inner0 = Math.max(inner0, lo[j]);
                inner1 = Math.min(inner1, hi[j]);
            }
            for (int r = r0; r < r0 + rn;) {
                int n = r / q.t();
                int pos = r % q.t();
                int at = dstOff + p * rn * tile + (r - r0) * tile;
                int rowOff = n * q.cIn() * q.l() + pos * q.s();
                if (inner0 <= pos && pos < inner1) {
                    // The run of rows of this batch element inside [inner0, inner1): one call.
                    int run = Math.min(inner1 - pos, r0 + rn - r);
                    t.gatherRows(x, rowOff, q.s(), idx, present, dst, at, tile, run);
                    r += run;
                } else {
                    t.gatherRowOrZero(x, rowOff, idx, lo, hi, pos, present, dst, at, tile);
                    r++;
                }
            }
        }
    }

    /** The weight gradient's B, row by row: the taps of one channel read a contiguous run of its input row. */
    private static void packTapRuns(Typed t, Object x, int g, Geometry q, Object dst, int dstOff, int first,
            int count, int r0, int rn, int tile) {
        int columns = q.cg() * q.k();
        int panels = cdiv(count, tile);
        for (int r = r0; r < r0 + rn; r++) {
            int n = r / q.t();
            int origin = (r % q.t()) * q.s() - q.p(); // input position of tap 0
            for (int p = 0; p < panels; p++) {
                int at = dstOff + p * rn * tile + (r - r0) * tile;
                int j = 0;
                while (j < tile) {
                    int col = first + p * tile + j;
                    if (p * tile + j >= count || col >= columns) {
                        t.fill(dst, at + j, at + tile, 0.0);
                        break;
                    }
                    int c = col / q.k();
                    int k = col % q.k();
                    int run = Math.min(tile - j, Math.min(q.k() - k, count - p * tile - j));
                    // Taps [k, k + run) of channel c read positions origin + k ... inside [0, L)?
                    int lo = Math.max(k, -origin);
                    int hi = Math.min(k + run, q.l() - origin);
                    if (lo >= hi) {
                        t.fill(dst, at + j, at + j + run, 0.0);
                    } else {
                        t.fill(dst, at + j, at + j + lo - k, 0.0);
                        int src = (n * q.cIn() + g * q.cg() + c) * q.l() + origin + lo;
                        t.copy(x, src, 1, dst, at + j + lo - k, hi - lo);
                        t.fill(dst, at + j + hi - k, at + j + run, 0.0);
                    }
                    j += run;
                }
            }
        }
    }
}
