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
 *       {@code gx[c, ρ + S*j] = sum over (o, k) of w[o, c, k] * gy[o, j + e(k)]},
 *       {@code e(k) = (ρ + P - k*D) / S};</li>
 *   <li>weight gradient, per group: {@code gw[o, (c, k)] = sum over (n, t) of gy[n, o, t] * x[n, c, t*S + k*D - P]},
 *       both operands packed block by block;</li>
 *   <li>bias gradient: {@code gb[o] = sum over (n, t) of gy[n, o, t]}, in double, batch then position.</li>
 * </ul>
 * Work is split into items; every result element belongs to exactly one item, which sums its products in a fixed
 * order, so results do not depend on the number of threads.
 */
public final class ImplicitGemmConvKernel implements ConvKernel {
    /**
     * From this many output channels per group on, B is repacked into contiguous panels, unless the reduction runs
     * tap by tap (Note [Tap-major reduction]): worth the copy when that many A panels stream each of them (measured
     * on Zen 4 with AVX2; on Zen 5 with 8-row tiles, repacking from 8 or 32 channels on was no faster for the
     * suite's 32- and 64-channel shapes with many input channels).
     */
    static final int PACK_B_FROM_ROWS = 128;
    /**
     * With one input channel per group (an audio front-end: its B rows are the taps of one channel, over stride
     * phases, read through the table of row starts), from this many output channels: repacking was 4-5% faster
     * on audio_k80_s4 (64 channels) in alternating calls.
     */
    static final int PACK_B_SINGLE_CHANNEL_FROM_ROWS = 64;

    /**
     * Note [Output in scratch]: the output's rows are {@code L_out} elements apart, for the common power-of-two
     * lengths an even number of cache lines, so the rows of a block fall into the same few sets of L1 and L2 and,
     * it seems, the block's C does not stay in cache between its reduction blocks (a GEMM block of 128 x 512 ran at
     * 150 GFLOP/s on one Zen 5 core with rows of 4096 floats, 172 with rows of 4112). A forward block's partial
     * sums therefore stay in scratch rows an odd number of cache lines apart: its first reduction block's tiles
     * start from the bias (rows of NR copies), its last block's tiles write the output and never read it. On
     * Zen 5, in calls alternating between them, filling the scratch with the bias and copying it out afterwards
     * was 3-11% faster than accumulating in the output; starting from the bias rows and storing the last block
     * straight into the output was faster again than that fill and copy (audio_k80_s4 -23%, grouped_g8 -11%,
     * resnet1d_k3 -6%, tcn -0.3 to -2.5%). Reading the output into the tiles, as in place, was the slow part.
     *
     * <p>Scratch row length for {@code width} columns: whole cache lines, an odd number of them.
     */
    static int scratchStride(Typed t, int width) {
        int perLine = 64 / t.bytes();
        int s = (width + perLine - 1) / perLine * perLine;
        return (s / perLine) % 2 == 0 ? s + perLine : s;
    }

    private final ConvMath math;

    public ImplicitGemmConvKernel(ConvMath math) {
        this.math = math;
    }

    @Override
    public String name() {
        return "implicit-gemm/" + math.isa();
    }

    @Override
    public String forwardAlgorithm(ConvProblem problem, DType dtype) {
        Geometry q = Geometry.of(problem);
        return WinogradConvForward.suits(q, dtype) ? "winograd-f2x" + q.k() + "/" + math.isa() : name();
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
    record Packing(String what, int groups, int stride, int dilation, int padding, int mr, DType dtype) {
    }

    // ---------------------------------------------------------------- forward

    @Override
    public void forward(ConvProblem problem, Tensor input, KernelWeight weight, Tensor bias, Tensor output) {
        Geometry q = Geometry.of(problem);
        Typed t = Typed.of(input.dtype());
        if (WinogradConvForward.suits(q, input.dtype())) {
            WinogradConvForward.forward(math, q, weight, bias, (float[]) t.data(input), (float[]) t.data(output));
            return;
        }
        if (FrameConvForward.suits(q)) {
            FrameConvForward.forward(math, q, t, weight, bias, t.data(input), t.data(output), input.dtype());
            return;
        }
        int mr = math.tileRows();
        Object x = t.data(input);
        Object y = t.data(output);
        int reduction = q.cg * q.k;
        int[] offsets = Spans.forwardOffsets(q.k, q.d, q.p);
        boolean frames = q.s >= FRAMES_FROM_STRIDE && q.d == 1;
        boolean tapMajor = !frames && tapMajor(q);
        boolean repack = !tapMajor
                && (q.og >= PACK_B_FROM_ROWS || (q.cg == 1 && q.og >= PACK_B_SINGLE_CHANNEL_FROM_ROWS));
        Spans layout = new Spans(t, math, x, 0, q.l, q.s, offsets);
        int[] order = tapMajor ? layout.tapOrder() : null;
        Object[] packed = weight.derived(new Packing(tapMajor ? "forward-taps" : "forward", q.g, tapMajor ? q.s : 0,
                tapMajor ? q.d : 0, tapMajor ? q.p : 0, mr, input.dtype()), Object[].class,
                w -> packForward(t, w, q.g, mr, order));
        int nr = t.tileCols(math);
        int block = columnBlock(q.n * q.g, q.t, nr, TileGemm.columnBlock(t, nr), q.flops());
        int blocks = (q.t + block - 1) / block;
        // Every tile of a row starts from its bias: rows of NR copies of it (TileGemm.View with column step 0).
        Object biasRows = t.alloc(q.cOut * nr);
        if (bias != null) {
            for (int o = 0; o < q.cOut; o++) {
                t.fill(biasRows, o * nr, (o + 1) * nr, bias.getDouble(o));
            }
        }
        Parallel.forEach(q.n * q.g * blocks, q.flops(), item -> {
            int jb = item % blocks;
            int g = (item / blocks) % q.g;
            int n = item / blocks / q.g;
            int jFrom = jb * block;
            int jTo = Math.min(q.t, jFrom + block);
            // Note [Output in scratch]: partial sums stay in scratch rows; the last reduction block writes y.
            int width = roundUp(jTo - jFrom, nr);
            int stride = scratchStride(t, width);
            Object c = Scratch.get().out(t, q.og * stride);
            int channels = (n * q.cIn + g * q.cg) * q.l;
            TileGemm.BSource b;
            if (frames) {
                b = frames(x, channels, q);
            } else if (tapMajor) {
                b = layout.at(channels).tapMajorBSource(q.cg, q.t);
            } else {
                TileGemm.BSource spans = layout.at(channels).bSource();
                b = repack ? TileGemm.packedPanels(spans, math) : spans;
            }
            // Whole tiles: B is readable past jTo up to the next tile (TileGemm.run).
            TileGemm.run(t, math, new TileGemm.Prepacked(packed[g], reduction), b, reduction, 0, q.og, jFrom,
                    jFrom + width, new TileGemm.View(biasRows, g * q.og * nr, nr, 0),
                    TileGemm.View.matrix(c, -jFrom, stride),
                    TileGemm.View.matrix(y, (n * q.cOut + g * q.og) * q.t, q.t), jTo);
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

    /**
     * Note [Tap-major reduction]: with several taps and enough input channels, the forward reduction runs tap by tap
     * and over the channels within a tap, B read in place from the copied input ({@link Spans#tapMajorBSource}):
     * the rows of one tap are evenly spaced, so the tiles follow long runs of rows, which ran 3-4% slower than
     * packed panels on one Zen 5 core where a table of row starts ran 10% slower (in alternating calls against the
     * channel order with the table: resnet1d_k3 -9%, grouped_g8 -7%, textcnn -5%). In channel order the runs
     * would be the K taps of a channel, too short; runs of 16 or 20 rows (tiny_16_k3, audio_k80_s4) were 4% slower
     * than the table, hence the least number of channels. Against B repacked into panels (from
     * {@link #PACK_B_FROM_ROWS} output channels), once reduction blocks reached 768 (Note [Reduction blocks] in
     * TileGemm), the runs were faster too: tcn_d1 -5%, tcn_d2 -9%, tcn_d8 -4% (128 channels), large_256_k3 even
     * (256 channels), in alternating calls; with 512 channels (a copy of 1 MiB per block of columns, beyond L2)
     * 6% slower, hence the bound on the copy's size. With one tap (pointwise) the packing stays: 19% faster on
     * pointwise_512. The order depends on the shape only (not on the tile), so every ConvMath adds the products
     * of an element in the same order.
     */
    static boolean tapMajor(Geometry q) {
        return q.k > 1 && q.cg >= BBlock.MIN_RUN
                && (long) q.cg * q.s * Math.min(q.l, 1024) <= TAP_MAJOR_MAX_ELEMENTS;
    }

    /**
     * The most input elements ({@code Cg * S * min(L, 1024)}) for the tap-major reduction's copy: tcn's 128
     * channels are in, large_256_k3's 256 out (even either way).
     */
    static final long TAP_MAJOR_MAX_ELEMENTS = 131072;

    /**
     * Weights of each group as A panels: {@code [o / MR][r][o % MR]}, rows past the group's zero, in the reduction
     * order: {@code r = c*K + k}, or with a tap order {@code r = i*Cg + c} for tap {@code order[i]}
     * (Note [Tap-major reduction]).
     */
    private static Object[] packForward(Typed t, Tensor weight, int groups, int mr, int[] order) {
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
                    int from = order == null ? r : (r % s[1]) * s[2] + order[r / s[1]];
                    t.set(a, base + r * mr, t.get(w, src + from));
                }
            }
            packed[g] = a;
        }
        return packed;
    }

    /**
     * Columns per work item, in steps of {@code step}: a whole block of {@code max} columns where that gives every
     * thread several items, smaller (down to one step) where the outer dimensions are too few; whole blocks for a
     * call too small for threads.
     */
    static int columnBlock(int outerItems, int columns, int step, int max, long flops) {
        int want = Parallel.threadsFor(flops) == 1 ? 1 : 4 * Parallel.threads();
        int block = max;
        while (block > step && (long) outerItems * ((columns + block - 1) / block) < want) {
            block -= step;
        }
        return block;
    }

    // ---------------------------------------------------------------- gradients

    @Override
    public void backwardInput(ConvProblem problem, Tensor gradOutput, KernelWeight weight, Tensor gradInput) {
        GemmInputGradient.compute(math, problem, gradOutput, weight, gradInput);
    }

    @Override
    public void backwardWeight(ConvProblem problem, Tensor input, Tensor gradOutput, Tensor gradWeight) {
        GemmWeightGradient.compute(math, problem, input, gradOutput, gradWeight);
    }

    @Override
    public void backwardBias(ConvProblem problem, Tensor gradOutput, Tensor gradBias) {
        biasGradient(problem, gradOutput, gradBias);
    }

    /** {@code gb[o] = sum over (n, t) of gy[n, o, t]} in double: {@link Typed#sum} per batch element, in order. */
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
