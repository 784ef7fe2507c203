package org.conv4j.functional;

import static org.conv4j.ConvException.check;

import org.conv4j.ConvException;
import org.conv4j.spec.PaddingMode;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Shapes;
import org.conv4j.tensor.Tensor;
import org.conv4j.tensor.TensorMeta;

/**
 * {@code torch.nn.functional.pad} for the modes a convolution uses: the argument lists sizes for the last
 * dimension first ({@code (left, right)}, then {@code (top, bottom)}, ...); negative sizes crop.
 *
 * <p>Each padded dimension becomes an index map from output position to source position (or -1 for a zero),
 * built exactly as ATen's kernels index: reflect mirrors without repeating the edge, replicate clamps, circular
 * copies the (possibly cropped) signal around. The backward pass sums gradients back through the same maps.
 * Checks and messages are PyTorch 1.13's, except that circular padding accepts an unbatched 1-D signal as a batch
 * of one, as later releases do.
 */
public final class Pad {
    private Pad() {
    }

    /**
     * A checked padding: the input and output shapes and, for each of the last {@code maps.length} dimensions,
     * the source index of every output index.
     */
    public record Plan(int[] inputShape, int[] outputShape, int[][] maps) {
        /** Which input element output position {@code outIndex} of padded dimension {@code d} copies (-1: zero). */
        public int source(int d, int outIndex) {
            return maps[d][outIndex];
        }

        /** Index of the first padded dimension. */
        public int firstPaddedDim() {
            return inputShape.length - maps.length;
        }
    }

    /** Pads {@code input}: {@code F.pad(input, pad, mode)} (zeros for {@link PaddingMode#ZEROS}). */
    public static Tensor pad(Tensor input, int[] pad, PaddingMode mode) {
        return apply(plan(TensorMeta.of(input), pad, mode), input);
    }

    /** Checks {@code F.pad(input, pad, mode)} as PyTorch does and returns how to compute it. */
    public static Plan plan(TensorMeta input, int[] pad, PaddingMode mode) {
        int dim = input.dim();
        check(pad.length % 2 == 0, () -> "Padding length must be divisible by 2");
        check(pad.length <= dim * 2, () -> "Padding length too large");
        int padded = pad.length / 2;
        if (mode == PaddingMode.ZEROS) {
            return constantPlan(input, pad);
        }
        if (padded == 0 || padded > 3 || (dim != padded + 1 && dim != padded + 2)) {
            throw ConvException.notImplemented(
                    "Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now");
        }
        return switch (mode) {
            case REFLECT -> reflectPlan(input, pad);
            case REPLICATE -> replicatePlan(input, pad);
            case CIRCULAR -> circularPlan(input, pad);
            case ZEROS -> throw new AssertionError();
        };
    }

    /** {@code (left, right)} of padded dimension {@code d} counted from the first padded one. */
    private static int left(int[] pad, int d) {
        return pad[2 * (pad.length / 2 - 1 - d)];
    }

    private static int right(int[] pad, int d) {
        return pad[2 * (pad.length / 2 - 1 - d) + 1];
    }

    private static Plan constantPlan(TensorMeta input, int[] pad) {
        int n = pad.length / 2;
        int first = input.dim() - n;
        int[] out = input.shape();
        int[][] maps = new int[n][];
        for (int d = 0; d < n; d++) {
            int size = input.size(first + d);
            int l = left(pad, d);
            int r = right(pad, d);
            out[first + d] = size + l + r;
            int dd = first + d;
            check(size + l + r >= 0, () -> "The input size " + size + ", plus negative padding " + l + " and " + r
                    + " resulted in a negative output size, which is invalid. Check dimension " + dd
                    + " of your input.");
            maps[d] = new int[size + l + r];
            for (int j = 0; j < maps[d].length; j++) {
                int src = j - l;
                maps[d][j] = src >= 0 && src < size ? src : -1;
            }
        }
        return new Plan(input.shape(), out, maps);
    }

    private static Plan reflectPlan(TensorMeta input, int[] pad) {
        int n = pad.length / 2;
        int dim = input.dim();
        int first = dim - n;
        // PyTorch 1.13 checks only the last dimensions for emptiness here (an unbatched (0, L) input passes).
        if (n == 1) {
            boolean ok = (dim == 2 && input.size(1) != 0) || (dim == 3 && input.size(1) != 0 && input.size(2) != 0);
            check(ok, () -> "2D or 3D (batch mode) tensor expected for input, but got: " + input.legacyString());
        } else if (n == 2) {
            boolean ok = (dim == 3 && input.size(1) != 0 && input.size(2) != 0)
                    || (dim == 4 && input.size(1) != 0 && input.size(2) != 0 && input.size(3) != 0);
            check(ok, () -> "3D or 4D (batch mode) tensor expected for input, but got: " + input.legacyString());
        } else {
            checkValidInput(input, n);
        }
        String[] argument = {"#8", "#6", "#4"}; // depth, height, width, as ATen numbers its arguments
        // ATen checks the last dimension (width) first.
        for (int d = n - 1; d >= 0; d--) {
            int size = input.size(first + d);
            int l = left(pad, d);
            int r = right(pad, d);
            int dimIndex = first + d;
            String arg = argument[3 - n + d];
            String where = n == 2 ? Integer.toString(dim) : input.shapeString(); // 2-D prints the rank, not the shape
            check(l < size && r < size, () -> "Argument " + arg + ": Padding size should be less than the "
                    + "corresponding input dimension, but got: padding (" + l + ", " + r + ") at dimension "
                    + dimIndex + " of input " + where);
        }
        checkOutputNotEmpty(input, pad, n, "2input (W: %1$d)is too small. Calculated output W: %2$d",
                "input (H: %1$d, W: %2$d)is too small. Calculated output H: %3$d W: %4$d",
                "input (D: %1$d H: %2$d, W: %3$d) is too small. Calculated output D: %4$d H: %5$d W: %6$d");
        if (n == 2) {
            // PyTorch 1.13's 2-D reflection sizes its output by a checked product of the sizes, which rejects a
            // negative one before the tensor is made (3-D reflection and replication report the negative size).
            for (int d = 0; d < n; d++) {
                int o = input.size(first + d) + left(pad, d) + right(pad, d);
                check(o >= 0, () -> "numel: integer multiplication overflow");
            }
        }
        return mappedPlan(input, pad, (j, l, r, size) -> {
            int idx = j - l;
            if (idx < 0) {
                idx = -idx;
            } else if (idx >= size) {
                idx = 2 * (size - 1) - idx;
            }
            return idx;
        });
    }

    private static Plan replicatePlan(TensorMeta input, int[] pad) {
        int n = pad.length / 2;
        checkValidInput(input, n);
        checkOutputNotEmpty(input, pad, n, "input (W: %1$d) is too small. Calculated output W: %2$d",
                "input (H: %1$d, W: %2$d ) is too small. Calculated output H: %3$d W: %4$d",
                "input (D: %1$d H: %2$d, W: %3$d) is too small. Calculated output D: %4$d H: %5$d W: %6$d");
        return mappedPlan(input, pad, (j, l, r, size) -> Math.max(0, Math.min(size - 1, j - l)));
    }

    private static Plan circularPlan(TensorMeta input, int[] pad) {
        int n = pad.length / 2;
        // PyTorch 1.13 wants a batch dimension; later releases take an unbatched 1-D signal as a batch of one.
        if (n == 1 && input.dim() == 2) {
            int[] batched = Shapes.prepend(1, input.shape());
            Plan p = circularPlan(new TensorMeta(batched, input.dtype()), pad);
            return new Plan(input.shape(), Shapes.dropFirst(p.outputShape()), p.maps());
        }
        check(pad.length + 4 == input.dim() * 2,
                () -> "Invalid padding size, expected " + (input.dim() - 2) * 2 + " but got " + pad.length);
        int first = input.dim() - n;
        for (int d = 0; d < n; d++) {
            int size = input.size(first + d);
            int l = left(pad, d);
            int r = right(pad, d);
            check(l <= size && r <= size, () -> "Padding value causes wrapping around more than once.");
            check(size + l + r >= 0, () -> "Negative padding value is resulting in an empty dimension");
        }
        return mappedPlan(input, pad, Pad::circularSource);
    }

    /** ATen's {@code check_valid_input}: all non-batch dimensions non-empty. */
    private static void checkValidInput(TensorMeta input, int n) {
        int dim = input.dim();
        boolean batched = dim == n + 2;
        boolean ok = true;
        for (int d = batched ? 1 : 0; d < dim; d++) {
            ok &= input.size(d) != 0;
        }
        check(ok, () -> "Expected " + (n + 1) + "D or " + (n + 2) + "D (batch mode) tensor with possibly 0 batch "
                + "size and other non-zero dimensions for input, but got: " + input.shapeString());
    }

    /** ATen's "is too small" check: fails only when every padded output size is below one. */
    private static void checkOutputNotEmpty(TensorMeta input, int[] pad, int n, String f1, String f2, String f3) {
        int first = input.dim() - n;
        boolean anyPositive = false;
        Object[] args = new Object[2 * n];
        for (int d = 0; d < n; d++) {
            int size = input.size(first + d);
            int o = size + left(pad, d) + right(pad, d);
            anyPositive |= o >= 1;
            args[d] = size;
            args[n + d] = o;
        }
        if (!anyPositive) {
            String format = n == 1 ? f1 : n == 2 ? f2 : f3;
            throw ConvException.runtimeError(String.format(format, args));
        }
    }

    /** Source index of output index {@code j} of one dimension of size {@code size} padded by {@code (l, r)}. */
    private interface IndexRule {
        int source(int j, int l, int r, int size);
    }

    private static Plan mappedPlan(TensorMeta input, int[] pad, IndexRule rule) {
        int n = pad.length / 2;
        int first = input.dim() - n;
        int[] out = input.shape();
        for (int d = 0; d < n; d++) {
            out[first + d] = input.size(first + d) + left(pad, d) + right(pad, d);
        }
        // The "too small" checks pass as long as one padded size is positive; another may still be negative.
        for (int s : out) {
            check(s >= 0, () -> "Trying to create tensor with negative dimension " + s + ": " + Shapes.format(out));
        }
        int[][] maps = new int[n][];
        for (int d = 0; d < n; d++) {
            int size = input.size(first + d);
            int l = left(pad, d);
            int r = right(pad, d);
            int o = out[first + d];
            maps[d] = new int[o];
            for (int j = 0; j < o; j++) {
                maps[d][j] = rule.source(j, l, r, size);
            }
        }
        return new Plan(input.shape(), out, maps);
    }

    /**
     * ATen's circular padding copies the centre first, then fills the left pad from the end of the centre and
     * the right pad from its start; with a negative pad on one side the wrap therefore uses the cropped signal.
     */
    private static int circularSource(int j, int l, int r, int size) {
        int outSize = size + l + r;
        int k = j;
        if (l > 0 && j < l) {
            k = outSize - l - Math.max(r, 0) + j;
        } else if (r > 0 && j >= outSize - r) {
            k = Math.max(l, 0) + j - (outSize - r);
        }
        return k - l;
    }

    /** Computes a planned padding. */
    public static Tensor apply(Plan plan, Tensor input) {
        Tensor out = Tensor.zeros(input.dtype(), plan.outputShape());
        int[] outShape = plan.outputShape();
        int first = plan.firstPaddedDim();
        int outer = 1;
        for (int d = 0; d < first; d++) {
            outer *= outShape[d];
        }
        int inInner = Shapes.product(plan.inputShape(), first);
        int outInner = Shapes.product(outShape, first);
        int[] srcOffsets = sourceOffsets(plan);
        for (int b = 0; b < outer; b++) {
            for (int j = 0; j < outInner; j++) {
                int src = srcOffsets[j];
                if (src >= 0) {
                    copy(input, b * inInner + src, out, b * outInner + j);
                }
            }
        }
        return out;
    }

    /** The gradient of a planned padding: sums {@code gradOutput} back onto the input positions it copied. */
    public static Tensor backward(Plan plan, Tensor gradOutput) {
        int[] inShape = plan.inputShape();
        int first = plan.firstPaddedDim();
        int outer = 1;
        for (int d = 0; d < first; d++) {
            outer *= inShape[d];
        }
        int inInner = Shapes.product(inShape, first);
        int outInner = Shapes.product(plan.outputShape(), first);
        int[] srcOffsets = sourceOffsets(plan);
        double[] acc = new double[Shapes.numel(inShape)];
        for (int b = 0; b < outer; b++) {
            for (int j = 0; j < outInner; j++) {
                int src = srcOffsets[j];
                if (src >= 0) {
                    acc[b * inInner + src] += gradOutput.getDouble(b * outInner + j);
                }
            }
        }
        return Tensor.of(gradOutput.dtype(), acc, inShape);
    }

    /** For every position of the padded block (the padded dimensions, flattened), the flat source offset or -1. */
    private static int[] sourceOffsets(Plan plan) {
        int[] outShape = plan.outputShape();
        int[] inShape = plan.inputShape();
        int first = plan.firstPaddedDim();
        int n = plan.maps().length;
        int outInner = Shapes.product(outShape, first);
        int[] offsets = new int[outInner];
        int[] idx = new int[n];
        for (int j = 0; j < outInner; j++) {
            int rem = j;
            for (int d = n - 1; d >= 0; d--) {
                idx[d] = rem % outShape[first + d];
                rem /= outShape[first + d];
            }
            int src = 0;
            for (int d = 0; d < n; d++) {
                int s = plan.source(d, idx[d]);
                if (s < 0) {
                    src = -1;
                    break;
                }
                src = src * inShape[first + d] + s;
            }
            offsets[j] = src;
        }
        return offsets;
    }

    private static void copy(Tensor src, int from, Tensor dst, int to) {
        if (dst.dtype() == DType.FLOAT32) {
            dst.floatData()[to] = src.floatData()[from];
        } else {
            dst.doubleData()[to] = src.doubleData()[from];
        }
    }
}
