package org.conv4j.cli;

import picocli.CommandLine.Option;

import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.DType;

/** {@code nn.Conv1d}'s constructor arguments as options, under PyTorch's names and defaults. */
public final class SpecOptions {
    @Option(names = "--in-channels", paramLabel = "C", description = "in_channels (default: 3)")
    Integer inChannels;

    @Option(names = "--out-channels", paramLabel = "C", description = "out_channels (default: 2)")
    Integer outChannels;

    @Option(names = "--kernel-size", paramLabel = "K", description = "kernel_size: K, or a tuple K1,K2 (default: 4)")
    String kernelSize;

    @Option(names = "--stride", paramLabel = "S", description = "stride (default: 1)")
    String stride;

    @Option(names = "--padding", paramLabel = "P",
            description = "padding: an integer, a tuple, 'same' or 'valid' (default: 0)")
    String padding;

    @Option(names = "--dilation", paramLabel = "D", description = "dilation (default: 1)")
    String dilation;

    @Option(names = "--groups", paramLabel = "G", description = "groups (default: 1)")
    Integer groups;

    @Option(names = "--bias", negatable = true, description = "learnable bias; --no-bias for bias=False (default)")
    Boolean bias;

    @Option(names = "--padding-mode", paramLabel = "MODE",
            description = "zeros, reflect, replicate or circular (default: zeros)")
    String paddingMode;

    @Option(names = "--dtype", paramLabel = "DTYPE", description = "float32 or float64 (default: float32)")
    String dtype;

    /** Whether any spec option was given. */
    boolean anyGiven() {
        return inChannels != null || outChannels != null || kernelSize != null || stride != null || padding != null
                || dilation != null || groups != null || bias != null || paddingMode != null || dtype != null;
    }

    /** The spec, checked as {@code nn.Conv1d(...)} checks it. */
    ConvSpec toSpec() {
        int in = inChannels == null ? 3 : inChannels;
        int out = outChannels == null ? 2 : outChannels;
        String k = kernelSize == null ? "4" : kernelSize;
        ConvSpec.Builder b = isTuple(k) ? ConvSpec.conv1d(in, out, ints("--kernel-size", k))
                : ConvSpec.conv1d(in, out, ints("--kernel-size", k)[0]);
        if (stride != null) {
            if (isTuple(stride)) {
                b.stride(ints("--stride", stride));
            } else {
                b.stride(ints("--stride", stride)[0]);
            }
        }
        if (dilation != null) {
            if (isTuple(dilation)) {
                b.dilation(ints("--dilation", dilation));
            } else {
                b.dilation(ints("--dilation", dilation)[0]);
            }
        }
        if (padding != null) {
            if (padding.matches("\\s*-?\\d+\\s*")) {
                b.padding(ints("--padding", padding)[0]); // its message for a number beyond an int
            } else if (isTuple(padding)) {
                b.padding(ints("--padding", padding));
            } else {
                b.padding(padding);
            }
        }
        b.groups(groups == null ? 1 : groups);
        b.bias(bias == null || bias);
        b.paddingMode(paddingMode == null ? "zeros" : paddingMode);
        b.dtype(dtype == null ? DType.FLOAT32 : DType.parse(dtype));
        return b.build();
    }

    private static boolean isTuple(String s) {
        return s.contains(",");
    }

    /** Parses {@code 3}, {@code 3,} (a 1-tuple) or {@code 3,3}. */
    static int[] ints(String option, String text) {
        String t = text.trim();
        if (t.startsWith("(") && t.endsWith(")")) {
            t = t.substring(1, t.length() - 1);
        }
        if (t.endsWith(",")) {
            t = t.substring(0, t.length() - 1);
        }
        String[] parts = t.split(",");
        int[] r = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                r[i] = Integer.parseInt(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": expected an integer or a comma-separated list of "
                    + "integers, got '" + text + "'");
        }
        return r;
    }
}
