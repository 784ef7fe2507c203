package org.conv4j.explain;

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
    /** The most layers in the stack: the report prints a line per layer for an even kernel. */
    public static final int MAX_LAYERS = 1000;

    public ConvVersusLinear {
        if (b <= 0 || s <= 0 || l <= 0 || e <= 0 || k <= 0 || layers <= 0) {
            throw new IllegalArgumentException("B, S, L, E, k and layers must be positive");
        }
        if (layers > MAX_LAYERS) {
            throw new IllegalArgumentException("at most " + MAX_LAYERS + " layers, got " + layers);
        }
        try {
            // (The fields are assigned after this compact constructor: the counts are checked from the parameters.)
            Math.multiplyExact(2, product(b, s, l, e, e)); // FLOPs are printed too
            Math.multiplyExact(2L * layers, Math.multiplyExact(product(b, s, e, e, k), (long) l + layers)); // a bound
            Math.addExact(Math.addExact(product(l, e, e), e), Math.multiplyExact(layers, Math.addExact(
                    product(e, e, k), e)));
        } catch (ArithmeticException tooLarge) {
            throw new IllegalArgumentException("B=" + b + ", S=" + s + ", L=" + l + ", E=" + e + ", k=" + k
                    + ": the counts do not fit in 64 bits");
        }
    }

    public long linearMacs() {
        return product(b, s, l, e, e);
    }

    public long linearParams() {
        return Math.addExact(product(l, e, e), e);
    }

    /** The conv layer of the stack. */
    public ConvSpec convSpec() {
        return ConvSpec.conv1d(e, e, k).padding(k / 2).build();
    }

    /** Output length of conv layer {@code layer} (from 0): {@code L}, or {@code L + layer + 1} for an even kernel. */
    public long convOutputLength(int layer) {
        // ConvShapes.outputSize(L, k, 1, k / 2, 1) = L + 2*(k/2) - (k-1): L for odd k, L + 1 for even k.
        return k % 2 == 0 ? (long) l + layer + 1 : l;
    }

    public long convMacs() {
        long macs = 0;
        for (int i = 0; i < layers; i++) {
            macs = Math.addExact(macs, Math.multiplyExact(product(b, s, e, e, k), convOutputLength(i)));
        }
        return macs;
    }

    public long convParams() {
        return Math.multiplyExact(layers, Math.addExact(product(e, e, k), e));
    }

    /** {@code convMacs / linearMacs}: how many times the conv stack costs the Linear layer. */
    public double costRatio() {
        return (double) convMacs() / linearMacs();
    }

    private static long product(int... factors) {
        long p = 1;
        for (int f : factors) {
            p = Math.multiplyExact(p, f);
        }
        return p;
    }
}
