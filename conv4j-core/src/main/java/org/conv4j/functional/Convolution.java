package org.conv4j.functional;

import static org.conv4j.ConvException.check;

import org.conv4j.ConvException;
import org.conv4j.functional.ConvChecks.TorchBackend;
import org.conv4j.kernel.ConvKernel;
import org.conv4j.kernel.ConvKernels;
import org.conv4j.kernel.ConvProblem;
import org.conv4j.kernel.KernelWeight;
import org.conv4j.spec.ConvShapes;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Shapes;
import org.conv4j.tensor.Tensor;
import org.conv4j.tensor.TensorMeta;

/**
 * The N-dimensional core shared by every layer and functional call, mirroring {@code at::convolution}: it plans
 * a call on a batched input {@code (N, C, *spatial)} (all checks, output shape) and then runs it on the selected
 * kernel, into result tensors the caller provides ({@link Functional} allocates them). The spatial rank comes
 * from the weight, so a 4-D weight makes a 2-D convolution whatever built it.
 */
public final class Convolution {
    private Convolution() {
    }

    /** Plans {@code at::convolution(input, weight, bias, stride, padding, dilation, groups)}. */
    public static ConvPlan plan(TensorMeta input, TensorMeta weight, TensorMeta bias, int[] stride, int[] padding,
            int[] dilation, int groups) {
        return plan(input, weight, bias, stride, padding, dilation, groups, null);
    }

    /**
     * Plans {@code at::_convolution}. {@code extraPadAfter}, when set, says that the last so many positions of each
     * spatial dimension of {@code input} are zeros PyTorch added in front of this call ({@code 'same'} padding with
     * an odd total): checks see them as PyTorch does, kernels pad them virtually instead of copying the input.
     */
    private static ConvPlan plan(TensorMeta input, TensorMeta weight, TensorMeta bias, int[] stride, int[] padding,
            int[] dilation, int groups, int[] extraPadAfter) {
        int k = weight.dim();
        int dims = k - 2;
        check(dims > 0, () -> "weight should have at least three dimensions");
        check(groups > 0, () -> "non-positive groups is not supported");
        int[] s = ConvChecks.expandParam(stride, "stride", dims);
        int[] p = ConvChecks.expandParam(padding, "padding", dims);
        int[] d = ConvChecks.expandParam(dilation, "dilation", dims);
        int[] w = weight.shape();
        ConvChecks.checkShapeForward(input, w, bias, s, p, d, groups);

        // ATen views a 1-D convolution as a 2-D one of height 1; backend choice and messages see that view.
        int[] in = input.shape();
        int[] viewIn = k == 3 ? insertOne(in) : in;
        int[] viewW = k == 3 ? insertOne(w) : w;
        int[] viewS = k == 3 ? Shapes.prepend(1, s) : s;
        int[] viewD = k == 3 ? Shapes.prepend(1, d) : d;
        TorchBackend backend = TorchBackend.select(viewIn, input.dtype(), viewW, viewS, viewD, groups);
        backend.checkCall(input.dtype(), weight.dtype(), bias == null ? null : bias.dtype(), viewW, viewD);

        int[] outSize = new int[dims];
        for (int i = 0; i < dims; i++) {
            // conv_output_size; the shape check above keeps the numerator non-negative.
            long extent = (long) d[i] * (w[i + 2] - 1) + 1;
            outSize[i] = Shapes.size((in[i + 2] + 2L * p[i] - extent) / s[i] + 1, "output size");
        }
        if (backend == TorchBackend.EMPTY) {
            // ATen's empty path multiplies the empty input by the flattened weight (no channels) or by its first
            // element (no batch), so: an input without channels gives an output without channels, whatever
            // out_channels is; dtypes promote only in the first form; the second needs a weight element.
            int channels = in[1] == 0 ? 0 : w[0];
            if (in[1] != 0 && weight.numel() == 0) {
                throw new ConvException(ConvException.PythonType.IndexError,
                        "select(): index 0 out of range for tensor of size [0] at dimension 0");
            }
            DType dtype = in[1] == 0 ? DType.promote(input.dtype(), weight.dtype()) : input.dtype();
            return new ConvPlan(null, Shapes.prepend(in[0], Shapes.prepend(channels, outSize)), dtype);
        }
        int[] inSize = new int[dims];
        int[] padAfter = new int[dims];
        for (int i = 0; i < dims; i++) {
            int extra = extraPadAfter == null ? 0 : extraPadAfter[i];
            inSize[i] = in[i + 2] - extra;
            padAfter[i] = p[i] + extra;
        }
        int[] kernel = java.util.Arrays.copyOfRange(w, 2, k);
        ConvProblem problem = new ConvProblem(in[0], in[1], w[0], groups, inSize, kernel, s, p, padAfter, d,
                outSize);
        return new ConvPlan(problem, problem.outputShape(), input.dtype());
    }

    /**
     * Plans {@code padding='same'} ({@code at::_convolution_mode}): total padding {@code dilation * (kernel - 1)}
     * per dimension, the odd element on the right (Note [Same padding is asymmetric] in
     * {@link ConvShapes#samePadding}).
     */
    public static ConvPlan planSame(TensorMeta input, TensorMeta weight, TensorMeta bias, int[] stride,
            int[] dilation, int groups) {
        int k = weight.dim();
        check(k > 2, () -> "weight should have at least three dimensions");
        int dims = k - 2;
        // (No space before the shape: this is PyTorch's message for the 'same' path.)
        check(k == input.dim(), () -> "Expected " + k + "-dimensional input for " + k + "-dimensional weight"
                + weight.shapeString() + ", but got " + input.dim() + "-dimensional input of size "
                + input.shapeString() + " instead");
        check(stride.length == dims || stride.length == 1, () -> "stride cannot broadcast to " + dims + " dimensions");
        check(dilation.length == dims || dilation.length == 1,
                () -> "dilation cannot broadcast to " + dims + " dimensions");
        for (int s : stride) {
            check(s == 1, () -> "padding='same' is not supported for strided convolutions");
        }
        int[] left = new int[dims];
        int[] extra = new int[dims];
        int[] in = input.shape();
        boolean symmetric = true;
        for (int i = 0; i < dims; i++) {
            int d = dilation.length == 1 ? dilation[0] : dilation[i];
            int total = ConvShapes.sameTotal(weight.size(i + 2), d);
            int l = total / 2; // C++ division: truncates towards zero, also for the negative totals of kernel 0
            int r = total - l;
            left[i] = l;
            if (r > l) {
                extra[i] = r - l;
                in[i + 2] += r - l;
                symmetric = false;
            } else if (r < l) {
                // Only for a negative total (kernel 0 or negative dilation): PyTorch crops the input, then the
                // negative padding that remains is rejected.
                int size = in[i + 2];
                int start = l - r;
                if (size < start) {
                    checkNarrow(size, start);
                }
                in[i + 2] = size - start;
                left[i] = r;
            }
        }
        TensorMeta padded = new TensorMeta(in, input.dtype());
        return plan(padded, weight, bias, stride, left, dilation, groups, symmetric ? null : extra);
    }

    /** The checks of {@code narrow(dim, start, size - start)} when the input is shorter than {@code start}. */
    private static void checkNarrow(int size, int start) {
        int range = Math.max(size, 1);
        if (start != size && start >= range) {
            throw new ConvException(ConvException.PythonType.IndexError, "Dimension out of range (expected to be "
                    + "in range of [" + (-range) + ", " + (range - 1) + "], but got " + start + ")");
        }
        throw ConvException.runtimeError("start (" + start + ") + length (" + (size - start)
                + ") exceeds dimension size (" + size + ").");
    }

    /**
     * Computes a planned call into {@code out}, which must have the plan's output shape and dtype; every element
     * is overwritten. Lets a caller reuse its buffers instead of allocating (and zeroing) a result per call.
     */
    public static void forwardInto(ConvPlan plan, Tensor input, KernelWeight weight, Tensor bias, Tensor out) {
        checkTarget(out, plan.outputDType(), plan.outputShape(), "out");
        if (plan.isEmpty()) {
            return; // an empty result has nothing to write
        }
        ConvProblem p = plan.problem();
        // The CPU path PyTorch takes here casts a bias of another dtype to the input's.
        Tensor b = bias == null ? null : bias.to(input.dtype());
        kernel(p, input.dtype()).forward(p, input, weight, b, out);
    }

    /**
     * The gradients of a planned call into the non-null tensors of {@code into} (shaped like the input, the weight
     * and the bias); every element of them is overwritten.
     */
    public static void backwardInto(ConvPlan plan, Tensor input, KernelWeight weight, Tensor bias,
            Tensor gradOutput, Gradients into) {
        Tensor w = weight.tensor();
        Tensor gi = into.gradInput();
        Tensor gw = into.gradWeight();
        Tensor gb = bias == null ? null : into.gradBias();
        if (gi != null) {
            checkTarget(gi, input.dtype(), input.shape(), "grad_input");
        }
        if (gw != null) {
            checkTarget(gw, w.dtype(), w.shape(), "grad_weight");
        }
        if (gb != null) {
            checkTarget(gb, bias.dtype(), bias.shape(), "grad_bias");
        }
        if (plan.isEmpty()) {
            for (Tensor t : new Tensor[] {gi, gw, gb}) {
                if (t != null) {
                    zero(t);
                }
            }
            return;
        }
        ConvProblem p = plan.problem();
        DType dtype = input.dtype();
        ConvKernel kernel = kernel(p, dtype);
        Tensor gy = gradOutput.to(dtype);
        if (gi != null) {
            kernel.backwardInput(p, gy, weight, gi);
        }
        if (gw != null) {
            kernel.backwardWeight(p, input, gy, gw);
        }
        if (gb != null) {
            if (bias.dtype() == dtype) {
                kernel.backwardBias(p, gy, gb);
            } else {
                Tensor g = Tensor.zeros(dtype, p.outChannels());
                kernel.backwardBias(p, gy, g);
                copy(g.to(bias.dtype()), gb);
            }
        }
    }

    /** Throws unless {@code t} has this dtype and shape (a caller-supplied result buffer). */
    static void checkTarget(Tensor t, DType dtype, int[] shape, String name) {
        if (t.dtype() != dtype || !t.hasShape(shape)) {
            throw new IllegalArgumentException(name + " must be " + dtype + " of size " + Shapes.format(shape)
                    + ", got " + t.dtype() + " of size " + t.shapeString());
        }
    }

    private static void zero(Tensor t) {
        if (t.dtype() == DType.FLOAT32) {
            java.util.Arrays.fill(t.floatData(), 0f);
        } else {
            java.util.Arrays.fill(t.doubleData(), 0.0);
        }
    }

    private static void copy(Tensor from, Tensor to) {
        if (to.dtype() == DType.FLOAT32) {
            System.arraycopy(from.floatData(), 0, to.floatData(), 0, to.numel());
        } else {
            System.arraycopy(from.doubleData(), 0, to.doubleData(), 0, to.numel());
        }
    }

    private static ConvKernel kernel(ConvProblem p, DType dtype) {
        return ConvKernels.select(p, dtype);
    }

    private static int[] insertOne(int[] shape) {
        int[] r = new int[shape.length + 1];
        r[0] = shape[0];
        r[1] = shape[1];
        r[2] = 1;
        System.arraycopy(shape, 2, r, 3, shape.length - 2);
        return r;
    }
}
