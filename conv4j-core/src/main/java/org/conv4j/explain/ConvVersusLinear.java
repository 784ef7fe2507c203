package org.conv4j.explain;

import org.conv4j.spec.ConvShapes;
import org.conv4j.spec.ConvSpec;

/**
 * The cost of mixing {@code L} positions of {@code E} features each, for an input {@code [B, S, L, E]} (B batches
 * of S sequences): one {@code Linear(L*E, E)} over each flattened sequence, against a stack of {@code layers}
 * {@code Conv1d(E, E, k, padding=k//2)} over its positions. Linear: {@code MACs = B*S * L*E * E}. Each conv layer:
 * {@code MACs = B*S * E * L_out * E * k}, with {@code L_out = L} for odd {@code k}.
 *
 * @param b      batch size B
 * @param s      sequences per batch S
 * @param l      positions per sequence L
 * @param e      features per position E
 * @param k      conv kernel size
 * @param layers conv layers in the stack
 */
public record ConvVersusLinear(int b, int s, int l, int e, int k, int layers) {
    public ConvVersusLinear {
        if (b <= 0 || s <= 0 || l <= 0 || e <= 0 || k <= 0 || layers <= 0) {
            throw new IllegalArgumentException("B, S, L, E, k and layers must be positive");
        }
    }

    public long linearMacs() {
        return (long) b * s * l * e * e;
    }

    public long linearParams() {
        return (long) l * e * e + e;
    }

    /** The conv layer of the stack. */
    public ConvSpec convSpec() {
        return ConvSpec.conv1d(e, e, k).padding(k / 2).build();
    }

    /** Output length of each conv layer ({@code L + 1} per layer for an even kernel). */
    public int convOutputLength(int layer) {
        int length = l;
        for (int i = 0; i <= layer; i++) {
            length = ConvShapes.outputSize(length, k, 1, k / 2, 1);
        }
        return length;
    }

    public long convMacs() {
        long macs = 0;
        for (int i = 0; i < layers; i++) {
            macs += ConvShapes.macs(convSpec(), b * s, e, convOutputLength(i));
        }
        return macs;
    }

    public long convParams() {
        return layers * ConvShapes.parameterCount(convSpec());
    }

    /** {@code convMacs / linearMacs}: how many times the conv stack costs the Linear layer. */
    public double costRatio() {
        return (double) convMacs() / linearMacs();
    }
}
