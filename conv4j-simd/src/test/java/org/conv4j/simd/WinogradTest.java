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
 * The float32 forward with Winograd's F(2, 3) (Note [Winograd F(2, 3)] in WinogradConvForward): which problems
 * take it, and that its rounding stays well inside the conformance cases' tolerance on layers of the benchmark's
 * sizes, as the direct kernel's does. (VectorKernelsTest checks it against the reference and the scalar kernels
 * on random problems.)
 */
class WinogradTest {
    private static final ConvKernel GEMM = new ImplicitGemmConvKernel(new PanamaConvMath8x2());

    private static ConvProblem conv(int n, int cIn, int cOut, int groups, int l, int k, int s, int p, int d) {
        int out = (l + 2 * p - d * (k - 1) - 1) / s + 1;
        return new ConvProblem(n, cIn, cOut, groups, new int[] {l}, new int[] {k}, new int[] {s}, new int[] {p},
                new int[] {p}, new int[] {d}, new int[] {out});
    }

    @Test
    void takesThreeTapsWithStrideAndDilationOneInFloat32Only() {
        assertTrue(GEMM.forwardAlgorithm(conv(4, 128, 128, 1, 4096, 3, 1, 1, 1), DType.FLOAT32)
                .startsWith("winograd-f2x3/"));
        assertTrue(GEMM.forwardAlgorithm(conv(2, 300, 100, 1, 64, 3, 1, 0, 1), DType.FLOAT32)
                .startsWith("winograd-f2x3/"));
        assertEquals(GEMM.name(), GEMM.forwardAlgorithm(conv(4, 128, 128, 1, 4096, 3, 1, 1, 1), DType.FLOAT64));
        assertEquals(GEMM.name(), GEMM.forwardAlgorithm(conv(4, 128, 128, 1, 4096, 3, 2, 1, 1), DType.FLOAT32));
        assertEquals(GEMM.name(), GEMM.forwardAlgorithm(conv(4, 128, 128, 1, 4096, 3, 1, 2, 2), DType.FLOAT32));
        assertEquals(GEMM.name(), GEMM.forwardAlgorithm(conv(4, 128, 128, 1, 4096, 5, 1, 2, 1), DType.FLOAT32));
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
            conv(1, 64, 96, 2, 333, 3, 1, 2, 1)};
        for (ConvProblem p : problems) {
            assertTrue(GEMM.forwardAlgorithm(p, DType.FLOAT32).startsWith("winograd"), p.toString());
            double ratio = worstRatio(p);
            String before = System.getProperty("conv4j.winograd");
            System.setProperty("conv4j.winograd", "false");
            double direct;
            try {
                direct = worstRatio(p);
            } finally {
                if (before == null) {
                    System.clearProperty("conv4j.winograd");
                } else {
                    System.setProperty("conv4j.winograd", before);
                }
            }
            System.out.printf("%s: worst err/tol winograd %.4f, direct %.4f%n", p, ratio, direct);
            assertTrue(ratio <= 0.1, p + ": worst error " + ratio + " of the conformance tolerance");
        }
    }

    private static double worstRatio(ConvProblem p) {
        SplittableRandom r = new SplittableRandom(p.hashCode());
        double bound = 1 / Math.sqrt(p.reductionLength());
        double[] x = uniform(r, Shapes.numel(p.inputShape()), 1);
        double[] w = uniform(r, Shapes.numel(p.weightShape()), bound);
        double[] b = uniform(r, p.outChannels(), bound);
        Tensor y = run(GEMM, p, DType.FLOAT32, x, w, b);
        Tensor want = run(ConvKernels.reference(), p, DType.FLOAT64, f32(x), f32(w), f32(b));
        Tensor scale = run(ConvKernels.reference(), p, DType.FLOAT64, abs(f32(x)), abs(f32(w)), abs(f32(b)));
        double absScale = 0;
        double err = 0;
        for (int i = 0; i < y.numel(); i++) {
            absScale = Math.max(absScale, scale.getDouble(i));
            err = Math.max(err, Math.abs(y.getDouble(i) - want.getDouble(i)));
        }
        double tol = 8 * Math.ulp(1.0f) * Math.sqrt(p.reductionLength() + 1) * absScale;
        return err / tol;
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
