package org.conv4j.nn;

import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.Tensor;

/**
 * {@code torch.nn.Conv2d}: input {@code (N, C_in, *spatial)} or unbatched {@code (C_in, *spatial)} with 2
 * spatial dimension(s) (as PyTorch, the kernel's length decides the weight's rank), weight
 * {@code (C_out, C_in / groups, *kernel_size)}, bias {@code (C_out)}. Each output length is
 * {@code floor((L + 2 * padding - dilation * (kernel_size - 1) - 1) / stride) + 1}.
 */
public final class Conv2d extends ConvNd {

    private Conv2d(ConvSpec spec, Tensor weight, Tensor bias) {
        super(2, spec, weight, bias);
    }

    /**
     * A layer initialised as {@code torch.manual_seed(seed); nn.Conv2d(...)} would be: weight and bias uniform in
     * {@code ±1/sqrt(fan_in)}, drawn from PyTorch's generator (see {@link TorchGenerator}).
     */
    public static Conv2d create(ConvSpec spec, long seed) {
        Tensor[] p = new TorchGenerator(seed).kaimingInit(spec.dtype(), spec.weightShape(), spec.biasShape());
        return new Conv2d(spec, p[0], p[1]);
    }

    /** A layer with the given parameters (copied); {@code bias} must be null exactly when the spec has no bias. */
    public static Conv2d of(ConvSpec spec, Tensor weight, Tensor bias) {
        return new Conv2d(spec, weight, bias);
    }

    @Override
    public Conv2d withParameters(Tensor weight, Tensor bias) {
        return new Conv2d(spec(), weight, bias);
    }
}
