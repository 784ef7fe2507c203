package org.conv4j.explain;

import java.util.ArrayList;
import java.util.List;

import org.conv4j.kernel.ConvProblem;
import org.conv4j.nn.ConvNd;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.Shapes;
import org.conv4j.tensor.Tensor;
import org.conv4j.tensor.TensorMeta;

/**
 * One output element of a 1-D convolution taken apart into the sums that produce it:
 * {@code out[n, o, t] = bias[o] + sum over the group's input channels c of sum over taps k of
 * weight[o, c - firstChannel, k] * x_padded[n, c, t * stride + k * dilation]}, with every padded position traced
 * back to what fills it.
 *
 * @param layer        the layer explained
 * @param input        the input (batched {@code (N, C, L)} or unbatched {@code (C, L)})
 * @param n            batch index (0 for unbatched input)
 * @param o            output channel
 * @param t            output position
 * @param group        the group output channel {@code o} belongs to
 * @param firstChannel the first input channel of that group
 * @param padBefore    padded positions before input position 0
 * @param sources      for every position {@code j} of the padded signal ({@code j - padBefore} in input
 *                     coordinates), the input position whose value it holds, or -1 for a zero
 * @param terms        one entry per input channel of the group
 * @param bias         the bias added, or null without bias
 * @param byHand       the sum recomputed here in double precision
 * @param output       the layer's forward output for the whole input
 */
public record ElementExplanation(ConvNd layer, Tensor input, int n, int o, int t, int group, int firstChannel,
        int padBefore, int[] sources, List<ChannelTerm> terms, Double bias, double byHand, Tensor output) {

    /** Where a tap's input value comes from. */
    public enum Fill {
        /** A real input element. */
        INPUT,
        /** Zero padding. */
        ZERO,
        /** A padded position that copies an input element (reflect, replicate, circular). */
        COPY
    }

    /**
     * One tap of the kernel window.
     *
     * @param k        tap index
     * @param position position in input coordinates ({@code t * stride - padBefore + k * dilation}); outside
     *                 {@code [0, L)} for padding
     * @param fill     what fills the position
     * @param source   the input position whose value is used, or -1 for zero padding
     * @param x        the input value used
     * @param w        the weight
     */
    public record Tap(int k, int position, Fill fill, int source, double x, double w) {
        public double product() {
            return x * w;
        }
    }

    /** The window of one input channel and its dot product with the kernel row. */
    public record ChannelTerm(int channel, List<Tap> taps) {
        public double dot() {
            double s = 0;
            for (Tap tap : taps) {
                s += tap.product();
            }
            return s;
        }
    }

    /** Explains {@code layer.forward(input)[n, o, t]} (for unbatched input, {@code n} must be 0). */
    public static ElementExplanation of(ConvNd layer, Tensor input, int n, int o, int t) {
        ConvSpec spec = layer.spec();
        if (layer.spatialDims() != 1 || spec.rank() != 1) {
            throw new IllegalArgumentException("explain takes a Conv1d with a 1-D kernel apart; this layer has "
                    + "kernel_size " + Shapes.format(spec.kernelSize()));
        }
        ConvNd.Plan plan = layer.plan(TensorMeta.of(input));
        int[] outShape = plan.outputShape();
        boolean batched = input.dim() == 3;
        int[] out3 = batched ? outShape : Shapes.prepend(1, outShape);
        check(n, out3[0], "n", "batch size");
        check(o, out3[1], "o", "output channels");
        check(t, out3[2], "t", "output length");
        Tensor output = layer.forward(input);

        ConvProblem problem = plan.conv().conv().problem();
        int length = input.size(-1);
        int stride = problem.stride()[0];
        int dilation = problem.dilation()[0];
        // Zeros padding is virtual (the problem pads); other modes pad the input first and the problem pads nothing.
        int padBefore = plan.pad() == null ? problem.padBefore()[0] : spec.reversedPaddingRepeatedTwice()[0];
        int padded = length + (plan.pad() == null ? problem.padBefore()[0] + problem.padAfter()[0]
                : spec.reversedPaddingRepeatedTwice()[0] + spec.reversedPaddingRepeatedTwice()[1]);
        int[] sources = new int[padded];
        for (int j = 0; j < padded; j++) {
            int position = j - padBefore;
            sources[j] = plan.pad() != null ? plan.pad().source(0, j) : position >= 0 && position < length ? position
                    : -1;
        }
        int cg = spec.inChannelsPerGroup();
        int group = o / spec.outChannelsPerGroup();
        int firstChannel = group * cg;
        Tensor weight = layer.weight();
        List<ChannelTerm> terms = new ArrayList<>();
        for (int c = 0; c < cg; c++) {
            int channel = firstChannel + c;
            List<Tap> taps = new ArrayList<>();
            for (int k = 0; k < spec.kernelSize()[0]; k++) {
                int j = t * stride + k * dilation; // index into the padded signal
                int position = j - padBefore;
                int source = sources[j];
                Fill fill = source < 0 ? Fill.ZERO : source == position ? Fill.INPUT : Fill.COPY;
                double x = source < 0 ? 0.0 : batched ? input.get(n, channel, source) : input.get(channel, source);
                taps.add(new Tap(k, position, fill, source, x, weight.get(o, c, k)));
            }
            terms.add(new ChannelTerm(channel, List.copyOf(taps)));
        }
        Double bias = layer.bias() == null ? null : layer.bias().getDouble(o);
        double byHand = bias == null ? 0.0 : bias;
        for (ChannelTerm term : terms) {
            byHand += term.dot();
        }
        return new ElementExplanation(layer, input, n, o, t, group, firstChannel, padBefore, sources,
                List.copyOf(terms), bias,
                byHand, output);
    }

    private static void check(int value, int bound, String name, String what) {
        if (value < 0 || value >= bound) {
            throw new IllegalArgumentException(name + "=" + value + " is outside the output: " + what + " is " + bound);
        }
    }

    /** Padded positions after the last input position. */
    public int padAfter() {
        return sources.length - padBefore - input.size(-1);
    }

    /** The value the layer's forward pass computed for the element. */
    public double layerValue() {
        return output.dim() == 3 ? output.get(n, o, t) : output.get(o, t);
    }

    /** {@code input[n, channel, position]} ({@code input[channel, position]} for unbatched input). */
    public double input(int channel, int position) {
        return input.dim() == 3 ? input.get(n, channel, position) : input.get(channel, position);
    }

    /** {@code output[n, channel, position]} ({@code output[channel, position]} for unbatched input). */
    public double output(int channel, int position) {
        return output.dim() == 3 ? output.get(n, channel, position) : output.get(channel, position);
    }

    /** {@code |byHand - layerValue|}. */
    public double difference() {
        return Math.abs(byHand - layerValue());
    }
}
