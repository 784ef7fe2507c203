package org.conv4j.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.conv4j.tensor.DType;
import org.conv4j.tensor.Shapes;
import org.conv4j.tensor.Tensor;

/**
 * Differential testing of a kernel against the reference: seeded random problems over every parameter (lengths
 * and channel counts straddling the vector widths), outputs pre-filled with NaN so that an unwritten element
 * shows, and the first mismatch reported with its coordinates. Shared with the conv4j-simd tests.
 */
public final class KernelDifferential {
    private KernelDifferential() {
    }

    /** A random 1-D problem: stride, dilation, asymmetric padding, groups, depthwise multipliers, ragged sizes. */
    public static ConvProblem randomProblem(SplittableRandom r) {
        if (r.nextInt(8) == 0) {
            return randomFrontEnd(r);
        }
        if (r.nextInt(10) == 0) {
            return randomWinograd(r);
        }
        if (r.nextInt(10) == 0) {
            return randomWide(r);
        }
        if (r.nextInt(9) == 0) {
            return randomTapMajor(r);
        }
        if (r.nextInt(12) == 0) {
            return randomShortRows(r);
        }
        if (r.nextInt(8) == 0) {
            return randomLong(r);
        }
        if (r.nextInt(9) == 0) {
            return randomInPlaceWeightGradient(r);
        }
        if (r.nextInt(10) == 0) {
            return randomDepthwise(r);
        }
        if (r.nextInt(20) == 0) {
            return randomChunked(r);
        }
        int groups = r.nextInt(4) == 0 ? r.nextInt(2, 9) : 1;
        boolean depthwise = r.nextInt(4) == 0;
        int cg = depthwise ? 1 : pick(r, 1, 2, 3, 5, 7, 8, 9, 16, 17, 31);
        int og = depthwise ? r.nextInt(1, 5) : pick(r, 1, 2, 4, 5, 6, 9, 11, 16, 17, 33);
        int k = pick(r, 1, 1, 2, 3, 3, 5, 7, 9, 16);
        int s = pick(r, 1, 1, 1, 2, 3, 4, 7);
        int d = pick(r, 1, 1, 1, 2, 3);
        int pb = r.nextInt(0, 5);
        int pa = r.nextBoolean() ? pb : pb + 1; // 'same' pads one more on the right
        int extent = d * (k - 1) + 1;
        int minLength = Math.max(1, extent - pb - pa);
        int length = minLength + pick(r, 0, 1, 5, 7, 8, 9, 15, 16, 17, 31, 33, 63, 100, 257);
        int out = (length + pb + pa - extent) / s + 1;
        int batch = pick(r, 1, 1, 2, 3);
        return new ConvProblem(batch, groups * cg, groups * og, groups, new int[] {length}, new int[] {k},
                new int[] {s}, new int[] {pb}, new int[] {pa}, new int[] {d}, new int[] {out});
    }

    /**
     * Three or five taps, stride 1, dilations that divide 16 (and 3, which does not), channels per group around the
     * thresholds (from 48 in and 32 out for the forward, the reverse for the input gradient): the float32 forward
     * and input gradient run as Winograd's F(2, 3) or F(2, 5) (Note [Winograd F(2, 3)] in WinogradConvForward),
     * with lengths that leave a tile's second output unused and ragged column panels, padding on either side or
     * none, or more than the kernel's extent (the input gradient's forward then skips the first output gradients),
     * output channels that cut the last row panel (whole, half and ragged tiles), several column blocks per row.
     */
    private static ConvProblem randomWinograd(SplittableRandom r) {
        int groups = r.nextInt(4) == 0 ? 2 : 1;
        int cg = pick(r, 32, 40, 48, 49, 64, 100);
        int og = pick(r, 32, 33, 36, 47, 48, 64, 65);
        int d = pick(r, 1, 1, 1, 2, 4, 8, 16, 3);
        int k = pick(r, 3, 3, 5);
        int pb = r.nextInt(4) == 0 ? r.nextInt((k - 1) * d + 1, (k - 1) * d + 4) : r.nextInt(0, d + 2);
        int pa = r.nextInt(3) == 0 ? pb + 1 : pb;
        int extent = (k - 1) * d + 1;
        int length = Math.max(1, extent - pb - pa) + pick(r, 0, 1, 2, 15, 31, 32, 33, 62, 63, 64, 65, 127, 300, 1100);
        int out = length + pb + pa - extent + 1;
        int batch = pick(r, 1, 1, 2, 3);
        return new ConvProblem(batch, groups * cg, groups * og, groups, new int[] {length}, new int[] {k},
                new int[] {1}, new int[] {pb}, new int[] {pa}, new int[] {d}, new int[] {out});
    }

    /**
     * A long kernel with a long stride (an audio front-end), which the fast kernels treat as frames: kernels up
     * to 257 taps, strides from 8, a few output positions, tiles cut by the last positions and channels.
     */
    private static ConvProblem randomFrontEnd(SplittableRandom r) {
        int groups = r.nextInt(3) == 0 ? 2 : 1;
        int cg = pick(r, 1, 1, 2, 3);
        int og = pick(r, 1, 5, 16, 17, 33);
        int k = pick(r, 8, 13, 40, 100, 130, 257);
        int s = pick(r, 8, 10, 33, 160);
        int pb = pick(r, 0, 0, 1, 7);
        int pa = r.nextBoolean() ? pb : pb + 1;
        int out = pick(r, 1, 2, 5, 6, 11, 23);
        // Any length that gives `out` positions: the last frame may end before the input does.
        int length = Math.max(1, (out - 1) * s + k - pb - pa + r.nextInt(s));
        int positions = (length + pb + pa - k) / s + 1;
        int batch = pick(r, 1, 2, 3);
        return new ConvProblem(batch, groups * cg, groups * og, groups, new int[] {length}, new int[] {k},
                new int[] {s}, new int[] {pb}, new int[] {pa}, new int[] {1}, new int[] {positions});
    }

    /**
     * Many output channels per group (from 128: the forward repacks B into panels) and reductions longer than one
     * block of the GEMM (more than 768 or 1536 of C_in/groups * K, Note [Reduction blocks] in TileGemm), with
     * short lengths to stay quick.
     */
    private static ConvProblem randomWide(SplittableRandom r) {
        int groups = r.nextInt(3) == 0 ? 2 : 1;
        int cg = pick(r, 1, 3, 17, 40, 70, 170, 310);
        int og = pick(r, 128, 129, 136, 150);
        int k = pick(r, 1, 3, 5);
        int s = pick(r, 1, 1, 2);
        int d = pick(r, 1, 2);
        return shortPadded(r, groups, cg, og, k, s, d);
    }

    /**
     * From 32 input channels per group and fewer than 128 output channels, several taps: the forward reduction
     * runs tap by tap and the tiles follow runs of rows (Note [Tap-major reduction] in ImplicitGemmConvKernel),
     * with reductions that cut runs at block boundaries (more than 768 or 1536 of C_in/groups * K), also into runs
     * too short for the runs' tile (a few channels, 25 taps), strides and dilations, tiles cut by the last channels
     * and positions.
     */
    private static ConvProblem randomTapMajor(SplittableRandom r) {
        int groups = r.nextInt(3) == 0 ? 2 : 1;
        int cg = pick(r, 32, 33, 40, 64, 70, 129, 160, 320);
        int og = pick(r, 1, 5, 8, 9, 17, 33);
        int k = pick(r, 2, 3, 5);
        if (r.nextInt(6) == 0) { // runs of a few channels cut by blocks: too short for the runs' tile
            cg = pick(r, 32, 33, 35);
            k = 25;
        }
        int s = pick(r, 1, 1, 2, 3);
        int d = pick(r, 1, 2);
        return shortPadded(r, groups, cg, og, k, s, d);
    }

    /**
     * Tap-major problems without padding, stride 1, rows no longer than a block of columns: the forward reads the
     * input in place (Note [Short rows in place] in Spans), its last tile past the last row's end (lengths that
     * leave a ragged tile), up to the input's last element; sometimes one pad on the right, which must copy.
     */
    private static ConvProblem randomShortRows(SplittableRandom r) {
        int groups = r.nextInt(3) == 0 ? 2 : 1;
        int cg = pick(r, 32, 33, 47, 64, 100);
        int og = pick(r, 1, 5, 8, 9, 17, 33);
        int k = pick(r, 2, 3, 5);
        int d = pick(r, 1, 1, 2);
        int pa = r.nextInt(4) == 0 ? 1 : 0;
        int extent = d * (k - 1) + 1;
        int length = extent + pick(r, 0, 1, 15, 16, 17, 30, 31, 33, 62, 63, 64, 65);
        int out = length + pa - extent + 1;
        int batch = pick(r, 1, 2, 3);
        return new ConvProblem(batch, groups * cg, groups * og, groups, new int[] {length}, new int[] {k},
                new int[] {1}, new int[] {0}, new int[] {pa}, new int[] {d}, new int[] {out});
    }

    /**
     * From 256 output positions: the weight gradient runs as dot products along the positions (Note [Weight
     * gradient as dot products] in DotWeightGradient), with rows that end inside a vector of lanes, several
     * chunks of the reduction (batch times positions beyond 8192) that cut a row, strides and dilations.
     */
    private static ConvProblem randomLong(SplittableRandom r) {
        int groups = r.nextInt(3) == 0 ? 2 : 1;
        int cg = pick(r, 1, 2, 3, 5, 8);
        int og = pick(r, 1, 3, 5, 9);
        int k = pick(r, 1, 2, 3, 5);
        int s = pick(r, 1, 1, 2, 3);
        int d = pick(r, 1, 2);
        int pb = r.nextInt(0, 3);
        int pa = r.nextBoolean() ? pb : pb + 1;
        int extent = d * (k - 1) + 1;
        int out = pick(r, 256, 257, 300, 1000, 3001, 4100, 5000);
        int length = Math.max(1, (out - 1) * s + extent - pb - pa + r.nextInt(s));
        int positions = (length + pb + pa - extent) / s + 1;
        int batch = pick(r, 1, 2, 3);
        return new ConvProblem(batch, groups * cg, groups * og, groups, new int[] {length}, new int[] {k},
                new int[] {s}, new int[] {pb}, new int[] {pa}, new int[] {d}, new int[] {positions});
    }

    /**
     * From 256 output positions and 32 output channels per group: the weight gradient as a GEMM reading the output
     * gradient's rows and the channels-last input in place (Note [Weight gradient read in place] in
     * InPlaceWeightGradient), with rows and columns that cut the last tiles, dilations whose tiles stay within a
     * tap, strides, one input channel, and reductions cut into chunks.
     */
    private static ConvProblem randomInPlaceWeightGradient(SplittableRandom r) {
        int groups = r.nextInt(3) == 0 ? 2 : 1;
        int cg = pick(r, 1, 1, 3, 32, 33);
        int og = pick(r, 32, 33, 40);
        int k = pick(r, 1, 2, 3, 5);
        int s = pick(r, 1, 1, 2, 3);
        int d = cg % 32 == 0 ? pick(r, 1, 2, 3) : 1;
        int pb = r.nextInt(0, 3);
        int pa = r.nextBoolean() ? pb : pb + 1;
        int extent = d * (k - 1) + 1;
        int out = pick(r, 256, 257, 300, 1000, 1024);
        int length = Math.max(1, (out - 1) * s + extent - pb - pa + r.nextInt(s));
        int positions = (length + pb + pa - extent) / s + 1;
        int batch = cg == 1 ? pick(r, 1, 3, 9) : pick(r, 1, 2);
        return new ConvProblem(batch, groups * cg, groups * og, groups, new int[] {length}, new int[] {k},
                new int[] {s}, new int[] {pb}, new int[] {pa}, new int[] {d}, new int[] {positions});
    }

    /**
     * Depthwise rows of one or more blocks of vectors, mostly with stride and dilation 1, where the taps read
     * consecutive elements (Note [Depthwise windows] in PanamaConvMath), up to 17 taps.
     */
    private static ConvProblem randomDepthwise(SplittableRandom r) {
        int groups = pick(r, 3, 8, 16);
        int og = pick(r, 1, 1, 2, 4);
        int k = r.nextInt(1, 18);
        int s = pick(r, 1, 1, 1, 2);
        int d = pick(r, 1, 1, 1, 2);
        int pb = r.nextInt(0, k);
        int pa = r.nextBoolean() ? pb : pb + 1;
        int extent = d * (k - 1) + 1;
        int length = Math.max(1, extent - pb - pa) + r.nextInt(100, 700);
        int out = (length + pb + pa - extent) / s + 1;
        int batch = pick(r, 1, 2);
        return new ConvProblem(batch, groups, groups * og, groups, new int[] {length}, new int[] {k},
                new int[] {s}, new int[] {pb}, new int[] {pa}, new int[] {d}, new int[] {out});
    }

    /**
     * Fewer than 256 output positions (the weight gradient as a GEMM) in batches long enough that its reduction,
     * batch times positions, is cut into chunks (Note [Weight gradient chunks] in GemmWeightGradient), with
     * strides, dilations and padding.
     */
    private static ConvProblem randomChunked(SplittableRandom r) {
        int groups = r.nextInt(3) == 0 ? 2 : 1;
        int cg = pick(r, 1, 2, 3);
        int og = pick(r, 1, 3, 5);
        int k = pick(r, 1, 2, 3);
        int s = pick(r, 1, 2);
        int d = pick(r, 1, 2);
        int pb = r.nextInt(0, 3);
        int pa = r.nextBoolean() ? pb : pb + 1;
        int extent = d * (k - 1) + 1;
        int out = pick(r, 230, 255);
        int length = Math.max(1, (out - 1) * s + extent - pb - pa + r.nextInt(s));
        int positions = (length + pb + pa - extent) / s + 1;
        int batch = pick(r, 33, 40);
        return new ConvProblem(batch, groups * cg, groups * og, groups, new int[] {length}, new int[] {k},
                new int[] {s}, new int[] {pb}, new int[] {pa}, new int[] {d}, new int[] {positions});
    }

    /** The given channels, kernel, stride and dilation with random padding, a short length and a batch of 1 or 2. */
    private static ConvProblem shortPadded(SplittableRandom r, int groups, int cg, int og, int k, int s, int d) {
        int pb = r.nextInt(0, 3);
        int pa = r.nextBoolean() ? pb : pb + 1;
        int extent = d * (k - 1) + 1;
        int length = Math.max(1, extent - pb - pa) + pick(r, 0, 7, 33, 70);
        int out = (length + pb + pa - extent) / s + 1;
        int batch = pick(r, 1, 2);
        return new ConvProblem(batch, groups * cg, groups * og, groups, new int[] {length}, new int[] {k},
                new int[] {s}, new int[] {pb}, new int[] {pa}, new int[] {d}, new int[] {out});
    }

    private static int pick(SplittableRandom r, int... values) {
        return values[r.nextInt(values.length)];
    }

    static Tensor random(SplittableRandom r, DType dtype, int... shape) {
        double[] v = new double[Shapes.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble(-1, 1);
        }
        return Tensor.of(dtype, v, shape);
    }

    static Tensor nans(DType dtype, int... shape) {
        Tensor t = Tensor.zeros(dtype, shape);
        if (dtype == DType.FLOAT32) {
            Arrays.fill(t.floatData(), Float.NaN);
        } else {
            Arrays.fill(t.doubleData(), Double.NaN);
        }
        return t;
    }

    /** Results of all four computations of one kernel on one problem. */
    public record Results(Tensor output, Tensor gradInput, Tensor gradWeight, Tensor gradBias) {
        public boolean bitIdentical(Results o) {
            return output.contentEquals(o.output) && gradInput.contentEquals(o.gradInput)
                    && gradWeight.contentEquals(o.gradWeight) && gradBias.contentEquals(o.gradBias);
        }
    }

    /** Runs the four computations on seeded data, into NaN-filled outputs. */
    public static Results run(ConvKernel kernel, ConvProblem p, DType dtype, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Tensor x = random(r, dtype, p.inputShape());
        Tensor w = random(r, dtype, p.weightShape());
        Tensor b = random(r, dtype, p.outChannels());
        Tensor gy = random(r, dtype, p.outputShape());
        KernelWeight kw = KernelWeight.of(w);
        Tensor y = nans(dtype, p.outputShape());
        Tensor gx = nans(dtype, p.inputShape());
        Tensor gw = nans(dtype, p.weightShape());
        Tensor gb = nans(dtype, p.outChannels());
        kernel.forward(p, x, kw, b, y);
        kernel.backwardInput(p, gy, kw, gx);
        kernel.backwardWeight(p, x, gy, gw);
        kernel.backwardBias(p, gy, gb);
        return new Results(y, gx, gw, gb);
    }

    /**
     * Compares a kernel with the reference on one problem: every element within
     * {@code 8 * eps * sqrt(terms) * terms} (inputs are in [-1, 1], so a sum of {@code terms} products is at most
     * {@code terms} in magnitude).
     */
    public static void assertMatchesReference(ConvKernel kernel, ConvProblem p, DType dtype, long seed) {
        Results got = run(kernel, p, dtype, seed);
        Results want = run(ConvKernels.reference(), p, dtype, seed);
        double eps = dtype == DType.FLOAT32 ? Math.ulp(1.0f) : Math.ulp(1.0);
        String where = kernel.name() + " on " + p + " " + dtype + " seed " + seed;
        int outTerms = p.reductionLength() + 1;
        int inTerms = p.outChannelsPerGroup() * p.kernelSize()[0];
        int wTerms = p.batch() * p.outputSize()[0];
        compare(want.output(), got.output(), tol(eps, outTerms), where + ": output");
        compare(want.gradInput(), got.gradInput(), tol(eps, inTerms), where + ": grad_input");
        compare(want.gradWeight(), got.gradWeight(), tol(eps, wTerms), where + ": grad_weight");
        compare(want.gradBias(), got.gradBias(), tol(eps, wTerms), where + ": grad_bias");
    }

    private static double tol(double eps, int terms) {
        return 8 * eps * Math.sqrt(Math.max(1, terms)) * Math.max(1, terms);
    }

    private static void compare(Tensor want, Tensor got, double tol, String what) {
        int[] shape = want.shape();
        for (int i = 0; i < want.numel(); i++) {
            double e = want.getDouble(i);
            double a = got.getDouble(i);
            if (!(Math.abs(a - e) <= tol)) {
                fail(what + " differs at " + Shapes.format(Shapes.unravel(i, shape)) + ": reference " + e
                        + ", kernel " + a + " (tolerance " + tol + ")");
            }
        }
    }
}
