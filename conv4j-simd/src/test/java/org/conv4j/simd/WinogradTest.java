package org.conv4j.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.conv4j.kernel.ConvKernel;
import org.conv4j.kernel.ConvKernels;
import org.conv4j.kernel.ConvProblem;
import org.conv4j.kernel.KernelWeight;
import org.conv4j.kernel.fast.ImplicitGemmConvKernel;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Shapes;
import org.conv4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The float32 forward with Winograd's F(2, 3) and F(2, 5) (Note [Winograd F(2, 3)] in WinogradConvForward): which
 * problems take it, and that its rounding, of the output and of the input gradient (Note [Input gradient as a
 * forward]), stays well inside the conformance cases' tolerance on layers of the benchmark's sizes, as the direct
 * kernel's does. (VectorKernelsTest checks it against the reference and the scalar kernels on random problems.)
 */
class WinogradTest {
    private static final ConvKernel GEMM = new ImplicitGemmConvKernel(new PanamaConvMath8x2());

    private static ConvProblem conv(int n, int cIn, int cOut, int groups, int l, int k, int s, int p, int d) {
        int out = (l + 2 * p - d * (k - 1) - 1) / s + 1;
        return new ConvProblem(n, cIn, cOut, groups, new int[] {l}, new int[] {k}, new int[] {s}, new int[] {p},
                new int[] {p}, new int[] {d}, new int[] {out});
    }

    @Test
    void takesThreeOrFiveTapsWithStrideOneAndDilationsThatDivide16InFloat32Only() {
        assertTrue(GEMM.forwardAlgorithm(conv(4, 128, 128, 1, 4096, 3, 1, 1, 1), DType.FLOAT32)
                .startsWith("winograd-f2x3/"));
        assertTrue(GEMM.forwardAlgorithm(conv(2, 300, 100, 1, 64, 3, 1, 0, 1), DType.FLOAT32)
                .startsWith("winograd-f2x3/"));
        assertEquals(GEMM.name(), GEMM.forwardAlgorithm(conv(4, 128, 128, 1, 4096, 3, 1, 1, 1), DType.FLOAT64));
        assertEquals(GEMM.name(), GEMM.forwardAlgorithm(conv(4, 128, 128, 1, 4096, 3, 2, 1, 1), DType.FLOAT32));
        for (int d : new int[] {2, 4, 8, 16}) {
            assertTrue(GEMM.forwardAlgorithm(conv(4, 128, 128, 1, 4096, 3, 1, d, d), DType.FLOAT32)
                    .startsWith("winograd-f2x3/"));
        }
        assertEquals(GEMM.name(), GEMM.forwardAlgorithm(conv(4, 128, 128, 1, 4096, 3, 1, 3, 3), DType.FLOAT32));
        assertEquals(GEMM.name(), GEMM.forwardAlgorithm(conv(4, 128, 128, 1, 4096, 3, 1, 32, 32), DType.FLOAT32));
        assertEquals("winograd-f2x5/" + GEMM.name().substring(GEMM.name().indexOf('/') + 1),
                GEMM.forwardAlgorithm(conv(4, 128, 128, 1, 4096, 5, 1, 2, 1), DType.FLOAT32));
        assertEquals(GEMM.name(), GEMM.forwardAlgorithm(conv(4, 128, 128, 1, 4096, 7, 1, 3, 1), DType.FLOAT32));
        assertEquals(GEMM.name(), GEMM.forwardAlgorithm(conv(4, 16, 128, 1, 4096, 3, 1, 1, 1), DType.FLOAT32));
        String before = System.getProperty("conv4j.winograd");
        System.setProperty("conv4j.winograd", "false");
        try {
            assertEquals(GEMM.name(), GEMM.forwardAlgorithm(conv(4, 128, 128, 1, 4096, 3, 1, 1, 1), DType.FLOAT32));
        } finally {
            if (before == null) {
                System.clearProperty("conv4j.winograd");
            } else {
                System.setProperty("conv4j.winograd", before);
            }
        }
    }

    /**
     * The rule of the conformance cases (FORMAT.md): {@code |err| <= 8 * eps * sqrt(terms) * abs_scale}, with
     * {@code abs_scale} the largest sum of absolute products; measured here as the worst ratio of error to that
     * tolerance, on inputs like a trained layer's (uniform weights of the default initialisation, inputs in
     * [-1, 1]).
     */
    @Test
    void roundsWellInsideTheConformanceTolerance() {
        ConvProblem[] problems = {conv(1, 128, 128, 1, 1500, 3, 1, 1, 1), conv(2, 64, 64, 1, 1024, 3, 1, 1, 1),
            conv(2, 300, 100, 1, 64, 3, 1, 0, 1), conv(1, 256, 256, 1, 700, 3, 1, 1, 1),
            conv(1, 128, 96, 2, 333, 3, 1, 2, 1), conv(1, 128, 128, 1, 1000, 3, 1, 4, 4),
            conv(2, 64, 64, 1, 517, 3, 1, 8, 8), conv(2, 300, 100, 1, 64, 5, 1, 0, 1),
            conv(1, 128, 128, 1, 1000, 5, 1, 2, 1), conv(1, 64, 64, 1, 700, 5, 1, 4, 2)};
        for (ConvProblem p : problems) {
            assertTrue(GEMM.forwardAlgorithm(p, DType.FLOAT32).startsWith("winograd"), p.toString());
            double[] ratio = worstRatios(p);
            String before = System.getProperty("conv4j.winograd");
            System.setProperty("conv4j.winograd", "false");
            double[] direct;
            try {
                direct = worstRatios(p);
            } finally {
                if (before == null) {
                    System.clearProperty("conv4j.winograd");
                } else {
                    System.setProperty("conv4j.winograd", before);
                }
            }
            System.out.printf("%s: worst err/tol output winograd %.4f, direct %.4f; grad_input winograd %.4f,"
                    + " direct %.4f%n", p, ratio[0], direct[0], ratio[1], direct[1]);
            assertTrue(ratio[0] <= 0.1, p + ": output's worst error " + ratio[0] + " of the conformance tolerance");
            assertTrue(ratio[1] <= 0.1, p + ": grad_input's worst error " + ratio[1] + " of the tolerance");
        }
    }

    /** The worst error over tolerance of the output and of the input gradient. */
    private static double[] worstRatios(ConvProblem p) {
        SplittableRandom r = new SplittableRandom(p.hashCode());
        double bound = 1 / Math.sqrt(p.reductionLength());
        double[] x = f32(uniform(r, Shapes.numel(p.inputShape()), 1));
        double[] w = f32(uniform(r, Shapes.numel(p.weightShape()), bound));
        double[] b = f32(uniform(r, p.outChannels(), bound));
        double[] gy = f32(uniform(r, Shapes.numel(p.outputShape()), 1));
        Tensor y = run(GEMM, p, DType.FLOAT32, x, w, b);
        Tensor want = run(ConvKernels.reference(), p, DType.FLOAT64, x, w, b);
        Tensor scale = run(ConvKernels.reference(), p, DType.FLOAT64, abs(x), abs(w), abs(b));
        Tensor gx = gradInput(GEMM, p, DType.FLOAT32, gy, w);
        Tensor gxWant = gradInput(ConvKernels.reference(), p, DType.FLOAT64, gy, w);
        Tensor gxScale = gradInput(ConvKernels.reference(), p, DType.FLOAT64, abs(gy), abs(w));
        return new double[] {ratio(y, want, scale, p.reductionLength() + 1),
            ratio(gx, gxWant, gxScale, p.outChannelsPerGroup() * p.kernelSize()[0])};
    }

    private static double ratio(Tensor got, Tensor want, Tensor scale, int terms) {
        double absScale = 0;
        double err = 0;
        for (int i = 0; i < got.numel(); i++) {
            absScale = Math.max(absScale, scale.getDouble(i));
            err = Math.max(err, Math.abs(got.getDouble(i) - want.getDouble(i)));
        }
        return err / (8 * Math.ulp(1.0f) * Math.sqrt(terms) * absScale);
    }

    private static Tensor gradInput(ConvKernel k, ConvProblem p, DType dtype, double[] gy, double[] w) {
        Tensor gx = Tensor.zeros(dtype, p.inputShape());
        k.backwardInput(p, Tensor.of(dtype, gy, p.outputShape()), KernelWeight.of(Tensor.of(dtype, w,
                p.weightShape())), gx);
        return gx;
    }

    private static Tensor run(ConvKernel k, ConvProblem p, DType dtype, double[] x, double[] w, double[] b) {
        Tensor y = Tensor.zeros(dtype, p.outputShape());
        k.forward(p, Tensor.of(dtype, x, p.inputShape()), KernelWeight.of(Tensor.of(dtype, w, p.weightShape())),
                Tensor.of(dtype, b, p.outChannels()), y);
        return y;
    }

    private static double[] uniform(SplittableRandom r, int n, double bound) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble(-bound, bound);
        }
        return v;
    }

    private static double[] f32(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = (float) v[i];
        }
        return o;
    }

    private static double[] abs(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = Math.abs(v[i]);
        }
        return o;
    }
}
