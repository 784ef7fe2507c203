package org.conv4j.spec;

import java.util.Arrays;
import java.util.Objects;

import org.conv4j.ConvException;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Shapes;

/**
 * Everything {@code nn.Conv1d} (or {@code Conv2d}, {@code Conv3d}) is constructed from, under PyTorch's names
 * and with PyTorch's defaults. Immutable; validated once, here, with the checks and messages of
 * {@code nn.Conv1d.__init__}, in its order.
 *
 * <p>The spatial rank is {@code kernelSize.length}: a 1-D spec built with a 2-tuple kernel has a 4-D weight,
 * exactly as in PyTorch. As in PyTorch, the lengths of {@code stride}, {@code padding} and {@code dilation} are
 * not checked against the kernel here; a mismatch is reported when the layer is called.
 *
 * @param inChannels  channels of the input ({@code C_in})
 * @param outChannels channels of the output ({@code C_out})
 * @param kernelSize  kernel extent per spatial dimension
 * @param stride      step between output positions, per spatial dimension
 * @param padding     explicit sizes, {@code 'same'} or {@code 'valid'}
 * @param dilation    spacing between kernel taps, per spatial dimension
 * @param groups      input and output channels split into this many independent groups
 * @param bias        whether the layer adds a learnable bias
 * @param paddingMode what fills the padded positions
 * @param dtype       element type of parameters and computation
 */
public record ConvSpec(int inChannels, int outChannels, int[] kernelSize, int[] stride, Padding padding,
        int[] dilation, int groups, boolean bias, PaddingMode paddingMode, DType dtype) {

    public ConvSpec {
        kernelSize = Objects.requireNonNull(kernelSize, "kernelSize").clone();
        stride = Objects.requireNonNull(stride, "stride").clone();
        dilation = Objects.requireNonNull(dilation, "dilation").clone();
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(paddingMode, "paddingMode");
        Objects.requireNonNull(dtype, "dtype");
        checkGroups(inChannels, outChannels, groups);
        checkSameIsUnstrided(padding, stride);
        // nn.Conv1d allocates its weight (out, in // groups, *kernel) in the constructor; a negative size fails there.
        int[] weightShape = weightShape(inChannels, outChannels, groups, kernelSize);
        for (int s : weightShape) {
            if (s < 0) {
                throw ConvException.runtimeError("Trying to create tensor with negative dimension " + s + ": "
                        + Shapes.format(weightShape));
            }
        }
        Shapes.numel(weightShape);
    }

    /** A builder for a 1-D convolution: integer arguments expand to 1-tuples, as {@code _single} does. */
    public static Builder conv1d(int inChannels, int outChannels, int kernelSize) {
        return new Builder(1, inChannels, outChannels, new int[] {kernelSize});
    }

    /** A 1-D convolution spec with an explicit kernel tuple (a 2-tuple makes PyTorch's 2-D weight). */
    public static Builder conv1d(int inChannels, int outChannels, int[] kernelSize) {
        return new Builder(1, inChannels, outChannels, kernelSize);
    }

    /** A builder for a 2-D convolution: integer arguments expand to pairs, as {@code _pair} does. */
    public static Builder conv2d(int inChannels, int outChannels, int kernelSize) {
        return new Builder(2, inChannels, outChannels, new int[] {kernelSize, kernelSize});
    }

    public static Builder conv2d(int inChannels, int outChannels, int[] kernelSize) {
        return new Builder(2, inChannels, outChannels, kernelSize);
    }

    /** A builder for a 3-D convolution: integer arguments expand to triples, as {@code _triple} does. */
    public static Builder conv3d(int inChannels, int outChannels, int kernelSize) {
        return new Builder(3, inChannels, outChannels, new int[] {kernelSize, kernelSize, kernelSize});
    }

    public static Builder conv3d(int inChannels, int outChannels, int[] kernelSize) {
        return new Builder(3, inChannels, outChannels, kernelSize);
    }

    // ---- nn.Conv1d.__init__'s checks, shared by the builder (which must interleave string parsing) ----

    static void checkGroups(int inChannels, int outChannels, int groups) {
        if (groups <= 0) {
            throw ConvException.valueError("groups must be a positive integer");
        }
        // Python's % takes the sign of the divisor: -3 % 2 == 1.
        if (Math.floorMod(inChannels, groups) != 0) {
            throw ConvException.valueError("in_channels must be divisible by groups");
        }
        if (Math.floorMod(outChannels, groups) != 0) {
            throw ConvException.valueError("out_channels must be divisible by groups");
        }
    }

    static void checkSameIsUnstrided(Padding padding, int[] stride) {
        if (padding instanceof Padding.Same) {
            for (int s : stride) {
                if (s != 1) {
                    throw ConvException.valueError("padding='same' is not supported for strided convolutions");
                }
            }
        }
    }

    private static int[] weightShape(int in, int out, int groups, int[] kernel) {
        int[] shape = new int[2 + kernel.length];
        shape[0] = out;
        shape[1] = Math.floorDiv(in, groups); // Python's //
        System.arraycopy(kernel, 0, shape, 2, kernel.length);
        return shape;
    }

    // ---- derived quantities ----

    /** Number of spatial dimensions of the weight: {@code kernelSize.length}. */
    public int rank() {
        return kernelSize.length;
    }

    /** {@code (out_channels, in_channels / groups, *kernel_size)}. */
    public int[] weightShape() {
        return weightShape(inChannels, outChannels, groups, kernelSize);
    }

    /** {@code (out_channels)}, or {@code null} without bias. */
    public int[] biasShape() {
        return bias ? new int[] {outChannels} : null;
    }

    /** {@code in_channels / groups * prod(kernel_size)}: the fan-in PyTorch's default initialisation uses. */
    public int fanIn() {
        return Shapes.product(weightShape(), 1);
    }

    /** Input channels each group (and so each output channel) sees. */
    public int inChannelsPerGroup() {
        return Math.floorDiv(inChannels, groups);
    }

    public int outChannelsPerGroup() {
        return Math.floorDiv(outChannels, groups);
    }

    /**
     * The padding {@code nn.Conv1d} hands to {@code F.pad} when {@code padding_mode} is not zeros: last dimension
     * first, each size twice, {@code 'same'} split with the extra element on the right (Python's floor division).
     */
    public int[] reversedPaddingRepeatedTwice() {
        if (padding instanceof Padding.Explicit e) {
            int[] p = e.values();
            int[] r = new int[2 * p.length];
            for (int i = 0; i < p.length; i++) {
                r[2 * i] = r[2 * i + 1] = p[p.length - 1 - i];
            }
            return r;
        }
        int[] r = new int[2 * kernelSize.length];
        if (padding instanceof Padding.Same) {
            // zip(dilation, kernel_size, reversed indices) stops at the shorter of the two tuples.
            int n = Math.min(dilation.length, kernelSize.length);
            for (int d = 0; d < n; d++) {
                int i = kernelSize.length - 1 - d;
                int total = ConvShapes.sameTotal(kernelSize[d], dilation[d]);
                int left = Math.floorDiv(total, 2);
                r[2 * i] = left;
                r[2 * i + 1] = total - left;
            }
        }
        return r;
    }

    public boolean isStrided() {
        return Arrays.stream(stride).anyMatch(s -> s != 1);
    }

    public boolean isDilated() {
        return Arrays.stream(dilation).anyMatch(d -> d != 1);
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
    public int[] dilation() {
        return dilation.clone();
    }

    /** A copy with another dtype. */
    public ConvSpec withDType(DType newDType) {
        return new ConvSpec(inChannels, outChannels, kernelSize, stride, padding, dilation, groups, bias,
                paddingMode, newDType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvSpec s && inChannels == s.inChannels && outChannels == s.outChannels
                && Arrays.equals(kernelSize, s.kernelSize) && Arrays.equals(stride, s.stride)
                && padding.equals(s.padding) && Arrays.equals(dilation, s.dilation) && groups == s.groups
                && bias == s.bias && paddingMode == s.paddingMode && dtype == s.dtype;
    }

    @Override
    public int hashCode() {
        return Objects.hash(inChannels, outChannels, Arrays.hashCode(kernelSize), Arrays.hashCode(stride), padding,
                Arrays.hashCode(dilation), groups, bias, paddingMode, dtype);
    }

    /** PyTorch's module repr without the class name: {@code 3, 2, kernel_size=(4,), stride=(1,)}. */
    public String torchArguments() {
        StringBuilder s = new StringBuilder().append(inChannels).append(", ").append(outChannels)
                .append(", kernel_size=").append(PyRepr.tuple(kernelSize))
                .append(", stride=").append(PyRepr.tuple(stride));
        if (padding instanceof Padding.Explicit e) {
            if (Arrays.stream(e.values()).anyMatch(p -> p != 0)) {
                s.append(", padding=").append(PyRepr.tuple(e.values()));
            }
        } else {
            s.append(", padding=").append(PyRepr.str(padding.toString()));
        }
        if (isDilated()) {
            s.append(", dilation=").append(PyRepr.tuple(dilation));
        }
        if (groups != 1) {
            s.append(", groups=").append(groups);
        }
        if (!bias) {
            s.append(", bias=False");
        }
        if (paddingMode != PaddingMode.ZEROS) {
            s.append(", padding_mode=").append(paddingMode.torchName());
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "ConvSpec(" + torchArguments() + ", dtype=" + dtype + ")";
    }

    /**
     * Collects the arguments in PyTorch's form (strings included) so that {@link #build()} can check them in
     * {@code nn.Conv1d.__init__}'s order: groups, divisibility, padding string, 'same' with stride, padding mode,
     * then the weight allocation.
     */
    public static final class Builder {
        private final int rank;
        private final int inChannels;
        private final int outChannels;
        private final int[] kernelSize;
        private int[] stride;
        private int[] dilation;
        private int[] paddingValues;
        private String paddingText;
        private int groups = 1;
        private boolean bias = true;
        private String paddingMode = "zeros";
        private DType dtype = DType.FLOAT32;

        private Builder(int rank, int inChannels, int outChannels, int[] kernelSize) {
            this.rank = rank;
            this.inChannels = inChannels;
            this.outChannels = outChannels;
            this.kernelSize = kernelSize.clone();
            this.stride = filled(1);
            this.dilation = filled(1);
            this.paddingValues = filled(0);
        }

        private int[] filled(int v) {
            int[] a = new int[rank];
            Arrays.fill(a, v);
            return a;
        }

        /** One stride for every spatial dimension. */
        public Builder stride(int s) {
            this.stride = filled(s);
            return this;
        }

        /** A stride tuple, kept as given (its length is checked when the layer is called, as in PyTorch). */
        public Builder stride(int[] s) {
            this.stride = s.clone();
            return this;
        }

        public Builder dilation(int d) {
            this.dilation = filled(d);
            return this;
        }

        public Builder dilation(int[] d) {
            this.dilation = d.clone();
            return this;
        }

        public Builder padding(int p) {
            this.paddingValues = filled(p);
            this.paddingText = null;
            return this;
        }

        public Builder padding(int[] p) {
            this.paddingValues = p.clone();
            this.paddingText = null;
            return this;
        }

        /** {@code "same"}, {@code "valid"} (anything else is rejected by {@link #build()} with PyTorch's message). */
        public Builder padding(String p) {
            this.paddingText = Objects.requireNonNull(p);
            this.paddingValues = null;
            return this;
        }

        public Builder padding(Padding p) {
            if (p instanceof Padding.Explicit e) {
                return padding(e.values());
            }
            return padding(p.toString());
        }

        public Builder groups(int g) {
            this.groups = g;
            return this;
        }

        public Builder bias(boolean b) {
            this.bias = b;
            return this;
        }

        /** {@code "zeros"}, {@code "reflect"}, {@code "replicate"} or {@code "circular"}. */
        public Builder paddingMode(String mode) {
            this.paddingMode = Objects.requireNonNull(mode, "padding_mode");
            return this;
        }

        public Builder paddingMode(PaddingMode mode) {
            this.paddingMode = mode.torchName();
            return this;
        }

        public Builder dtype(DType d) {
            this.dtype = Objects.requireNonNull(d);
            return this;
        }

        public ConvSpec build() {
            checkGroups(inChannels, outChannels, groups);
            Padding padding;
            if (paddingText != null) {
                padding = Padding.parse(paddingText);
            } else {
                padding = Padding.of(paddingValues);
            }
            checkSameIsUnstrided(padding, stride);
            PaddingMode mode = PaddingMode.parse(paddingMode);
            return new ConvSpec(inChannels, outChannels, kernelSize, stride, padding, dilation, groups, bias, mode,
                    dtype);
        }
    }
}
