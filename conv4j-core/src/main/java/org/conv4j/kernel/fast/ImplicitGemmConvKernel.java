package org.conv4j.kernel.fast;

import org.conv4j.kernel.ConvKernel;
import org.conv4j.kernel.ConvProblem;
import org.conv4j.kernel.KernelWeight;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;

/**
 * General 1-D convolution as an implicit GEMM over the kernel taps ({@link TileGemm}), for every stride,
 * dilation, padding and grouping:
 * <ul>
 *   <li>forward, per batch element and group: {@code y[o, t] = b[o] + sum over (c, k) of w[o, c, k] *
 *       x[c, t*S + k*D - P]}: A = the weights (packed once per layer), B = the input read through {@link Spans};</li>
 *   <li>input gradient: for each residue {@code ρ} of the input position modulo the stride, a stride-1 GEMM over
 *       the output gradient with only the taps that reach that residue (no zero-stuffing, no wasted products):
 *       {@code gx[c, ρ + S*j] = sum over (o, k) of w[o, c, k] * gy[o, j + e(k)]}, {@code e(k) = (ρ + P - k*D) / S};</li>
 *   <li>weight gradient, per group: {@code gw[o, (c, k)] = sum over (n, t) of gy[n, o, t] * x[n, c, t*S + k*D - P]},
 *       both operands packed block by block;</li>
 *   <li>bias gradient: {@code gb[o] = sum over (n, t) of gy[n, o, t]}, in double, batch then position.</li>
 * </ul>
 * Work is split into items; every result element belongs to exactly one item, which sums its products in a fixed
 * order, so results do not depend on the number of threads.
 */
public final class ImplicitGemmConvKernel implements ConvKernel {
    /**
     * From this many output channels per group on, B is repacked into contiguous panels: worth the copy when
     * that many A panels stream each of them (measured on Zen 4 with AVX2).
     */
    static final int PACK_B_FROM_ROWS = 128;

    /**
     * Note [Weight gradient chunks]: the weight gradient sums over batch and positions, often tens of thousands of
     * terms. They are summed in chunks of this many, each chunk by its own work item, and the chunk sums are then
     * added in chunk order, in the tensor's precision. The chunking depends only on the problem, so results do not
     * depend on the number of threads.
     */
    static final int REDUCTION_CHUNK = 8192;

    private final ConvMath math;

    public ImplicitGemmConvKernel(ConvMath math) {
        this.math = math;
    }

    @Override
    public String name() {
        return "implicit-gemm/" + math.isa();
    }

    @Override
    public boolean supports(ConvProblem problem, DType dtype) {
        return problem.rank() == 1;
    }

    /** The 1-D geometry in ATen's names. */
    record Geometry(int n, int cIn, int cOut, int g, int cg, int og, int l, int k, int s, int p, int d, int t) {
        static Geometry of(ConvProblem q) {
            int g = q.groups();
            return new Geometry(q.batch(), q.inChannels(), q.outChannels(), g, q.inChannels() / g,
                    q.outChannels() / g, q.inputSize()[0], q.kernelSize()[0], q.stride()[0], q.padBefore()[0],
                    q.dilation()[0], q.outputSize()[0]);
        }

        /** Floating-point operations of one forward pass (and of each gradient but the bias's). */
        long flops() {
            return 2L * n * cOut * t * cg * k;
        }
    }

    /** Key of a packed form of the weight in {@link KernelWeight}. */
    private record Packing(String what, int groups, int stride, int dilation, int padding, int mr, DType dtype) {
    }

    // ---------------------------------------------------------------- forward

    @Override
    public void forward(ConvProblem problem, Tensor input, KernelWeight weight, Tensor bias, Tensor output) {
        Geometry q = Geometry.of(problem);
        Typed t = Typed.of(input.dtype());
        int mr = math.tileRows();
        Object[] packed = weight.derived(new Packing("forward", q.g, 0, 0, 0, mr, input.dtype()), Object[].class,
                w -> packForward(t, w, q.g, mr));
        Object x = t.data(input);
        Object y = t.data(output);
        int reduction = q.cg * q.k;
        int[] offsets = Spans.forwardOffsets(q.k, q.d, q.p);
        int block = columnBlock(q.n * q.g, q.t, t.tileCols(math), q.flops());
        int blocks = (q.t + block - 1) / block;
        Parallel.forEach(q.n * q.g * blocks, q.flops(), item -> {
            int jb = item % blocks;
            int g = (item / blocks) % q.g;
            int n = item / blocks / q.g;
            int jFrom = jb * block;
            int jTo = Math.min(q.t, jFrom + block);
            int cOff = (n * q.cOut + g * q.og) * q.t;
            for (int o = 0; o < q.og; o++) {
                double b = bias == null ? 0.0 : bias.getDouble(g * q.og + o);
                t.fill(y, cOff + o * q.t + jFrom, cOff + o * q.t + jTo, b);
            }
            int channels = (n * q.cIn + g * q.cg) * q.l;
            TileGemm.BSource b;
            if (q.s >= FRAMES_FROM_STRIDE && q.d == 1) {
                b = frames(x, channels, q);
            } else {
                TileGemm.BSource spans = new Spans(t, x, channels, q.l, q.s, offsets).bSource();
                b = q.og >= PACK_B_FROM_ROWS ? TileGemm.packedPanels(spans) : spans;
            }
            TileGemm.run(t, math, new TileGemm.Prepacked(packed[g], reduction), b, reduction, 0, q.og, jFrom, jTo, y,
                    cOff, q.t);
        });
    }

    /**
     * From this stride on (with dilation 1), the forward B is packed frame by frame: output position {@code j} reads
     * the contiguous frame {@code x[c, j*S - P + k]}, whereas splitting the input into {@code S} stride phases would
     * gather every element from a different cache line (an STFT-like front-end, {@code K = 400, S = 160}).
     */
    static final int FRAMES_FROM_STRIDE = 8;

    /** The forward B packed into panels frame by frame (see {@link #FRAMES_FROM_STRIDE}). */
    private static TileGemm.BSource frames(Object x, int channelBase, Geometry q) {
        return (t, s, j0, jn, r0, rn, nr, block) -> {
            Object buf = s.b(t, jn * rn);
            for (int j = 0; j < jn; j++) {
                int at = (j / nr) * rn * nr + j % nr;
                int origin = (j0 + j) * q.s - q.p; // input position of tap 0
                for (int r = r0; r < r0 + rn;) {
                    int c = r / q.k;
                    int k = r % q.k;
                    int run = Math.min(q.k - k, r0 + rn - r);
                    int lo = Math.max(k, -origin);
                    int hi = Math.min(k + run, q.l - origin);
                    int d0 = at + (r - r0) * nr;
                    if (lo >= hi) {
                        t.zeroStrided(buf, d0, nr, run);
                    } else {
                        t.zeroStrided(buf, d0, nr, lo - k);
                        t.copyStrided(x, channelBase + c * q.l + origin + lo, 1, buf, d0 + (lo - k) * nr, nr, hi - lo);
                        t.zeroStrided(buf, d0 + (hi - k) * nr, nr, k + run - hi);
                    }
                    r += run;
                }
            }
            block.array = buf;
            for (int r = 0; r < rn; r++) {
                block.rows[r] = r * nr;
            }
            block.panelStep = rn * nr;
            block.packed = true;
        };
    }

    /** Weights of each group as A panels: {@code [o / MR][r = c*K + k][o % MR]}, rows past the group's zero. */
    private static Object[] packForward(Typed t, Tensor weight, int groups, int mr) {
        int[] s = weight.shape();
        int og = s[0] / groups;
        int reduction = s[1] * s[2];
        Object w = t.data(weight);
        Object[] packed = new Object[groups];
        int panels = (og + mr - 1) / mr;
        for (int g = 0; g < groups; g++) {
            Object a = t.alloc(panels * reduction * mr);
            for (int o = 0; o < og; o++) {
                int base = (o / mr) * reduction * mr + o % mr;
                int src = (g * og + o) * reduction;
                for (int r = 0; r < reduction; r++) {
                    t.set(a, base + r * mr, t.get(w, src + r));
                }
            }
            packed[g] = a;
        }
        return packed;
    }

    /**
     * Columns per work item: a whole block of {@link TileGemm#NC} where that gives every thread several items,
     * smaller (down to one tile) where the outer dimensions are too few; whole blocks for a call too small for
     * threads.
     */
    static int columnBlock(int outerItems, int columns, int nr, long flops) {
        int want = Parallel.threadsFor(flops) == 1 ? 1 : 4 * Parallel.threads();
        int block = TileGemm.NC;
        while (block > nr && (long) outerItems * ((columns + block - 1) / block) < want) {
            block -= nr;
        }
        return block;
    }

    // ---------------------------------------------------------------- input gradient

    /**
     * The weights rearranged for the input gradient, per residue {@code ρ} of the input position modulo the stride:
     * the taps that reach it, their shifts {@code e(k)}, and per group the A panels {@code [c / MR][r = o*|taps| +
     * i][c % MR] = w[o, c, taps[i]]}.
     */
    record Residues(int[][] taps, int[][] shifts, Object[][] packed) {
    }

    private static Residues packInputGradient(Typed t, Tensor weight, Geometry q, int mr) {
        Object w = t.data(weight);
        int[][] taps = new int[q.s][];
        int[][] shifts = new int[q.s][];
        Object[][] packed = new Object[q.g][q.s];
        int panels = (q.cg + mr - 1) / mr;
        for (int rho = 0; rho < q.s; rho++) {
            int count = 0;
            int[] tk = new int[q.k];
            int[] sh = new int[q.k];
            for (int k = 0; k < q.k; k++) {
                int e = rho + q.p - k * q.d;
                if (Math.floorMod(e, q.s) == 0) {
                    tk[count] = k;
                    sh[count] = Math.floorDiv(e, q.s);
                    count++;
                }
            }
            taps[rho] = java.util.Arrays.copyOf(tk, count);
            shifts[rho] = java.util.Arrays.copyOf(sh, count);
            int reduction = q.og * count;
            for (int g = 0; g < q.g; g++) {
                Object a = t.alloc(panels * reduction * mr);
                for (int c = 0; c < q.cg; c++) {
                    int base = (c / mr) * reduction * mr + c % mr;
                    for (int o = 0; o < q.og; o++) {
                        for (int i = 0; i < count; i++) {
                            int src = ((g * q.og + o) * q.cg + c) * q.k + taps[rho][i];
                            t.set(a, base + (o * count + i) * mr, t.get(w, src));
                        }
                    }
                }
                packed[g][rho] = a;
            }
        }
        return new Residues(taps, shifts, packed);
    }

    @Override
    public void backwardInput(ConvProblem problem, Tensor gradOutput, KernelWeight weight, Tensor gradInput) {
        Geometry q = Geometry.of(problem);
        if (q.cg * q.k >= 2 * math.tileRows() && q.cg <= COL2IM_MAX_CHANNELS && q.og >= COL2IM_MIN_OUTPUTS) {
            inputGradientByColumns(q, gradOutput, weight, gradInput);
            return;
        }
        if (q.cg == 1) {
            // One input channel per group: a register tile would have one useful row.
            DepthwiseConvKernel.inputGradientOfSingleChannelGroups(q, math, gradOutput, weight.tensor(), gradInput);
            return;
        }
        Typed t = Typed.of(gradOutput.dtype());
        int mr = math.tileRows();
        Residues res = weight.derived(new Packing("input", q.g, q.s, q.d, q.p, mr, gradOutput.dtype()),
                Residues.class, w -> packInputGradient(t, w, q, mr));
        Object gy = t.data(gradOutput);
        Object gx = t.data(gradInput);
        int perResidue = (q.l + q.s - 1) / q.s; // positions of residue 0, the most of any residue
        int block = columnBlock(q.n * q.g * q.s, perResidue, t.tileCols(math), q.flops());
        int blocks = (perResidue + block - 1) / block;
        Parallel.forEach(q.n * q.g * q.s * blocks, q.flops(), item -> {
            int jb = item % blocks;
            int rho = (item / blocks) % q.s;
            int g = (item / blocks / q.s) % q.g;
            int n = item / blocks / q.s / q.g;
            int positions = rho < q.l ? (q.l - rho + q.s - 1) / q.s : 0;
            int jFrom = jb * block;
            int jTo = Math.min(positions, jFrom + block);
            if (jFrom >= jTo) {
                return;
            }
            int xBase = (n * q.cIn + g * q.cg) * q.l;
            int[] taps = res.taps()[rho];
            int reduction = q.og * taps.length;
            // Stride 1 accumulates straight into the gradient; otherwise into this residue's positions, then scattered.
            Object c = q.s == 1 ? gx : TileGemm.Scratch.get().out(t, q.cg * (jTo - jFrom));
            int cOff = q.s == 1 ? xBase : -jFrom;
            int ldc = q.s == 1 ? q.l : jTo - jFrom;
            for (int ch = 0; ch < q.cg; ch++) {
                t.fill(c, cOff + ch * ldc + jFrom, cOff + ch * ldc + jTo, 0.0);
            }
            if (reduction > 0) {
                Spans spans = new Spans(t, gy, (n * q.cOut + g * q.og) * q.t, q.t, 1, res.shifts()[rho]);
                TileGemm.run(t, math, new TileGemm.Prepacked(res.packed()[g][rho], reduction), spans.bSource(),
                        reduction, 0, q.cg, jFrom, jTo, c, cOff, ldc);
            }
            if (q.s != 1) {
                for (int ch = 0; ch < q.cg; ch++) {
                    t.copyStrided(c, ch * ldc, gx, xBase + ch * q.l + rho + jFrom * q.s, q.s, jTo - jFrom);
                }
            }
        });
    }

    /** Few input channels per group and many output channels: see {@link #inputGradientByColumns}. */
    static final int COL2IM_MAX_CHANNELS = 4;
    static final int COL2IM_MIN_OUTPUTS = 16;
    /** Output positions whose columns one work item of {@link #inputGradientByColumns} computes, at least. */
    static final int COL2IM_BLOCK = 256;

    /**
     * The input gradient for few input channels per group and many output channels (audio front-ends): first the
     * unfolded gradient {@code cols[(c, k)][t] = sum over o of w[o, c, k] * gy[o, t]}, a GEMM whose reduction runs
     * over the many output channels, then each column added back at its input position {@code t*S + k*D - P}
     * (col2im). Items own ranges of input positions and compute the columns their positions need; every position
     * receives its taps in order of {@code k}.
     */
    private void inputGradientByColumns(Geometry q, Tensor gradOutput, KernelWeight weight, Tensor gradInput) {
        Typed t = Typed.of(gradOutput.dtype());
        int mr = math.tileRows();
        Object[] packed = weight.derived(new Packing("columns", q.g, 0, 0, 0, mr, gradOutput.dtype()),
                Object[].class, w -> packTransposed(t, w, q, mr));
        Object gy = t.data(gradOutput);
        Object gx = t.data(gradInput);
        int rows = q.cg * q.k;
        int block = COL2IM_BLOCK * q.s; // input positions per item
        int blocks = cdiv(q.l, block);
        int span = (q.k - 1) * q.d;
        Parallel.forEach(q.n * q.g * blocks, q.flops(), item -> {
            int ib = item % blocks;
            int g = (item / blocks) % q.g;
            int n = item / blocks / q.g;
            int i0 = ib * block;
            int i1 = Math.min(q.l, i0 + block);
            int xBase = (n * q.cIn + g * q.cg) * q.l;
            for (int c = 0; c < q.cg; c++) {
                t.fill(gx, xBase + c * q.l + i0, xBase + c * q.l + i1, 0.0);
            }
            // Output positions t whose taps reach [i0, i1): i = t*S + k*D - P.
            int tFrom = Math.max(0, cdiv(i0 + q.p - span, q.s));
            int tTo = Math.min(q.t, Math.floorDiv(i1 - 1 + q.p, q.s) + 1);
            if (tFrom >= tTo) {
                return;
            }
            int width = tTo - tFrom;
            Object cols = TileGemm.Scratch.get().out(t, rows * width);
            t.fill(cols, 0, rows * width, 0.0);
            Spans spans = new Spans(t, gy, (n * q.cOut + g * q.og) * q.t, q.t, 1, new int[] {0});
            TileGemm.run(t, math, new TileGemm.Prepacked(packed[g], q.og), spans.bSource(), q.og, 0, rows, tFrom,
                    tTo, cols, -tFrom, width);
            for (int c = 0; c < q.cg; c++) {
                for (int k = 0; k < q.k; k++) {
                    int off = k * q.d - q.p;
                    // t in [tFrom, tTo) with i0 <= t*S + off < i1.
                    int lo = Math.max(tFrom, cdiv(i0 - off, q.s));
                    int hi = Math.min(tTo, cdiv(i1 - off, q.s));
                    if (lo < hi) {
                        t.addStrided(cols, (c * q.k + k) * width + lo - tFrom, gx, xBase + c * q.l + lo * q.s + off,
                                q.s, hi - lo);
                    }
                }
            }
        });
    }

    /** Per group, the weights as A panels for the unfolded gradient: {@code [(c, k) / MR][o][(c, k) % MR]}. */
    private static Object[] packTransposed(Typed t, Tensor weight, Geometry q, int mr) {
        Object w = t.data(weight);
        int rows = q.cg * q.k;
        int panels = cdiv(rows, mr);
        Object[] packed = new Object[q.g];
        for (int g = 0; g < q.g; g++) {
            Object a = t.alloc(panels * q.og * mr);
            for (int row = 0; row < rows; row++) {
                int base = (row / mr) * q.og * mr + row % mr;
                for (int o = 0; o < q.og; o++) {
                    t.set(a, base + o * mr, t.get(w, (g * q.og + o) * rows + row));
                }
            }
            packed[g] = a;
        }
        return packed;
    }

    // ---------------------------------------------------------------- weight and bias gradients

    @Override
    public void backwardWeight(ConvProblem problem, Tensor input, Tensor gradOutput, Tensor gradWeight) {
        Geometry q = Geometry.of(problem);
        Typed t = Typed.of(input.dtype());
        int mr = math.tileRows();
        int nr = t.tileCols(math);
        Object x = t.data(input);
        Object gy = t.data(gradOutput);
        Object gw = t.data(gradWeight);
        int columns = q.cg * q.k;
        int reduction = q.n * q.t;
        // The reduction (n, t) is long: it is cut into chunks of a fixed size, summed separately and then added in
        // chunk order (Note [Weight gradient chunks]). Items are (chunk, group, row block, column block); large
        // blocks amortise the packing (each packed element serves a whole block row or column).
        int chunks = cdiv(reduction, REDUCTION_CHUNK);
        int rowBlock = Math.min(roundUp(q.og, mr), 26 * mr);
        int colBlock = Math.min(roundUp(columns, nr), 16 * nr);
        int want = Parallel.threadsFor(q.flops()) == 1 ? 1 : 2 * Parallel.threads();
        while (chunks * q.g * cdiv(q.og, rowBlock) * cdiv(columns, colBlock) < want
                && (rowBlock > mr || colBlock > nr)) {
            if (colBlock > nr) {
                colBlock -= nr;
            } else {
                rowBlock -= mr;
            }
        }
        int rowBlocks = cdiv(q.og, rowBlock);
        int colBlocks = cdiv(columns, colBlock);
        int mb = rowBlock;
        int cb = colBlock;
        int size = q.cOut * columns;
        Object partial = chunks == 1 ? gw : t.alloc(chunks * size);
        Parallel.forEach(chunks * q.g * rowBlocks * colBlocks, q.flops(), item -> {
            int jb = item % colBlocks;
            int ib = (item / colBlocks) % rowBlocks;
            int g = (item / colBlocks / rowBlocks) % q.g;
            int chunk = item / colBlocks / rowBlocks / q.g;
            int mFrom = ib * mb;
            int mTo = Math.min(q.og, mFrom + mb);
            int jFrom = jb * cb;
            int jTo = Math.min(columns, jFrom + cb);
            int cOff = chunk * size + g * q.og * columns;
            for (int o = mFrom; o < mTo; o++) {
                t.fill(partial, cOff + o * columns + jFrom, cOff + o * columns + jTo, 0.0);
            }
            int rFrom = chunk * REDUCTION_CHUNK;
            int rTo = Math.min(reduction, rFrom + REDUCTION_CHUNK);
            TileGemm.run(t, math, new TileGemm.PackedPerBlock(gradOutputRows(gy, g, q)),
                    TileGemm.packed(unfoldedInputColumns(x, g, q)), rFrom, rTo, mFrom, mTo, jFrom, jTo, partial,
                    cOff, columns);
        });
        if (chunks > 1) {
            int rowsPerItem = Math.max(1, 65536 / columns);
            Parallel.forEach(cdiv(q.cOut, rowsPerItem), (long) chunks * size * 64, item -> {
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
        }
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
                int o = g * q.og + first + row;
                // The reduction (n, t) runs along gy's rows: one strided copy per batch element it touches.
                for (int r = r0; r < r0 + rn;) {
                    int n = r / q.t;
                    int t0 = r % q.t;
                    int run = Math.min(q.t - t0, r0 + rn - r);
                    t.copyStrided(gy, (n * q.cOut + o) * q.t + t0, dst, at + (r - r0) * tile, tile, run);
                    r += run;
                }
            }
        };
    }

    /**
     * B for the weight gradient: {@code B[r = n*T + t][(c, k)] = x[n, g*Cg + c, t*S + k*D - P]}, packed. Copies
     * follow whichever direction the input is contiguous in: along {@code t} with stride 1, along the taps of a
     * channel with dilation 1 and a longer stride (audio front-ends).
     */
    private static TileGemm.Packer unfoldedInputColumns(Object x, int g, Geometry q) {
        if (q.s > 1 && q.d == 1) {
            return (t, dst, dstOff, first, count, r0, rn, tile) -> packTapRuns(t, x, g, q, dst, dstOff, first, count,
                    r0, rn, tile);
        }
        return (t, dst, dstOff, first, count, r0, rn, tile) -> {
            int panels = cdiv(count, tile);
            for (int j = 0; j < panels * tile; j++) {
                int at = dstOff + (j / tile) * rn * tile + j % tile;
                int col = first + j;
                // Past the last column (a ragged block is computed padded to whole tiles): zeros.
                if (j >= count || col >= q.cg * q.k) {
                    t.zeroStrided(dst, at, tile, rn);
                    continue;
                }
                int c = col / q.k;
                int off = (col % q.k) * q.d - q.p;
                for (int r = r0; r < r0 + rn;) {
                    int n = r / q.t;
                    int t0 = r % q.t;
                    int run = Math.min(q.t - t0, r0 + rn - r);
                    // Positions t*S + off inside the row, for t in [t0, t0 + run).
                    int lo = Math.max(t0, cdiv(-off, q.s));
                    int hi = Math.min(t0 + run, cdiv(q.l - off, q.s));
                    int d0 = at + (r - r0) * tile;
                    if (lo >= hi) {
                        t.zeroStrided(dst, d0, tile, run);
                    } else {
                        t.zeroStrided(dst, d0, tile, lo - t0);
                        t.copyStrided(x, (n * q.cIn + g * q.cg + c) * q.l + lo * q.s + off, q.s, dst,
                                d0 + (lo - t0) * tile, tile, hi - lo);
                        t.zeroStrided(dst, d0 + (hi - t0) * tile, tile, t0 + run - hi);
                    }
                    r += run;
                }
            }
        };
    }

    /** The weight gradient's B, row by row: the taps of one channel read a contiguous run of its input row. */
    private static void packTapRuns(Typed t, Object x, int g, Geometry q, Object dst, int dstOff, int first,
            int count, int r0, int rn, int tile) {
        int columns = q.cg * q.k;
        int panels = cdiv(count, tile);
        for (int r = r0; r < r0 + rn; r++) {
            int n = r / q.t;
            int origin = (r % q.t) * q.s - q.p; // input position of tap 0
            for (int p = 0; p < panels; p++) {
                int at = dstOff + p * rn * tile + (r - r0) * tile;
                int j = 0;
                while (j < tile) {
                    int col = first + p * tile + j;
                    if (p * tile + j >= count || col >= columns) {
                        t.fill(dst, at + j, at + tile, 0.0);
                        break;
                    }
                    int c = col / q.k;
                    int k = col % q.k;
                    int run = Math.min(tile - j, Math.min(q.k - k, count - p * tile - j));
                    // Taps [k, k + run) of channel c read positions origin + k ... inside [0, L)?
                    int lo = Math.max(k, -origin);
                    int hi = Math.min(k + run, q.l - origin);
                    if (lo >= hi) {
                        t.fill(dst, at + j, at + j + run, 0.0);
                    } else {
                        t.fill(dst, at + j, at + j + lo - k, 0.0);
                        t.copy(x, (n * q.cIn + g * q.cg + c) * q.l + origin + lo, 1, dst, at + j + lo - k, hi - lo);
                        t.fill(dst, at + j + hi - k, at + j + run, 0.0);
                    }
                    j += run;
                }
            }
        }
    }

    @Override
    public void backwardBias(ConvProblem problem, Tensor gradOutput, Tensor gradBias) {
        biasGradient(problem, gradOutput, gradBias);
    }

    /** {@code gb[o] = sum over (n, t) of gy[n, o, t]}, in double: per batch element {@link Typed#sum}, then in order. */
    static void biasGradient(ConvProblem problem, Tensor gradOutput, Tensor gradBias) {
        int n = problem.batch();
        int cOut = problem.outChannels();
        int plane = 1;
        for (int s : problem.outputSize()) {
            plane *= s;
        }
        int positions = plane;
        Typed t = Typed.of(gradOutput.dtype());
        Object gy = t.data(gradOutput);
        Object gb = t.data(gradBias);
        Parallel.forEach(cOut, 2L * n * cOut * plane, o -> {
            double sum = 0;
            for (int b = 0; b < n; b++) {
                sum += t.sum(gy, (b * cOut + o) * positions, positions);
            }
            t.set(gb, o, sum);
        });
    }

    /** Ceiling of {@code a / b} for {@code b > 0}, also for negative {@code a}. */
    static int cdiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    static int roundUp(int a, int b) {
        return cdiv(a, b) * b;
    }
}
