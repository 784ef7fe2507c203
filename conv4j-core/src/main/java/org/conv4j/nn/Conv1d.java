package org.conv4j.nn;

import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.Tensor;
import org.conv4j.tensor.TensorMeta;

/**
 * {@code torch.nn.Conv1d}: input {@code (N, C_in, *spatial)} or unbatched {@code (C_in, *spatial)} with 1
 * spatial dimension(s) (as PyTorch, the kernel's length decides the weight's rank), weight
 * {@code (C_out, C_in / groups, *kernel_size)}, bias {@code (C_out)}. Each output length is
 * {@code floor((L + 2 * padding - dilation * (kernel_size - 1) - 1) / stride) + 1}.
 */
public final class Conv1d extends ConvNd {

    private Conv1d(ConvSpec spec, Tensor weight, Tensor bias) {
        super(1, spec, weight, bias);
    }

    /**
     * A layer initialised as {@code torch.manual_seed(seed); nn.Conv1d(...)} would be: weight and bias uniform in
     * {@code ±1/sqrt(fan_in)}, drawn from PyTorch's generator (see {@link TorchGenerator}).
     */
    public static Conv1d create(ConvSpec spec, long seed) {
        Tensor[] p = new TorchGenerator(seed).kaimingInit(spec.dtype(), spec.weightShape(), spec.biasShape());
        return new Conv1d(spec, p[0], p[1]);
    }

    /** A layer with the given parameters (copied); {@code bias} must be null exactly when the spec has no bias. */
    public static Conv1d of(ConvSpec spec, Tensor weight, Tensor bias) {
        return new Conv1d(spec, weight, bias);
    }

    /**
     * The output shape of a {@code Conv1d(spec)} for an input of this shape in the spec's dtype, checked as a
     * forward call would be, without making the layer (its weight may be too large to allocate).
     */
    public static int[] outputShape(ConvSpec spec, int... inputShape) {
        return plan(1, spec, new TensorMeta(inputShape, spec.dtype())).outputShape();
    }

    @Override
    public Conv1d withParameters(Tensor weight, Tensor bias) {
        return new Conv1d(spec(), weight, bias);
    }
}
