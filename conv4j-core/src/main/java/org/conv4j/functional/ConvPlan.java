package org.conv4j.functional;

import org.conv4j.kernel.ConvProblem;
import org.conv4j.tensor.DType;

/**
 * A checked {@code at::convolution} call on a batched input: the problem a kernel computes, or, when the input
 * has no batch or no channels, an empty result of known shape (PyTorch's "Empty" backend).
 *
 * @param problem     the geometry, or null for an empty result
 * @param outputShape the batched output shape
 * @param outputDType the result's dtype
 */
public record ConvPlan(ConvProblem problem, int[] outputShape, DType outputDType) {
    public ConvPlan {
        outputShape = outputShape.clone();
    }

    @Override
    public int[] outputShape() {
        return outputShape.clone();
    }

    /** Whether the result has no elements and nothing needs computing. */
    public boolean isEmpty() {
        return problem == null;
    }
}
