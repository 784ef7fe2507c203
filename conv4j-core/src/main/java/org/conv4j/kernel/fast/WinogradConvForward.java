package org.conv4j.kernel.fast;

import org.conv4j.kernel.KernelWeight;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;

/**
 * Note [Winograd F(2, 3)]: a float32 convolution with three taps and stride 1 as Winograd's minimal filtering
 * algorithm F(2, 3) (Lavin and Gray, "Fast Algorithms for Convolutional Neural Networks", 2016): two outputs
 * {@code y[t], y[t+D]} of a channel pair need six products of a direct sum, but only four of transformed values,
 * <pre>
 * V = (d0 - d2, d1 + d2, d2 - d1, d1 - d3),   d_i = x[t + i*D]   (input transform, per input channel)
 * U = (w0, (w0 + w1 + w2)/2, (w0 - w1 + w2)/2, w2)                (weight transform, once per layer)
 * m_ξ = sum over c of U_ξ[o, c] * V_ξ[c]                           (four GEMMs over the channels)
 * y[t] = m0 + m1 + m2,   y[t+D] = m1 - m2 - m3                    (output transform)
 * </pre>
 * so the GEMMs do two thirds of the direct kernel's multiply-adds, on B panels that {@link
 * ConvMath#winogradInputF32} writes packed. With five taps, F(2, 5) does the same with six values per tile (the
 * points 0, 1, -1, 2, -2 and infinity; {@link #G5} and the transforms in ConvMath), 60% of the direct
 * multiply-adds. Tiles start at the positions {@code t} with {@code t mod 2D < D}, so that a block of tiles covers
 * a contiguous run of outputs, and may run on across the padding: nothing is wasted at a row's end but a tile's
 * second output past {@code L_out}. The bias enters as the start of {@code m1}, which both outputs take once.
 *
 * <p>The results differ from a direct sum's by rounding only (each GEMM sums over the channels alone, a shorter
 * chain than the direct kernel's; WinogradTest measures both against the conformance tolerance). Every output
 * element is still computed by one work item in one fixed order (its channel sums by the tiles, Note
 * [Bit-identical tiles], then the output transform's operations), so results do not depend on the thread count or
 * on the ConvMath. An infinite input element enters several transformed values with both signs, so an output a
 * direct sum makes infinite can come out NaN. float64 keeps the direct kernel (whose users want its rounding), as
 * do other shapes; {@code -Dconv4j.winograd=false} turns it off.
 */
final class WinogradConvForward {
    /** System property that turns the Winograd forward off ({@code false}). */
    static final String PROPERTY = "conv4j.winograd";
    /**
     * At least this many input channels per group, the GEMMs' reduction: with 32 (grouped_g8) F(2, 3) was even with
     * the direct kernel, with 48 6% faster, 64 10% (in alternating calls, forward).
     */
    static final int MIN_IN_CHANNELS = 48;
    /**
     * At least this many output channels per group, which share the input transform's cost (not measured below it:
     * the suite's Winograd shapes have 64 or more; 32 input and 64 output channels were even with the direct kernel).
     */
    static final int MIN_OUT_CHANNELS = 32;
    /**
     * Tiles per work item, at most: 64 (two column panels of the 8 x 2 tile) ran resnet1d_k3 8-17% faster than 128
     * (three runs of alternating calls, forward), tcn_d1 6% faster in one run and 2% slower in another, and both
     * 3-6% faster than 32.
     */
    static final int MAX_TILES = 64;
    /** And B of an item ({@code (K + 1) * Cg * W} floats) within this many: textcnn's 300 channels take 32 tiles. */
    static final int MAX_B_FLOATS = 32768;

    /**
     * F(2, 5)'s weight transform: {@code U_ξ = sum over k of G5[ξ][k] * w_k}, from the Lagrange polynomials of the
     * points 0, 1, -1, 2, -2 (the last row: infinity).
     */
    static final double[][] G5 = {{1 / 4.0, 0, 0, 0, 0}, {-1 / 6.0, -1 / 6.0, -1 / 6.0, -1 / 6.0, -1 / 6.0},
        {-1 / 6.0, 1 / 6.0, -1 / 6.0, 1 / 6.0, -1 / 6.0}, {1 / 24.0, 1 / 12.0, 1 / 6.0, 1 / 3.0, 2 / 3.0},
        {1 / 24.0, -1 / 12.0, 1 / 6.0, -1 / 3.0, 2 / 3.0}, {0, 0, 0, 0, 1}};
    /** F(2, 3)'s. */
    static final double[][] G3 = {{1, 0, 0}, {0.5, 0.5, 0.5}, {0.5, -0.5, 0.5}, {0, 0, 1}};

    private WinogradConvForward() {
    }

    static boolean suits(ImplicitGemmConvKernel.Geometry q, DType dtype) {
        return dtype == DType.FLOAT32 && (q.k() == 3 || q.k() == 5) && q.s() == 1 && 16 % q.d() == 0
                && q.cg() >= MIN_IN_CHANNELS && q.og() >= MIN_OUT_CHANNELS && q.t() >= 2 && enabled();
    }

    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim());
    }

    static void forward(ConvMath math, ImplicitGemmConvKernel.Geometry q, KernelWeight weight, Tensor bias,
            float[] x, float[] y) {
        int mr = math.tileRows();
        float[][] u = weight.derived(new ImplicitGemmConvKernel.Packing("forward-winograd", q.g(), 1, 1, 0, mr,
                DType.FLOAT32), float[][].class, w -> packWeights(w, q.g(), mr, false));
        run(math, q, u, bias, x, y);
    }

    /**
     * Note [Input gradient as a forward]: with stride 1 the input gradient is a convolution of the output gradient,
     * {@code gx[c, u] = sum over (o, k') of w[o, c, K-1 - k'] * gy[o, u - ((K-1)*D - P) + k'*D]}: a forward pass with
     * the channels' roles swapped, the taps reversed, padding {@code (K-1)*D - P} before, and {@code L} outputs, so
     * it takes the same algorithm (its tiles read zeros past both ends of {@code gy}, or skip its first elements
     * where {@code P > (K-1)*D}).
     */
    static boolean suitsInputGradient(ImplicitGemmConvKernel.Geometry q, DType dtype) {
        return suits(asForward(q), dtype);
    }

    /** {@code gx} of Note [Input gradient as a forward]. */
    static void inputGradient(ConvMath math, ImplicitGemmConvKernel.Geometry q, KernelWeight weight, float[] gy,
            float[] gx) {
        int mr = math.tileRows();
        float[][] u = weight.derived(new ImplicitGemmConvKernel.Packing("input-gradient-winograd", q.g(), 1, 1,
                0, mr, DType.FLOAT32), float[][].class, w -> packWeights(w, q.g(), mr, true));
        run(math, asForward(q), u, null, gy, gx);
    }

    /** The forward problem whose output is the input gradient of {@code q} (stride 1). */
    static ImplicitGemmConvKernel.Geometry asForward(ImplicitGemmConvKernel.Geometry q) {
        return new ImplicitGemmConvKernel.Geometry(q.n(), q.cOut(), q.cIn(), q.g(), q.og(), q.cg(), q.t(), q.k(),
                q.s(), (q.k() - 1) * q.d() - q.p(), q.d(), q.l());
    }

    private static void run(ConvMath math, ImplicitGemmConvKernel.Geometry q, float[][] u, Tensor bias, float[] x,
            float[] y) {
        int mr = math.tileRows();
        int nr = math.tileColsF32();
        int d = q.d();
        int taps = q.k();
        int xis = taps + 1;
        // Tiles start at the positions t with t mod 2D < D (Note [Winograd F(2, 3)]).
        int tiles = d * (q.t() / (2 * d)) + Math.min(q.t() % (2 * d), d);
        int maxBlock = Math.max(nr, Math.min(MAX_TILES, MAX_B_FLOATS / (xis * q.cg())) / nr * nr);
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
            float[] v = (float[]) s.b(Typed.F32, xis * next);
            int span = 2 * width + (taps - 1) * d;
            float[] seg = (float[]) s.line(Typed.F32, span);
            int mStride = ImplicitGemmConvKernel.scratchStride(Typed.F32, width);
            float[] m = (float[]) s.out(Typed.F32, xis * mr * mStride);
            // Input transform, channel by channel: the zero-padded span of the block's tiles, then the tiles.
            int from = 2 * j0 - q.p();
            for (int c = 0; c < q.cg(); c++) {
                int row = (n * q.cIn() + g * q.cg() + c) * q.l();
                int lo = Math.max(0, -from);
                int hi = Math.min(span, q.l() - from);
                if (lo >= hi) {
                    java.util.Arrays.fill(seg, 0, span, 0f);
                } else {
                    java.util.Arrays.fill(seg, 0, lo, 0f);
                    System.arraycopy(x, row + from + lo, seg, lo, hi - lo);
                    java.util.Arrays.fill(seg, hi, span, 0f);
                }
                math.winogradInputF32(width, taps, d, seg, 0, v, c * nr, q.cg() * nr, next);
            }
            int count = Math.min(2 * width, q.t() - 2 * j0);
            float[] a = u[g];
            for (int ap = 0; ap < panels; ap++) {
                int rows = Math.min(mr, q.og() - ap * mr);
                for (int xi = 0; xi < xis; xi++) {
                    float[] c0 = xi == 1 ? biasRows : zeros;
                    int cOff = xi == 1 ? (g * q.og() + ap * mr) * nr : 0;
                    int aOff = (ap * xis + xi) * q.cg() * mr;
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
                    math.winogradOutputF32(count, taps, d, m, i * mStride, mr * mStride, y,
                            (n * q.cOut() + o) * q.t() + 2 * j0);
                }
            }
        });
    }

    /**
     * Per group, the transformed weights as A panels {@code [o / MR][ξ][c][o % MR]}, rows past the group's zero:
     * {@code U} of Note [Winograd F(2, 3)], worked out in double and rounded once; {@code transposed}: of the
     * weight of Note [Input gradient as a forward], {@code w'[c, o, k'] = w[o, c, K-1 - k']}.
     */
    private static float[][] packWeights(Tensor weight, int groups, int mr, boolean transposed) {
        int[] s = weight.shape();
        int wOut = s[0] / groups;
        int wIn = s[1];
        int taps = s[2];
        double[][] gm = taps == 3 ? G3 : G5;
        int og = transposed ? wIn : wOut;
        int cg = transposed ? wOut : wIn;
        float[] w = (float[]) Typed.F32.data(weight);
        int panels = (og + mr - 1) / mr;
        float[][] packed = new float[groups][];
        for (int g = 0; g < groups; g++) {
            float[] a = new float[panels * (taps + 1) * cg * mr];
            for (int o = 0; o < og; o++) {
                for (int c = 0; c < cg; c++) {
                    int src = transposed ? ((g * wOut + c) * wIn + o) * taps : ((g * wOut + o) * wIn + c) * taps;
                    for (int xi = 0; xi <= taps; xi++) {
                        double sum = 0;
                        for (int k = 0; k < taps; k++) {
                            sum += gm[xi][k] * w[transposed ? src + taps - 1 - k : src + k];
                        }
                        a[(((o / mr) * (taps + 1) + xi) * cg + c) * mr + o % mr] = (float) sum;
                    }
                }
            }
            packed[g] = a;
        }
        return packed;
    }
}
