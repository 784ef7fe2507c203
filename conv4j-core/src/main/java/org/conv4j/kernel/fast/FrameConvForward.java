package org.conv4j.kernel.fast;

import org.conv4j.kernel.KernelWeight;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;

/**
 * Forward of a convolution with a long kernel and a long stride (an STFT-like audio front-end, {@code K = 400,
 * S = 160}) as frames: output position {@code t} reads the contiguous frame {@code x[c, t*S - P + k]},
 * {@code k < K}, so a register tile takes {@code MR} positions straight from the (zero-padded) input as its A rows
 * and {@code NR} output channels of the weight, packed once per layer, as its B
 * ({@link ConvMath#frameTileF32}). Nothing is unfolded or packed per call; the tile is written back transposed,
 * which costs little beside its {@code K} reduction steps.
 *
 * <p>Each element starts from its bias and receives its products in increasing {@code (c, k)} order, whatever the
 * ConvMath (Note [Bit-identical tiles]).
 */
final class FrameConvForward {
    /** From this many reductions per output element ({@code C_in/groups * K}) on, with a stride. */
    static final int FROM_REDUCTION = 256;
    /** Output positions per work item, at most. */
    static final int POSITIONS_PER_ITEM = 256;

    private FrameConvForward() {
    }

    static boolean suits(ImplicitGemmConvKernel.Geometry q) {
        return q.d() == 1 && q.s() >= ImplicitGemmConvKernel.FRAMES_FROM_STRIDE
                && (long) q.cg() * q.k() >= FROM_REDUCTION;
    }

    static void forward(ConvMath math, ImplicitGemmConvKernel.Geometry q, Typed t, KernelWeight weight, Tensor bias,
            Object x, Object y, DType dtype) {
        int mr = math.tileRows();
        int nr = t.tileCols(math);
        Object[] packed = weight.derived(new ImplicitGemmConvKernel.Packing("forward-frames", q.g(), 0, 0, 0, nr,
                dtype), Object[].class, w -> pack(t, w, q.g(), nr));
        Object biasRows = t.alloc(q.cOut());
        if (bias != null) {
            for (int o = 0; o < q.cOut(); o++) {
                t.set(biasRows, o, bias.getDouble(o));
            }
        }
        int panels = (q.og() + nr - 1) / nr;
        int block = ImplicitGemmConvKernel.roundUp(ImplicitGemmConvKernel.columnBlock(q.n() * q.g(), q.t(), mr,
                POSITIONS_PER_ITEM, q.flops()), mr);
        int blocks = (q.t() + block - 1) / block;
        Parallel.forEach(q.n() * q.g() * blocks, q.flops(), item -> {
            int t0 = (item % blocks) * block;
            int t1 = Math.min(q.t(), t0 + block);
            int g = (item / blocks) % q.g();
            int n = item / blocks / q.g();
            Scratch s = Scratch.get();
            // The input the block's frames read, zero-padded: frame t of channel c starts at c*span + (t - t0)*S.
            int start = t0 * q.s() - q.p();
            int span = (t1 - 1 - t0) * q.s() + q.k();
            Object frames = s.b(t, q.cg() * span);
            for (int c = 0; c < q.cg(); c++) {
                int lo = Math.max(0, -start);
                int hi = Math.max(lo, Math.min(span, q.l() - start));
                t.fill(frames, c * span, c * span + lo, 0.0);
                t.copy(x, (n * q.cIn() + g * q.cg() + c) * q.l() + start + lo, 1, frames, c * span + lo, hi - lo);
                t.fill(frames, c * span + hi, (c + 1) * span, 0.0);
            }
            Object tile = s.c(t, mr * nr);
            int reduction = q.cg() * q.k();
            for (int p = 0; p < panels; p++) {
                int o0 = p * nr;
                int channels = Math.min(nr, q.og() - o0);
                int yChannel = (n * q.cOut() + g * q.og() + o0) * q.t();
                for (int tt = t0; tt < t1; tt += mr) {
                    int rows = Math.min(mr, t1 - tt);
                    for (int i = 0; i < rows; i++) {
                        t.copy(biasRows, g * q.og() + o0, 1, tile, i * nr, channels);
                    }
                    for (int c = 0; c < q.cg(); c++) {
                        t.frameTile(math, q.k(), frames, c * span + (tt - t0) * q.s(), q.s(), packed[g],
                                (p * reduction + c * q.k()) * nr, nr, tile, 0, nr, rows);
                    }
                    for (int j = 0; j < channels; j++) {
                        t.copy(tile, j, nr, y, yChannel + j * q.t() + tt, rows);
                    }
                }
            }
        });
    }

    /** Weights of each group as B panels: {@code [o / NR][r = c*K + k][o % NR]}, channels past the group's zero. */
    private static Object[] pack(Typed t, Tensor weight, int groups, int nr) {
        int[] shape = weight.shape();
        int og = shape[0] / groups;
        int reduction = shape[1] * shape[2];
        Object w = t.data(weight);
        int panels = (og + nr - 1) / nr;
        Object[] packed = new Object[groups];
        for (int g = 0; g < groups; g++) {
            Object b = t.alloc(panels * reduction * nr);
            for (int o = 0; o < og; o++) {
                t.copyStrided(w, (g * og + o) * reduction, b, (o / nr) * reduction * nr + o % nr, nr, reduction);
            }
            packed[g] = b;
        }
        return packed;
    }
}
