package org.conv4j.kernel;

import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;

/**
 * One implementation of a convolution's four computations. Callers have checked everything (shapes, dtypes,
 * parameters) and pass contiguous tensors of one dtype shaped as {@link ConvProblem} describes; results go into
 * pre-allocated tensors, every element of which the kernel overwrites.
 */
public interface ConvKernel {

    /** A short name for logs and tests, e.g. {@code reference}. */
    String name();

    /**
     * What computes this problem's forward pass, for logs, tests and benchmarks: {@link #name()}, or where a kernel
     * has several algorithms the one it picks (e.g. {@code winograd-f2x3/vector512}).
     */
    default String forwardAlgorithm(ConvProblem problem, DType dtype) {
        return name();
    }

    /** Whether this kernel computes this problem in this dtype. The reference kernel supports everything. */
    boolean supports(ConvProblem problem, DType dtype);

    /** {@code output = conv(input, weight) + bias}; {@code bias} may be null. */
    void forward(ConvProblem problem, Tensor input, KernelWeight weight, Tensor bias, Tensor output);

    /** {@code gradInput = d(output)/d(input)^T . gradOutput}: the gradient with respect to the (zero-padded) input. */
    void backwardInput(ConvProblem problem, Tensor gradOutput, KernelWeight weight, Tensor gradInput);

    /**
     * {@code gradWeight[o, c, k] = sum over n, t of gradOutput[n, o, t] * input[n, c', t * stride - pad + k * dilation]}
     * where {@code c'} is input channel {@code c} of output channel {@code o}'s group.
     */
    void backwardWeight(ConvProblem problem, Tensor input, Tensor gradOutput, Tensor gradWeight);

    /** {@code gradBias[o] = sum over n, t of gradOutput[n, o, t]}. */
    void backwardBias(ConvProblem problem, Tensor gradOutput, Tensor gradBias);
}
