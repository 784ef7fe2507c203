package org.conv4j.explain;

import java.util.ArrayList;
import java.util.List;

import org.conv4j.ConvException;
import org.conv4j.nn.Conv1d;
import org.conv4j.spec.ConvShapes;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.Shapes;

/**
 * Shapes, parameters, MACs, FLOPs and receptive field of every layer of a stack, the numbers {@code torchinfo}'s
 * summary gives, plus how the receptive field grows.
 *
 * <p>Receptive field: the input positions one output position can see. Each convolution or pooling layer widens it
 * by {@code dilation * (kernel - 1) * jump}, where {@code jump} (the product of the strides before it) is the
 * distance, in input positions, between neighbouring positions of the layer's input. A Flatten or Linear layer
 * sees its whole input.
 */
public final class StackSummary {
    /** {@link Row#receptiveField} of a layer that sees its whole input. */
    public static final long ALL = -1;

    private StackSummary() {
    }

    /**
     * One layer's row.
     *
     * @param index          position in the stack, from 1
     * @param layer          the layer
     * @param inputShape     its input
     * @param outputShape    its output
     * @param weightShape    its weight, or null
     * @param biasShape      its bias, or null
     * @param params         learnable parameters
     * @param macs           multiply-accumulates of one forward pass
     * @param receptiveField input positions one output position sees, or {@link #ALL}
     * @param jump           input positions between neighbouring output positions
     * @param growth         what this layer added to the receptive field, worked out (empty when nothing)
     */
    public record Row(int index, StackLayer layer, int[] inputShape, int[] outputShape, int[] weightShape,
            int[] biasShape, long params, long macs, long receptiveField, long jump, String growth) {
        public long flops() {
            return 2 * macs;
        }
    }

    /**
     * The rows of a stack on an input of {@code inputShape} ({@code (N, C, L)} or {@code (C, L)}). A layer that
     * cannot take its input fails with PyTorch's message, prefixed with the layer: {@code layers[2] (Conv1d): ...}.
     */
    public static List<Row> of(int[] inputShape, List<StackLayer> layers) {
        List<Row> rows = new ArrayList<>();
        Row previous = new Row(0, null, null, inputShape.clone(), null, null, 0, 0, 1, 1, "");
        for (int i = 0; i < layers.size(); i++) {
            StackLayer layer = layers.get(i);
            try {
                previous = row(i + 1, layer, previous);
            } catch (ConvException e) {
                // PyTorch's message alone does not say which layer.
                throw new ConvException(e.pythonType(), "layers[" + i + "] (" + layer.type() + "): " + e.getMessage());
            }
            rows.add(previous);
        }
        return rows;
    }

    private static Row row(int index, StackLayer layer, Row previous) {
        int[] in = previous.outputShape();
        long rf = previous.receptiveField();
        long jump = previous.jump();
        return switch (layer) {
            case StackLayer.Conv1d c -> {
                ConvSpec s = c.spec();
                // The layer's own checks give PyTorch's message for a bad input (channels, length, rank).
                int[] out = Conv1d.outputShape(s, in);
                Window w = s.rank() == 1 ? grow(rf, jump, s.kernelSize()[0], s.stride()[0], s.dilation()[0])
                        : new Window(ALL, jump, "all");
                yield new Row(index, layer, in, out, s.weightShape(), s.biasShape(), ConvShapes.parameterCount(s),
                        ConvShapes.macs(s, out), w.rf(), w.jump(), w.growth());
            }
            case StackLayer.Elementwise e -> new Row(index, layer, in, in, null, null, 0, 0, rf, jump, "");
            case StackLayer.Pool1d p -> {
                int[] out = in.clone();
                out[out.length - 1] = p.type().equals("MaxPool1d") ? maxPoolLength(in, p) : avgPoolLength(in, p);
                Window w = grow(rf, jump, p.kernelSize(), p.stride(), p.dilation());
                yield new Row(index, layer, in, out, null, null, 0, 0, w.rf(), w.jump(), w.growth());
            }
            case StackLayer.Flatten f -> {
                if (in.length < 2) { // nn.Flatten() is flatten(start_dim=1)
                    throw new ConvException(ConvException.PythonType.IndexError, "Dimension out of range (expected "
                            + "to be in range of [-1, 0], but got 1)");
                }
                yield new Row(index, layer, in, new int[] {in[0], Shapes.product(in, 1)}, null, null, 0, 0, ALL,
                        jump, "all");
            }
            case StackLayer.Linear lin -> {
                int last = in[in.length - 1];
                if (last != lin.inFeatures()) {
                    throw ConvException.runtimeError("mat1 and mat2 shapes cannot be multiplied ("
                            + Shapes.numel(in) / Math.max(1, last) + "x" + last + " and " + lin.inFeatures() + "x"
                            + lin.outFeatures() + ")");
                }
                int[] out = in.clone();
                out[out.length - 1] = lin.outFeatures();
                long params = (long) lin.inFeatures() * lin.outFeatures() + (lin.bias() ? lin.outFeatures() : 0);
                yield new Row(index, layer, in, out, new int[] {lin.outFeatures(), lin.inFeatures()},
                        lin.bias() ? new int[] {lin.outFeatures()} : null, params,
                        (long) Shapes.numel(out) * lin.inFeatures(), ALL, jump, "all");
            }
        };
    }

    /** {@code F.max_pool1d}'s checks and output length, in PyTorch 1.13's order and words. */
    private static int maxPoolLength(int[] in, StackLayer.Pool1d p) {
        boolean ok = (in.length == 2 || in.length == 3) && nonZeroFrom(in, in.length == 3 ? 1 : 0);
        ConvException.check(ok, () -> "max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch "
                + "size for input, but got:" + Shapes.format(in));
        int k = p.kernelSize();
        ConvException.check(k > 0, () -> "max_pool1d() kernel_size must be greater than zero, but got " + k);
        ConvException.check(p.stride() > 0, () -> "max_pool1d() stride must be greater than zero, but got "
                + p.stride());
        ConvException.check(p.padding() >= 0, () -> "max_pool1d() padding must be non-negative, but got "
                + p.padding());
        ConvException.check(p.padding() <= k / 2, () -> "max_pool1d() padding should be at most half of kernel size, "
                + "but got padding=" + p.padding() + " and kernel_size=" + k);
        ConvException.check(p.dilation() > 0, () -> "max_pool1d() dilation must be greater than zero, but got "
                + p.dilation());
        long length = Math.floorDiv(in[in.length - 1] + 2L * p.padding() - (long) p.dilation() * (k - 1) - 1,
                p.stride()) + 1;
        ConvException.check(length >= 0, () -> "max_pool1d() Invalid computed output size: " + length);
        return (int) length;
    }

    /** {@code F.avg_pool1d}'s checks (it runs as a 2-D pooling of height 1) and output length, as PyTorch 1.13's. */
    private static int avgPoolLength(int[] in, StackLayer.Pool1d p) {
        ConvException.check(in.length == 2 || in.length == 3, () -> "Expected 2 to 3 dimensions, but got "
                + in.length + "-dimensional tensor for argument #1 'self' (while checking arguments for avg_pool1d)");
        int k = p.kernelSize();
        int s = p.stride();
        ConvException.check(s != 0, () -> "stride should not be zero");
        ConvException.check(p.padding() >= 0, () -> "pad must be non-negative, but got pad: " + p.padding());
        ConvException.check(p.padding() <= k / 2, () -> "pad should be at most half of kernel size, but got pad="
                + p.padding() + " and kernel_size=" + k);
        ConvException.check(k > 0, () -> "kernel size should be greater than zero, but got kH: 1 kW: " + k);
        ConvException.check(s > 0, () -> "stride should be greater than zero, but got dH: 1 dW: " + s);
        int[] view = in.length == 3 ? new int[] {in[0], in[1], 1, in[2]} : new int[] {in[0], 1, in[1]};
        ConvException.check(nonZeroFrom(view, view.length == 4 ? 1 : 0), () -> "Expected 3D or 4D (batch mode) "
                + "tensor with optional 0 dim batch size for input, but got:" + Shapes.format(view));
        int channels = in[in.length - 2];
        int l = in[in.length - 1];
        long length = Math.floorDiv(l + 2L * p.padding() - k, s) + 1;
        ConvException.check(length >= 1, () -> "Given input size: (" + channels + "x1x" + l + "). Calculated output "
                + "size: (" + channels + "x1x" + length + "). Output size is too small");
        return (int) length;
    }

    /** Whether every size from dimension {@code from} on is non-zero (a batch of 0 is allowed, nothing else). */
    private static boolean nonZeroFrom(int[] shape, int from) {
        for (int d = from; d < shape.length; d++) {
            if (shape[d] == 0) {
                return false;
            }
        }
        return true;
    }

    private record Window(long rf, long jump, String growth) {
    }

    /** A window of {@code kernel} taps {@code dilation} apart, stepping {@code stride}, on top of the stack so far. */
    private static Window grow(long rf, long jump, int kernel, int stride, int dilation) {
        if (rf == ALL) {
            return new Window(ALL, jump, "all");
        }
        long add = (long) dilation * (kernel - 1) * jump;
        return new Window(rf + add, jump * stride, add == 0 ? "" : "+" + add + " = " + dilation + "*(" + kernel
                + "-1)*" + jump);
    }
}
