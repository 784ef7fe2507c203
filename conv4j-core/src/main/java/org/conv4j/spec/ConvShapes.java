package org.conv4j.spec;

import org.conv4j.tensor.Shapes;

/**
 * Shape arithmetic of a convolution as pure functions: output length, the 'same' split, parameter, MAC and
 * FLOP counts. These assume a legal configuration; the layers check legality (with PyTorch's messages) before
 * they use them.
 */
public final class ConvShapes {
    private ConvShapes() {
    }

    /** The extent one kernel covers on the input: {@code dilation * (kernel - 1) + 1}. */
    public static int dilatedKernelSize(int kernelSize, int dilation) {
        return dilation * (kernelSize - 1) + 1;
    }

    /**
     * {@code L_out = floor((L + padBefore + padAfter - dilation * (K - 1) - 1) / stride) + 1}; the familiar
     * symmetric form has {@code padBefore = padAfter = padding}.
     */
    public static int outputSize(int inputSize, int kernelSize, int stride, int padBefore, int padAfter,
            int dilation) {
        long numerator = (long) inputSize + padBefore + padAfter - (long) dilation * (kernelSize - 1) - 1;
        return Shapes.size(Math.floorDiv(numerator, stride) + 1, "output size");
    }

    public static int outputSize(int inputSize, int kernelSize, int stride, int padding, int dilation) {
        return outputSize(inputSize, kernelSize, stride, padding, padding, dilation);
    }

    /**
     * The {@code {left, right}} zero padding of {@code padding='same'}.
     *
     * <p>Note [Same padding is asymmetric]: the total is {@code dilation * (kernel - 1)}. When it is odd (an even
     * kernel with odd dilation) PyTorch puts the extra element on the right: {@code left = total / 2},
     * {@code right = total - left}. Output length then equals input length for stride 1.
     */
    public static int[] samePadding(int kernelSize, int dilation) {
        int total = sameTotal(kernelSize, dilation);
        int left = Math.floorDiv(total, 2);
        return new int[] {left, total - left};
    }

    /**
     * The total padding {@code dilation * (kernel - 1)} of {@code padding='same'}; throws where it does not fit an
     * {@code int} (PyTorch's 64-bit sizes take it; no input conv4j can hold would be long enough to matter).
     */
    public static int sameTotal(int kernelSize, int dilation) {
        long total = (long) dilation * (kernelSize - 1);
        if (total != (int) total) {
            throw new IllegalArgumentException("padding='same' with dilation " + dilation + " and kernel size "
                    + kernelSize + " pads by " + total + " in all, more than conv4j can handle");
        }
        return (int) total;
    }

    /** Learnable parameters: the weight's elements plus {@code out_channels} with bias. */
    public static long parameterCount(ConvSpec spec) {
        long weights = 1;
        for (int s : spec.weightShape()) {
            weights *= s;
        }
        return weights + (spec.bias() ? spec.outChannels() : 0);
    }

    /**
     * Multiply-accumulates of one forward call producing {@code outputShape}: every output element sums
     * {@code in_channels / groups * prod(kernel_size)} products, so
     * {@code MACs = N * C_out * L_out * (C_in / groups) * K} for 1-D. Bias additions are not counted.
     */
    public static long macs(ConvSpec spec, int... outputShape) {
        long outputs = 1;
        for (int s : outputShape) {
            outputs *= s;
        }
        return outputs * Shapes.product(spec.weightShape(), 1);
    }

    /** FLOPs of one forward call: two per multiply-accumulate. */
    public static long flops(ConvSpec spec, int... outputShape) {
        return 2 * macs(spec, outputShape);
    }
}
