package org.conv4j.kernel.fast;

import static org.conv4j.kernel.fast.ImplicitGemmConvKernel.cdiv;

import org.conv4j.kernel.ConvKernel;
import org.conv4j.kernel.ConvProblem;
import org.conv4j.kernel.KernelWeight;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;

/**
 * Depthwise 1-D convolution (one input channel per group, a few output channels each), vectorised along time:
 * every output row is {@code y[o, t] = b[o] + sum over k of w[o, k] * x[c, t*S + k*D - P]}, a short sum of
 * shifted input runs ({@link Spans}), which a GEMM would waste its register tile on. Gradients follow the same
 * pattern: the input gradient per residue of the position modulo the stride (as in {@link ImplicitGemmConvKernel}),
 * the weight gradient as a dot product of each output gradient row with all taps of its input row at once
 * ({@link ConvMath#dotTapsF32}).
 */
public final class DepthwiseConvKernel implements ConvKernel {
    /** The most output channels per input channel handled here; more make a GEMM worth its tiles. */
    static final int MAX_MULTIPLIER = 4;

    private final ConvMath math;

    public DepthwiseConvKernel(ConvMath math) {
        this.math = math;
    }

    @Override
    public String name() {
        return "depthwise/" + math.isa();
    }

    @Override
    public boolean supports(ConvProblem problem, DType dtype) {
        return problem.rank() == 1 && problem.inChannelsPerGroup() == 1
                && problem.outChannelsPerGroup() <= MAX_MULTIPLIER;
    }

    @Override
    public void forward(ConvProblem problem, Tensor input, KernelWeight weight, Tensor bias, Tensor output) {
        ImplicitGemmConvKernel.Geometry q = ImplicitGemmConvKernel.Geometry.of(problem);
        Typed t = Typed.of(input.dtype());
        Object x = t.data(input);
        Object w = t.data(weight.tensor());
        Object y = t.data(output);
        // The input's rows (n, c) are the channels n*C + c of one Spans; an item's row is copied, zero-padded (and
        // split into stride phases), to L1, where every tap reads it: the same layout for every row.
        Spans spans = new Spans(t, math, x, 0, q.l(), q.s(), Spans.forwardOffsets(q.k(), q.d(), q.p()));
        int[] rows = rowStarts(spans, q.k(), q.t());
        int width = spans.channelStride(q.t());
        double[] init = new double[q.cOut()];
        for (int o = 0; bias != null && o < q.cOut(); o++) {
            init[o] = bias.getDouble(o);
        }
        Parallel.forEach(q.n() * q.g(), q.flops(), item -> {
            int n = item / q.g();
            int c = item % q.g();
            Object buf = Scratch.get().b(t, width);
            spans.copy(item, item + 1, 0, q.t(), buf, 0);
            for (int m = 0; m < q.og(); m++) {
                int o = c * q.og() + m;
                t.depthwise(math, q.t(), q.k(), w, o * q.k(), buf, 0, rows, init[o], y, (n * q.cOut() + o) * q.t());
            }
        });
    }

    private static int[] rowStarts(Spans spans, int taps, int columns) {
        int[] rows = new int[taps];
        for (int k = 0; k < taps; k++) {
            rows[k] = spans.rowStart(0, k, columns);
        }
        return rows;
    }

    @Override
    public void backwardInput(ConvProblem problem, Tensor gradOutput, KernelWeight weight, Tensor gradInput) {
        inputGradientOfSingleChannelGroups(ImplicitGemmConvKernel.Geometry.of(problem), math, gradOutput,
                weight.tensor(), gradInput);
    }

    /**
     * The input gradient where every group has one input channel ({@code Cg = 1}): per input channel and residue
     * {@code ρ} of the position modulo the stride, {@code gx[c, ρ + S*j] = sum over (m, k) of w[c*Og + m, 0, k] *
     * gy[c*Og + m, j + e(k)]}, one pass of the depthwise routine over all {@code (m, k)} at once. Also the GEMM
     * kernel's input gradient for {@code Cg = 1}, where its register tile would have one useful row.
     */
    static void inputGradientOfSingleChannelGroups(ImplicitGemmConvKernel.Geometry q, ConvMath math,
            Tensor gradOutput, Tensor weight, Tensor gradInput) {
        Typed t = Typed.of(gradOutput.dtype());
        Object gy = t.data(gradOutput);
        Object w = t.data(weight);
        Object gx = t.data(gradInput);
        int residues = Math.min(q.s(), q.l());
        // Per residue, the taps reaching positions rho + S*j and the output position each reads, j + shift; taps in
        // decreasing k, so that with dilation 1 their reads ascend and a row of consecutive reads takes the windowed
        // path (Note [Depthwise windows]). The output gradient's rows (n, o) are the channels n*C_out + o of one
        // Spans per residue, laid out alike for every item; the taps' weights per (channel, residue) in one table.
        int[] counts = new int[residues];
        int[][] taps = new int[residues][q.k()];
        int[][] shifts = new int[residues][q.k()];
        int most = 0;
        for (int rho = 0; rho < residues; rho++) {
            for (int k = q.k() - 1; k >= 0; k--) {
                int e = rho + q.p() - k * q.d();
                if (Math.floorMod(e, q.s()) == 0) {
                    taps[rho][counts[rho]] = k;
                    shifts[rho][counts[rho]++] = Math.floorDiv(e, q.s());
                }
            }
            most = Math.max(most, counts[rho]);
        }
        int[] positions = new int[residues];
        Spans[] spans = new Spans[residues];
        int[][] rows = new int[residues][];
        int terms = q.og() * most; // per (channel, residue): at most about the channel's weights, ceil(K / S) of them
        Object tapWeights = t.alloc(q.g() * residues * terms);
        for (int rho = 0; rho < residues; rho++) {
            positions[rho] = (q.l() - rho + q.s() - 1) / q.s();
            int count = counts[rho];
            if (count == 0) {
                continue;
            }
            spans[rho] = new Spans(t, math, gy, 0, q.t(), 1, java.util.Arrays.copyOf(shifts[rho], count));
            rows[rho] = new int[q.og() * count];
            for (int m = 0; m < q.og(); m++) {
                for (int i = 0; i < count; i++) {
                    rows[rho][m * count + i] = spans[rho].rowStart(m, i, positions[rho]);
                    for (int c = 0; c < q.g(); c++) {
                        t.set(tapWeights, (c * residues + rho) * terms + m * count + i,
                                t.get(w, (c * q.og() + m) * q.k() + taps[rho][i]));
                    }
                }
            }
        }
        Parallel.forEach(q.n() * q.g() * residues, q.flops(), item -> {
            int rho = item % residues;
            int c = (item / residues) % q.g();
            int n = item / residues / q.g();
            int xOff = (n * q.cIn() + c) * q.l();
            int count = counts[rho];
            int cols = positions[rho];
            Object acc = q.s() == 1 ? gx : Scratch.get().out(t, cols);
            int accOff = q.s() == 1 ? xOff : 0;
            if (count == 0) {
                t.fill(acc, accOff, accOff + cols, 0.0);
            } else {
                Object buf = Scratch.get().b(t, q.og() * spans[rho].channelStride(cols));
                int first = n * q.cOut() + c * q.og();
                spans[rho].copy(first, first + q.og(), 0, cols, buf, 0);
                t.depthwise(math, cols, q.og() * count, tapWeights, (c * residues + rho) * terms, buf, 0, rows[rho],
                        0.0, acc, accOff);
            }
            if (q.s() != 1) {
                t.copyStrided(acc, 0, gx, xOff + rho, q.s(), cols);
            }
        });
        // Residues past the input's end (stride longer than the input) hold no positions.
    }

    @Override
    public void backwardWeight(ConvProblem problem, Tensor input, Tensor gradOutput, Tensor gradWeight) {
        ImplicitGemmConvKernel.Geometry q = ImplicitGemmConvKernel.Geometry.of(problem);
        Typed t = Typed.of(input.dtype());
        Object x = t.data(input);
        Object gy = t.data(gradOutput);
        Object gw = t.data(gradWeight);
        // The input rows laid out as in forward; every output gradient row meets all taps of its input row in one
        // pass (ConvMath.dotTapsF32), per batch element, whose lane sums add up in double, in batch order.
        Spans spans = new Spans(t, math, x, 0, q.l(), q.s(), Spans.forwardOffsets(q.k(), q.d(), q.p()));
        int[] rows = rowStarts(spans, q.k(), q.t());
        int width = spans.channelStride(q.t());
        int lanes = t.dotLanes();
        int terms = q.og() * q.k();
        // Items are blocks of channels, whose rows of one batch element lie side by side in memory, read in order;
        // each channel's sums still run over the batch in order.
        int blocks = cdiv(q.g(), CHANNEL_BLOCK);
        Parallel.forEach(blocks, q.flops(), item -> {
            int c0 = item * CHANNEL_BLOCK;
            int c1 = Math.min(q.g(), c0 + CHANNEL_BLOCK);
            double[] sums = new double[(c1 - c0) * terms];
            Scratch s = Scratch.get();
            Object acc = s.out(t, terms * lanes);
            for (int n = 0; n < q.n(); n++) {
                for (int c = c0; c < c1; c++) {
                    Object buf = s.b(t, width);
                    spans.copy(n * q.cIn() + c, n * q.cIn() + c + 1, 0, q.t(), buf, 0);
                    t.fill(acc, 0, terms * lanes, 0.0);
                    for (int m = 0; m < q.og(); m++) {
                        int gyOff = (n * q.cOut() + c * q.og() + m) * q.t();
                        t.dotTaps(math, q.t(), q.k(), gy, gyOff, buf, 0, rows, acc, m * q.k() * lanes);
                    }
                    for (int i = 0; i < terms; i++) {
                        sums[(c - c0) * terms + i] += t.sumInOrder(acc, i * lanes, lanes);
                    }
                }
            }
            for (int i = 0; i < sums.length; i++) {
                t.set(gw, c0 * terms + i, sums[i]);
            }
        });
    }

    /** Channels per work item of the weight gradient. */
    static final int CHANNEL_BLOCK = 16;

    @Override
    public void backwardBias(ConvProblem problem, Tensor gradOutput, Tensor gradBias) {
        ImplicitGemmConvKernel.biasGradient(problem, gradOutput, gradBias);
    }
}
