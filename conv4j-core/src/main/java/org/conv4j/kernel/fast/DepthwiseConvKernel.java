package org.conv4j.kernel.fast;

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
 * the weight gradient as one dot product per tap.
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
        Spans spans = new Spans(t, x, 0, q.l(), q.s(), Spans.forwardOffsets(q.k(), q.d(), q.p()));
        int[] rows = rowStarts(spans, q.k(), q.t());
        int width = spans.channelStride(q.t());
        double[] init = new double[q.cOut()];
        for (int o = 0; bias != null && o < q.cOut(); o++) {
            init[o] = bias.getDouble(o);
        }
        Parallel.forEach(q.n() * q.g(), q.flops(), item -> {
            int n = item / q.g();
            int c = item % q.g();
            Object buf = TileGemm.Scratch.get().b(t, width);
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
        Parallel.forEach(q.n() * q.g() * residues, q.flops(), item -> {
            int rho = item % residues;
            int c = (item / residues) % q.g();
            int n = item / residues / q.g();
            int xOff = (n * q.cIn() + c) * q.l();
            int positions = (q.l() - rho + q.s() - 1) / q.s();
            // Taps reaching positions rho + S*j, and the output position each reads: j + shift.
            int count = 0;
            int[] taps = new int[q.k()];
            int[] shifts = new int[q.k()];
            for (int k = 0; k < q.k(); k++) {
                int e = rho + q.p() - k * q.d();
                if (Math.floorMod(e, q.s()) == 0) {
                    taps[count] = k;
                    shifts[count++] = Math.floorDiv(e, q.s());
                }
            }
            Object acc = q.s() == 1 ? gx : TileGemm.Scratch.get().out(t, positions);
            int accOff = q.s() == 1 ? xOff : 0;
            if (count == 0) {
                t.fill(acc, accOff, accOff + positions, 0.0);
            } else {
                Spans spans = new Spans(t, gy, (n * q.cOut() + c * q.og()) * q.t(), q.t(), 1,
                        java.util.Arrays.copyOf(shifts, count));
                Object buf = TileGemm.Scratch.get().b(t, q.og() * spans.channelStride(positions));
                spans.copy(0, q.og(), 0, positions, buf, 0);
                int[] rows = new int[q.og() * count];
                Object tapWeights = t.alloc(q.og() * count);
                for (int m = 0; m < q.og(); m++) {
                    for (int i = 0; i < count; i++) {
                        rows[m * count + i] = spans.rowStart(m, i, positions);
                        t.set(tapWeights, m * count + i, t.get(w, (c * q.og() + m) * q.k() + taps[i]));
                    }
                }
                t.depthwise(math, positions, rows.length, tapWeights, 0, buf, 0, rows, 0.0, acc, accOff);
            }
            if (q.s() != 1) {
                t.copyStrided(acc, 0, gx, xOff + rho, q.s(), positions);
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
        int[] offsets = Spans.forwardOffsets(q.k(), q.d(), q.p());
        // One item per input channel: its output channels' taps sum over the batch in order.
        Parallel.forEach(q.g(), q.flops(), c -> {
            double[] sums = new double[q.og() * q.k()];
            for (int n = 0; n < q.n(); n++) {
                Spans spans = new Spans(t, x, (n * q.cIn() + c) * q.l(), q.l(), q.s(), offsets);
                Object buf = TileGemm.Scratch.get().b(t, spans.channelStride(q.t()));
                spans.copy(0, 1, 0, q.t(), buf, 0);
                for (int m = 0; m < q.og(); m++) {
                    int o = c * q.og() + m;
                    int gyOff = (n * q.cOut() + o) * q.t();
                    for (int k = 0; k < q.k(); k++) {
                        sums[m * q.k() + k] += t.dot(math, q.t(), gy, gyOff, buf, spans.rowStart(0, k, q.t()));
                    }
                }
            }
            for (int i = 0; i < sums.length; i++) {
                t.set(gw, c * q.og() * q.k() + i, sums[i]);
            }
        });
    }

    @Override
    public void backwardBias(ConvProblem problem, Tensor gradOutput, Tensor gradBias) {
        ImplicitGemmConvKernel.biasGradient(problem, gradOutput, gradBias);
    }
}
