package org.conv4j.kernel.fast;

import org.conv4j.kernel.KernelWeight;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;

/**
 * Note [Winograd F(2, 3)]: a float32 convolution with three taps, stride 1 and dilation 1 as Winograd's minimal
 * filtering algorithm F(2, 3) (Lavin and Gray, "Fast Algorithms for Convolutional Neural Networks", 2016): two
 * adjacent outputs {@code y[t], y[t+1]} of a channel pair need six products of a direct sum, but only four of
 * transformed values,
 * <pre>
 * V = (d0 - d2, d1 + d2, d2 - d1, d1 - d3),   d_i = x[t + i]   (input transform, per input channel)
 * U = (w0, (w0 + w1 + w2)/2, (w0 - w1 + w2)/2, w2)              (weight transform, once per layer)
 * m_ξ = sum over c of U_ξ[o, c] * V_ξ[c]                         (four GEMMs over the channels)
 * y[t] = m0 + m1 + m2,   y[t+1] = m1 - m2 - m3                  (output transform)
 * </pre>
 * so the GEMMs do two thirds of the direct kernel's multiply-adds, on B panels that {@link
 * ConvMath#winogradInputF32} writes packed (the tiles' columns are tiles of two outputs, which may run on across
 * the padding: nothing is wasted at a row's end but the last tile's second output where {@code L_out} is odd).
 * The bias enters as the start of {@code m1}, which both outputs take once.
 *
 * <p>The results differ from a direct sum's by rounding only: the transforms add and subtract pairs, and the
 * halves of {@code U} are exact in binary. Every output element is still computed by one work item in one fixed
 * order (its channel sums by the tiles, Note [Bit-identical tiles], then the output transform's additions), so
 * results do not depend on the thread count or on the ConvMath. float64 keeps the direct kernel (whose users want
 * its rounding), as do other shapes; {@code -Dconv4j.winograd=false} turns it off.
 */
final class WinogradConvForward {
    /** System property that turns the Winograd forward off ({@code false}). */
    static final String PROPERTY = "conv4j.winograd";
    /** Values per tile: the four GEMMs. */
    static final int XI = 4;
    /** At least this many input and output channels per group: fewer leave the GEMMs' tiles too short. */
    static final int MIN_CHANNELS = 32;
    /** B of an item ({@code 4 * Cg * W} floats) stays within this many floats, a quarter of a 1 MiB L2. */
    static final int MAX_B_FLOATS = 65536;

    private WinogradConvForward() {
    }

    static boolean suits(ImplicitGemmConvKernel.Geometry q, DType dtype) {
        return dtype == DType.FLOAT32 && q.k() == 3 && q.s() == 1 && q.d() == 1 && q.cg() >= MIN_CHANNELS
                && q.og() >= MIN_CHANNELS && q.t() >= 2 && enabled();
    }

    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim());
    }

    static void forward(ConvMath math, ImplicitGemmConvKernel.Geometry q, KernelWeight weight, Tensor bias,
            float[] x, float[] y) {
        int mr = math.tileRows();
        int nr = math.tileColsF32();
        float[][] u = weight.derived(new ImplicitGemmConvKernel.Packing("forward-winograd-f2x3", q.g(), 1, 1, 0, mr,
                DType.FLOAT32), float[][].class, w -> packWeights(w, q.g(), mr));
        int tiles = (q.t() + 1) / 2;
        int maxBlock = Math.max(nr, MAX_B_FLOATS / (XI * q.cg()) / nr * nr);
        int block = ImplicitGemmConvKernel.columnBlock(q.n() * q.g(), tiles, nr,
                Math.min(maxBlock, ImplicitGemmConvKernel.roundUp(tiles, nr)), q.flops());
        int blocks = (tiles + block - 1) / block;
        float[] biasRows = new float[q.cOut() * nr];
        if (bias != null) {
            for (int o = 0; o < q.cOut(); o++) {
                java.util.Arrays.fill(biasRows, o * nr, (o + 1) * nr, (float) bias.getDouble(o));
            }
        }
        float[] zeros = new float[mr * nr];
        int panels = (q.og() + mr - 1) / mr;
        int half = math.halfTileRows();
        Parallel.forEach(q.n() * q.g() * blocks, q.flops(), item -> {
            int jb = item % blocks;
            int g = (item / blocks) % q.g();
            int n = item / blocks / q.g();
            int j0 = jb * block;
            int width = ImplicitGemmConvKernel.roundUp(Math.min(block, tiles - j0), nr);
            Scratch s = Scratch.get();
            int next = q.cg() * width;
            float[] v = (float[]) s.b(Typed.F32, XI * next);
            float[] seg = (float[]) s.line(Typed.F32, 2 * width + 2);
            int mStride = ImplicitGemmConvKernel.scratchStride(Typed.F32, width);
            float[] m = (float[]) s.out(Typed.F32, XI * mr * mStride);
            // Input transform, channel by channel: the zero-padded span of 2W + 2 elements, then its tiles.
            int from = 2 * j0 - q.p();
            for (int c = 0; c < q.cg(); c++) {
                int row = (n * q.cIn() + g * q.cg() + c) * q.l();
                int lo = Math.max(0, -from);
                int hi = Math.min(2 * width + 2, q.l() - from);
                if (lo >= hi) {
                    java.util.Arrays.fill(seg, 0, 2 * width + 2, 0f);
                } else {
                    java.util.Arrays.fill(seg, 0, lo, 0f);
                    System.arraycopy(x, row + from + lo, seg, lo, hi - lo);
                    java.util.Arrays.fill(seg, hi, 2 * width + 2, 0f);
                }
                math.winogradInputF32(width, seg, 0, v, c * nr, q.cg() * nr, next);
            }
            int count = Math.min(2 * width, q.t() - 2 * j0);
            float[] a = u[g];
            for (int ap = 0; ap < panels; ap++) {
                int rows = Math.min(mr, q.og() - ap * mr);
                for (int xi = 0; xi < XI; xi++) {
                    float[] c0 = xi == 1 ? biasRows : zeros;
                    int cOff = xi == 1 ? (g * q.og() + ap * mr) * nr : 0;
                    int aOff = (ap * XI + xi) * q.cg() * mr;
                    for (int p = 0; p < width / nr; p++) {
                        int bOff = xi * next + p * q.cg() * nr;
                        int dOff = xi * mr * mStride + p * nr;
                        if (rows == mr) {
                            math.tileF32(q.cg(), a, aOff, v, bOff, c0, cOff, nr, m, dOff, mStride);
                        } else if (rows <= half) {
                            math.tileF32Half(q.cg(), a, aOff, v, bOff, c0, cOff, nr, m, dOff, mStride, rows);
                        } else {
                            math.tileF32(q.cg(), a, aOff, v, bOff, c0, cOff, nr, m, dOff, mStride, rows);
                        }
                    }
                }
                for (int i = 0; i < rows; i++) {
                    int o = g * q.og() + ap * mr + i;
                    math.winogradOutputF32(count, m, i * mStride, mr * mStride, y, (n * q.cOut() + o) * q.t() + 2 * j0);
                }
            }
        });
    }

    /**
     * Per group, the transformed weights as A panels {@code [o / MR][ξ][c][o % MR]}, rows past the group's zero:
     * {@code U} of Note [Winograd F(2, 3)], worked out in double and rounded once.
     */
    private static float[][] packWeights(Tensor weight, int groups, int mr) {
        int[] s = weight.shape();
        int og = s[0] / groups;
        int cg = s[1];
        float[] w = (float[]) Typed.F32.data(weight);
        int panels = (og + mr - 1) / mr;
        float[][] packed = new float[groups][];
        for (int g = 0; g < groups; g++) {
            float[] a = new float[panels * XI * cg * mr];
            for (int o = 0; o < og; o++) {
                for (int c = 0; c < cg; c++) {
                    int src = ((g * og + o) * cg + c) * 3;
                    double w0 = w[src];
                    double w1 = w[src + 1];
                    double w2 = w[src + 2];
                    double[] uu = {w0, (w0 + w1 + w2) / 2, (w0 - w1 + w2) / 2, w2};
                    for (int xi = 0; xi < XI; xi++) {
                        a[(((o / mr) * XI + xi) * cg + c) * mr + o % mr] = (float) uu[xi];
                    }
                }
            }
            packed[g] = a;
        }
        return packed;
    }
}
