package org.conv4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import picocli.CommandLine.Option;

import org.conv4j.io.Npy;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.Tensor;

/** The input of {@code explain} and {@code shape}: a file, or a shape (and seeded standard normal values). */
public final class InputOptions {
    @Option(names = "--input-shape", paramLabel = "N,C,L",
            description = "input shape: N,C,L (batched) or C,L (unbatched) (default: 1,in_channels,10)")
    String inputShape;

    @Option(names = "--input", paramLabel = "FILE", description = "input (.npy) instead of a seeded random one")
    Path input;

    int[] shape(ConvSpec spec) throws IOException {
        if (input != null) {
            if (inputShape != null) {
                throw new IllegalArgumentException("give --input or --input-shape, not both");
            }
            return Npy.read(input).shape();
        }
        return inputShape == null ? new int[] {1, spec.inChannels(), 10}
                : SpecOptions.ints("--input-shape", inputShape);
    }

    /** The input tensor, and where it came from (for the explanation's header). */
    record Input(Tensor tensor, String origin) {
    }

    Input tensor(ConvSpec spec, long seed) throws IOException {
        if (input != null) {
            if (inputShape != null) {
                throw new IllegalArgumentException("give --input or --input-shape, not both");
            }
            return new Input(Npy.read(input), "read from " + input);
        }
        int[] shape = shape(spec);
        Tensor zeros = Tensor.zeros(spec.dtype(), shape); // checks the shape
        double[] values = new double[zeros.numel()];
        Random random = new Random(seed);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return new Input(Tensor.of(spec.dtype(), values, shape), "standard normal from java.util.Random(" + seed + ")");
    }
}
