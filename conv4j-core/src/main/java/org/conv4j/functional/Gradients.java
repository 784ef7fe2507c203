package org.conv4j.functional;

import java.util.Set;

import org.conv4j.tensor.Tensor;

/**
 * The vector-Jacobian products of a convolution for one {@code gradOutput}: what PyTorch's
 * {@code output.backward(grad_output)} leaves in {@code input.grad}, {@code weight.grad} and {@code bias.grad}.
 * A gradient that was not requested (or a bias that does not exist) is null.
 */
public record Gradients(Tensor gradInput, Tensor gradWeight, Tensor gradBias) {

    /** Fresh tensors for the wanted gradients of a call on {@code input} with these parameters; null for the others. */
    public static Gradients allocate(Set<Grad> wanted, Tensor input, Tensor weight, Tensor bias) {
        return new Gradients(
                wanted.contains(Grad.INPUT) ? Tensor.zeros(input.dtype(), input.shape()) : null,
                wanted.contains(Grad.WEIGHT) ? Tensor.zeros(weight.dtype(), weight.shape()) : null,
                wanted.contains(Grad.BIAS) && bias != null ? Tensor.zeros(bias.dtype(), bias.shape()) : null);
    }
}
