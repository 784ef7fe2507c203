package org.conv4j.tensor;

import java.util.Arrays;
import java.util.StringJoiner;

/** Small helpers on shapes ({@code int[]} of sizes, outermost first). */
public final class Shapes {
    private Shapes() {
    }

    /** Formats a shape the way PyTorch prints sizes in error messages: {@code [2, 3, 10]}. */
    public static String format(int... shape) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (int s : shape) {
            j.add(Integer.toString(s));
        }
        return j.toString();
    }

    /** Number of elements; throws where the count does not fit a Java array index. */
    public static int numel(int... shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("tensor of size " + format(shape)
                        + " has more elements than a Java array can hold");
            }
        }
        return (int) n;
    }

    /**
     * A size worked out in {@code long} (an output length, a padded length), as an {@code int}; throws where it is
     * too large for any tensor conv4j can make (PyTorch, with 64-bit sizes, would fail to allocate it instead).
     */
    public static int size(long n, String what) {
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(what + " " + n + " is more than a Java array can hold");
        }
        return (int) n;
    }

    /** Row-major strides of a contiguous tensor of this shape. */
    public static int[] strides(int... shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = s;
            s *= shape[d];
        }
        return strides;
    }

    /** The index of element {@code flat} of a row-major tensor of {@code shape}. */
    public static int[] unravel(int flat, int... shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    public static int[] prepend(int first, int... rest) {
        int[] r = new int[rest.length + 1];
        r[0] = first;
        System.arraycopy(rest, 0, r, 1, rest.length);
        return r;
    }

    public static int[] dropFirst(int... shape) {
        return Arrays.copyOfRange(shape, 1, shape.length);
    }

    /** Product of the sizes from {@code from} (inclusive) to the end. */
    public static int product(int[] shape, int from) {
        long p = 1;
        for (int d = from; d < shape.length; d++) {
            p *= shape[d];
            if (p > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("the sizes of " + format(shape) + " from dimension " + from
                        + " on multiply to more than a Java array can hold");
            }
        }
        return (int) p;
    }
}
