package org.conv4j.spec;

import java.util.Arrays;

import org.conv4j.ConvException;

/**
 * The {@code padding} argument of a convolution: explicit sizes (one per spatial dimension, or one for all),
 * {@code 'same'} or {@code 'valid'}.
 */
public sealed interface Padding permits Padding.Explicit, Padding.Same, Padding.Valid {

    /** Explicit zero-padding sizes, applied on both sides of each spatial dimension. */
    record Explicit(int[] values) implements Padding {
        public Explicit {
            values = values.clone();
        }

        @Override
        public int[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Explicit e && Arrays.equals(values, e.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return values.length == 1 ? Integer.toString(values[0]) : PyRepr.tuple(values);
        }
    }

    /**
     * Pads so that the output is as long as the input (stride 1 only). See Note [Same padding is asymmetric]
     * in {@link ConvShapes#samePadding}.
     */
    record Same() implements Padding {
        @Override
        public String toString() {
            return "same";
        }
    }

    /** No padding. */
    record Valid() implements Padding {
        @Override
        public String toString() {
            return "valid";
        }
    }

    static Padding of(int... values) {
        return new Explicit(values);
    }

    static Padding same() {
        return new Same();
    }

    static Padding valid() {
        return new Valid();
    }

    /**
     * Parses a padding string: {@code 'same'} or {@code 'valid'}, case-sensitively as PyTorch does; anything
     * else (even {@code "1"}) is an invalid padding string.
     */
    static Padding parse(String text) {
        return switch (text) {
            case "same" -> same();
            case "valid" -> valid();
            // Python prints the set {'same', 'valid'} in hash order; this is its order under PYTHONHASHSEED=0.
            default -> throw ConvException.valueError("Invalid padding string " + PyRepr.str(text)
                    + ", should be one of {'same', 'valid'}");
        };
    }
}
