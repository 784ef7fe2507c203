package org.conv4j.kernel;

import java.util.Arrays;

import org.conv4j.tensor.Shapes;

/**
 * The geometry a kernel computes: a batched, zero-padded N-d convolution (1, 2 or 3 spatial dimensions) whose
 * parameters have all been checked. Layouts are contiguous row-major:
 * input {@code (N, C_in, *inputSize)}, weight {@code (C_out, C_in/G, *kernelSize)}, bias {@code (C_out)},
 * output {@code (N, C_out, *outputSize)}.
 *
 * <p>Padding may differ per side ({@code 'same'} with an even kernel pads one more on the right); other padding
 * modes are applied to the input before a kernel sees it. Position {@code t} of the output reads input position
 * {@code t * stride - padBefore + k * dilation} for tap {@code k}.
 *
 * @param batch       N
 * @param inChannels  C_in
 * @param outChannels C_out
 * @param groups      G; C_in and C_out are multiples of it
 * @param inputSize   spatial input sizes
 * @param kernelSize  spatial kernel sizes (all positive)
 * @param stride      per dimension (all positive)
 * @param padBefore   zeros before the input, per dimension (non-negative)
 * @param padAfter    zeros after the input, per dimension (non-negative)
 * @param dilation    per dimension (all positive)
 * @param outputSize  spatial output sizes (all positive)
 */
public record ConvProblem(int batch, int inChannels, int outChannels, int groups, int[] inputSize,
        int[] kernelSize, int[] stride, int[] padBefore, int[] padAfter, int[] dilation, int[] outputSize) {

    public ConvProblem {
        inputSize = inputSize.clone();
        kernelSize = kernelSize.clone();
        stride = stride.clone();
        padBefore = padBefore.clone();
        padAfter = padAfter.clone();
        dilation = dilation.clone();
        outputSize = outputSize.clone();
        int r = kernelSize.length;
        if (r < 1 || r > 3 || inputSize.length != r || stride.length != r || padBefore.length != r
                || padAfter.length != r || dilation.length != r || outputSize.length != r) {
            throw new IllegalArgumentException("inconsistent ranks in " + this);
        }
        if (groups <= 0 || inChannels % groups != 0 || outChannels % groups != 0 || batch < 0) {
            throw new IllegalArgumentException("bad channel grouping in " + this);
        }
        for (int d = 0; d < r; d++) {
            if (kernelSize[d] <= 0 || stride[d] <= 0 || dilation[d] <= 0 || padBefore[d] < 0 || padAfter[d] < 0
                    || outputSize[d] <= 0) {
                throw new IllegalArgumentException("illegal geometry in " + this);
            }
        }
    }

    /** Number of spatial dimensions. */
    public int rank() {
        return kernelSize.length;
    }

    public int inChannelsPerGroup() {
        return inChannels / groups;
    }

    public int outChannelsPerGroup() {
        return outChannels / groups;
    }

    /** Products summed into one output element, bias excluded: {@code C_in/G * prod(kernelSize)}. */
    public int reductionLength() {
        return inChannelsPerGroup() * Shapes.product(kernelSize, 0);
    }

    public int[] inputShape() {
        return Shapes.prepend(batch, Shapes.prepend(inChannels, inputSize));
    }

    public int[] weightShape() {
        return Shapes.prepend(outChannels, Shapes.prepend(inChannelsPerGroup(), kernelSize));
    }

    public int[] outputShape() {
        return Shapes.prepend(batch, Shapes.prepend(outChannels, outputSize));
    }

    @Override
    public int[] inputSize() {
        return inputSize.clone();
    }

    @Override
    public int[] kernelSize() {
        return kernelSize.clone();
    }

    @Override
    public int[] stride() {
        return stride.clone();
    }

    @Override
    public int[] padBefore() {
        return padBefore.clone();
    }

    @Override
    public int[] padAfter() {
        return padAfter.clone();
    }

    @Override
    public int[] dilation() {
        return dilation.clone();
    }

    @Override
    public int[] outputSize() {
        return outputSize.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvProblem p && batch == p.batch && inChannels == p.inChannels
                && outChannels == p.outChannels && groups == p.groups && Arrays.equals(inputSize, p.inputSize)
                && Arrays.equals(kernelSize, p.kernelSize) && Arrays.equals(stride, p.stride)
                && Arrays.equals(padBefore, p.padBefore) && Arrays.equals(padAfter, p.padAfter)
                && Arrays.equals(dilation, p.dilation) && Arrays.equals(outputSize, p.outputSize);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(new Object[] {batch, inChannels, outChannels, groups, inputSize, kernelSize,
                stride, padBefore, padAfter, dilation, outputSize});
    }

    @Override
    public String toString() {
        return "ConvProblem[N=" + batch + ", C_in=" + inChannels + ", C_out=" + outChannels + ", G=" + groups
                + ", in=" + Arrays.toString(inputSize) + ", K=" + Arrays.toString(kernelSize) + ", S="
                + Arrays.toString(stride) + ", P=" + Arrays.toString(padBefore) + "/" + Arrays.toString(padAfter)
                + ", D=" + Arrays.toString(dilation) + ", out=" + Arrays.toString(outputSize) + "]";
    }
}
