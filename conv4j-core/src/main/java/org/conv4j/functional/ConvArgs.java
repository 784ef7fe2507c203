package org.conv4j.functional;

import java.util.Arrays;
import java.util.Objects;

/**
 * The call arguments of {@code F.conv1d} (and {@code conv2d}, {@code conv3d}) besides the tensors. As in PyTorch,
 * lists may have one element (applied to every spatial dimension) or one per dimension, and padding may instead
 * be a string ({@code "same"}, {@code "valid"}); nothing is checked until the call.
 *
 * @param stride        step between output positions
 * @param padding       explicit zero padding per side, or null when {@code paddingString} is set
 * @param paddingString {@code "same"} or {@code "valid"} (others are rejected at the call), or null
 * @param dilation      spacing between kernel taps
 * @param groups        number of channel groups
 */
public record ConvArgs(int[] stride, int[] padding, String paddingString, int[] dilation, int groups) {

    public ConvArgs {
        stride = stride.clone();
        dilation = dilation.clone();
        padding = padding == null ? null : padding.clone();
        if ((padding == null) == (paddingString == null)) {
            throw new IllegalArgumentException("exactly one of padding and paddingString must be given");
        }
    }

    /** PyTorch's defaults: {@code stride=1, padding=0, dilation=1, groups=1}. */
    public static ConvArgs defaults() {
        return new ConvArgs(new int[] {1}, new int[] {0}, null, new int[] {1}, 1);
    }

    public static ConvArgs of(int[] stride, int[] padding, int[] dilation, int groups) {
        return new ConvArgs(stride, padding, null, dilation, groups);
    }

    public static ConvArgs of(int[] stride, String padding, int[] dilation, int groups) {
        return new ConvArgs(stride, null, Objects.requireNonNull(padding), dilation, groups);
    }

    public ConvArgs withStride(int... s) {
        return new ConvArgs(s, padding, paddingString, dilation, groups);
    }

    public ConvArgs withPadding(int... p) {
        return new ConvArgs(stride, p, null, dilation, groups);
    }

    public ConvArgs withPadding(String p) {
        return new ConvArgs(stride, null, Objects.requireNonNull(p), dilation, groups);
    }

    public ConvArgs withDilation(int... d) {
        return new ConvArgs(stride, padding, paddingString, d, groups);
    }

    public ConvArgs withGroups(int g) {
        return new ConvArgs(stride, padding, paddingString, dilation, g);
    }

    @Override
    public int[] stride() {
        return stride.clone();
    }

    @Override
    public int[] padding() {
        return padding == null ? null : padding.clone();
    }

    @Override
    public int[] dilation() {
        return dilation.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvArgs a && Arrays.equals(stride, a.stride) && Arrays.equals(padding, a.padding)
                && Objects.equals(paddingString, a.paddingString) && Arrays.equals(dilation, a.dilation)
                && groups == a.groups;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(stride), Arrays.hashCode(padding), paddingString,
                Arrays.hashCode(dilation), groups);
    }

    @Override
    public String toString() {
        return "ConvArgs[stride=" + Arrays.toString(stride) + ", padding="
                + (padding != null ? Arrays.toString(padding) : "'" + paddingString + "'") + ", dilation="
                + Arrays.toString(dilation) + ", groups=" + groups + "]";
    }
}
