package org.conv4j.spec;

import org.conv4j.ConvException;

/** How a convolution fills the positions outside the input, as {@code nn.Conv1d}'s {@code padding_mode}. */
public enum PaddingMode {
    /** Zeros (the default). */
    ZEROS("zeros"),
    /** Mirror without repeating the edge: {@code [a b c] -> b | a b c | b}. */
    REFLECT("reflect"),
    /** Repeat the edge: {@code [a b c] -> a | a b c | c}. */
    REPLICATE("replicate"),
    /** Wrap around: {@code [a b c] -> c | a b c | a}. */
    CIRCULAR("circular");

    private final String torchName;

    PaddingMode(String torchName) {
        this.torchName = torchName;
    }

    /** The name PyTorch uses ({@code "zeros"}, {@code "reflect"}, ...). */
    public String torchName() {
        return torchName;
    }

    /**
     * Parses PyTorch's name, case-sensitively as PyTorch does. The message lists the valid names in the order
     * Python printed the set when the conformance cases were generated ({@code PYTHONHASHSEED=0}).
     */
    public static PaddingMode parse(String name) {
        for (PaddingMode m : values()) {
            if (m.torchName.equals(name)) {
                return m;
            }
        }
        throw ConvException.valueError("padding_mode must be one of {'replicate', 'reflect', 'zeros', 'circular'}, "
                + "but got padding_mode='" + name + "'");
    }

    @Override
    public String toString() {
        return torchName;
    }
}
