package org.conv4j.nn;

import java.util.SplittableRandom;

import org.conv4j.spec.ConvSpec;
import org.conv4j.spec.ConvShapes;
import org.conv4j.tensor.DType;

/** Seeded random legal convolutions over every parameter, with a fitting input shape. */
public record RandomSpecs(ConvSpec spec, int[] inputShape) {

    /** A random legal 1-D spec (every padding form and mode) and an input long enough for it. */
    public static RandomSpecs conv1d(SplittableRandom r, DType dtype, int maxLength) {
        int g = r.nextInt(1, 4);
        int cin = g * r.nextInt(1, 4);
        int cout = g * r.nextInt(1, 4);
        int k = r.nextInt(1, 6);
        int d = r.nextInt(1, 4);
        String mode = new String[] {"zeros", "zeros", "reflect", "replicate", "circular"}[r.nextInt(5)];
        ConvSpec.Builder b = ConvSpec.conv1d(cin, cout, k).dilation(d).groups(g).bias(r.nextBoolean())
                .paddingMode(mode).dtype(dtype);
        int form = r.nextInt(4);
        int pad = 0;
        if (form == 0) {
            b.padding("same");
            pad = d * (k - 1);
        } else if (form == 1) {
            b.padding("valid").stride(r.nextInt(1, 4));
        } else {
            pad = r.nextInt(0, 4);
            b.padding(pad).stride(r.nextInt(1, 4));
        }
        int extent = ConvShapes.dilatedKernelSize(k, d);
        // Reflect needs padding < length on each side; circular needs padding <= length.
        int minLength = Math.max(Math.max(1, extent - 2 * pad), pad + 1);
        int length = r.nextInt(minLength, Math.max(minLength, maxLength) + 1);
        int[] shape = r.nextInt(4) == 0 ? new int[] {cin, length} : new int[] {r.nextInt(1, 3), cin, length};
        return new RandomSpecs(b.build(), shape);
    }
}
