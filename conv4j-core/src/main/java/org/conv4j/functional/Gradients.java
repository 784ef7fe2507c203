package org.conv4j.functional;

import org.conv4j.tensor.Tensor;

/**
 * The vector-Jacobian products of a convolution for one {@code gradOutput}: what PyTorch's
 * {@code output.backward(grad_output)} leaves in {@code input.grad}, {@code weight.grad} and {@code bias.grad}.
 * A gradient that was not requested (or a bias that does not exist) is null.
 */
public record Gradients(Tensor gradInput, Tensor gradWeight, Tensor gradBias) {
}
