package org.conv4j.kernel;

import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;

/**
 * The oracle: plain loops over the definition, with no tiling, threads or SIMD. It supports every problem, is
 * the fallback of every selection and the yardstick every fast kernel is tested against. Keep it this simple.
 *
 * <p>Note [Reference accumulation]: every sum is accumulated in double precision in one fixed order (the order
 * of {@link #forEachProduct}; bias first) and rounded once to the tensor's dtype. In float32 that is at least
 * as accurate as PyTorch's float32 kernels, so the two agree within the conformance tolerance, which scales
 * with {@code sqrt(terms)}.
 *
 * <p>1-D and 2-D problems run as 3-D ones with leading spatial dimensions of size 1, as ATen views a 1-D
 * convolution as a 2-D one.
 */
public final class ReferenceConvKernel implements ConvKernel {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public boolean supports(ConvProblem problem, DType dtype) {
        return true;
    }

    /** The problem with every spatial array padded at the front to three dimensions. */
    private record Geometry(int n, int cIn, int cOut, int g, int[] in, int[] k, int[] s, int[] p, int[] d,
            int[] out) {
        static Geometry of(ConvProblem pr) {
            return new Geometry(pr.batch(), pr.inChannels(), pr.outChannels(), pr.groups(),
                    to3d(pr.inputSize(), 1), to3d(pr.kernelSize(), 1), to3d(pr.stride(), 1),
                    to3d(pr.padBefore(), 0), to3d(pr.dilation(), 1), to3d(pr.outputSize(), 1));
        }

        private static int[] to3d(int[] a, int fill) {
            int[] r = {fill, fill, fill};
            System.arraycopy(a, 0, r, 3 - a.length, a.length);
            return r;
        }

        int cInG() {
            return cIn / g;
        }

        int cOutG() {
            return cOut / g;
        }

        int inIndex(int n, int c, int z, int y, int x) {
            return (((n * cIn + c) * in[0] + z) * in[1] + y) * in[2] + x;
        }

        int weightIndex(int o, int c, int kz, int ky, int kx) {
            return (((o * cInG() + c) * k[0] + kz) * k[1] + ky) * k[2] + kx;
        }

        int outIndex(int n, int o, int z, int y, int x) {
            return (((n * cOut + o) * out[0] + z) * out[1] + y) * out[2] + x;
        }

        /** Input coordinate that output position {@code t} reads with tap {@code tap} in dimension {@code dim}. */
        int source(int dim, int t, int tap) {
            return t * s[dim] - p[dim] + tap * d[dim];
        }
    }

    /** One product of the definition: {@code out[outIndex] += weight[weightIndex] * in[inIndex]}. */
    @FunctionalInterface
    private interface Product {
        void accept(int outIndex, int weightIndex, int inIndex);
    }

    /**
     * Enumerates every product of the definition once, skipping taps that fall on zero padding, in one fixed
     * order: batch, output channel, output position, input channel of the group, kernel tap. Forward and both
     * weight-side and input-side gradients are this one enumeration with a different accumulation.
     */
    private static void forEachProduct(Geometry q, Product product) {
        for (int n = 0; n < q.n; n++) {
            for (int o = 0; o < q.cOut; o++) {
                int firstChannel = (o / q.cOutG()) * q.cInG();
                for (int tz = 0; tz < q.out[0]; tz++) {
                    for (int ty = 0; ty < q.out[1]; ty++) {
                        for (int tx = 0; tx < q.out[2]; tx++) {
                            int out = q.outIndex(n, o, tz, ty, tx);
                            for (int c = 0; c < q.cInG(); c++) {
                                for (int kz = 0; kz < q.k[0]; kz++) {
                                    int iz = q.source(0, tz, kz);
                                    if (iz < 0 || iz >= q.in[0]) {
                                        continue;
                                    }
                                    for (int ky = 0; ky < q.k[1]; ky++) {
                                        int iy = q.source(1, ty, ky);
                                        if (iy < 0 || iy >= q.in[1]) {
                                            continue;
                                        }
                                        for (int kx = 0; kx < q.k[2]; kx++) {
                                            int ix = q.source(2, tx, kx);
                                            if (ix < 0 || ix >= q.in[2]) {
                                                continue;
                                            }
                                            product.accept(out, q.weightIndex(o, c, kz, ky, kx),
                                                    q.inIndex(n, firstChannel + c, iz, iy, ix));
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public void forward(ConvProblem problem, Tensor input, KernelWeight weight, Tensor bias, Tensor output) {
        Geometry q = Geometry.of(problem);
        double[] x = input.toDoubleArray();
        double[] w = weight.tensor().toDoubleArray();
        double[] y = new double[output.numel()];
        if (bias != null) {
            // Bias first, then the products: see Note [Reference accumulation].
            int plane = q.out[0] * q.out[1] * q.out[2];
            for (int i = 0; i < y.length; i++) {
                y[i] = bias.getDouble((i / plane) % q.cOut);
            }
        }
        forEachProduct(q, (out, wi, in) -> y[out] += w[wi] * x[in]);
        store(y, output);
    }

    @Override
    public void backwardInput(ConvProblem problem, Tensor gradOutput, KernelWeight weight, Tensor gradInput) {
        Geometry q = Geometry.of(problem);
        double[] gy = gradOutput.toDoubleArray();
        double[] w = weight.tensor().toDoubleArray();
        double[] gx = new double[gradInput.numel()];
        // The adjoint of forward: every product w * x there sends w * gradOutput back to that x.
        forEachProduct(q, (out, wi, in) -> gx[in] += w[wi] * gy[out]);
        store(gx, gradInput);
    }

    @Override
    public void backwardWeight(ConvProblem problem, Tensor input, Tensor gradOutput, Tensor gradWeight) {
        Geometry q = Geometry.of(problem);
        double[] x = input.toDoubleArray();
        double[] gy = gradOutput.toDoubleArray();
        double[] gw = new double[gradWeight.numel()];
        forEachProduct(q, (out, wi, in) -> gw[wi] += gy[out] * x[in]);
        store(gw, gradWeight);
    }

    @Override
    public void backwardBias(ConvProblem problem, Tensor gradOutput, Tensor gradBias) {
        Geometry q = Geometry.of(problem);
        double[] gy = gradOutput.toDoubleArray();
        int plane = q.out[0] * q.out[1] * q.out[2];
        double[] gb = new double[q.cOut];
        for (int n = 0; n < q.n; n++) {
            for (int o = 0; o < q.cOut; o++) {
                for (int t = 0; t < plane; t++) {
                    gb[o] += gy[(n * q.cOut + o) * plane + t];
                }
            }
        }
        store(gb, gradBias);
    }

    /** Rounds the double results once into the destination's dtype. */
    private static void store(double[] values, Tensor dst) {
        if (dst.dtype() == DType.FLOAT64) {
            System.arraycopy(values, 0, dst.doubleData(), 0, values.length);
        } else {
            float[] f = dst.floatData();
            for (int i = 0; i < values.length; i++) {
                f[i] = (float) values[i];
            }
        }
    }
}
