package org.conv4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.conv4j.TestTensors;
import org.conv4j.functional.Gradients;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference checks of the backward pass (reference kernel, padding modes included): the loss
 * {@code sum(forward(x) * gradOutput)} is linear in each input, weight and bias element, so a central difference
 * recovers each gradient up to rounding.
 */
class ReferenceGradientsTest {
    private static final double H = 1e-3;

    static Stream<Integer> seeds() {
        return IntStream.range(0, 40).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void conv1dGradientsMatchFiniteDifferences(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RandomSpecs c = RandomSpecs.conv1d(r, DType.FLOAT64, 9);
        Conv1d layer = Conv1d.create(c.spec(), seed);
        check(layer, c.inputShape(), r);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void conv2dAndConv3dGradientsMatchFiniteDifferences(int seed) {
        SplittableRandom r = new SplittableRandom(1000 + seed);
        String mode = new String[] {"zeros", "reflect", "replicate", "circular"}[seed % 4];
        if (seed % 2 == 0) {
            ConvSpec s = ConvSpec.conv2d(2, 2, new int[] {2, 3}).stride(new int[] {1, 2}).padding(new int[] {1, 2})
                    .dilation(new int[] {2, 1}).groups(seed % 3 == 0 ? 2 : 1).paddingMode(mode)
                    .dtype(DType.FLOAT64).build();
            check(Conv2d.create(s, seed), new int[] {1, 2, 4, 5}, r);
        } else {
            ConvSpec s = ConvSpec.conv3d(2, 2, new int[] {2, 1, 2}).padding(seed % 3 == 0 ? "same" : "valid")
                    .paddingMode(mode).dtype(DType.FLOAT64).build();
            // (PyTorch 1.13 pads circularly only batched input of more than one spatial dimension.)
            check(Conv3d.create(s, seed), mode.equals("circular") ? new int[] {1, 2, 3, 3, 3} : new int[] {2, 3, 3, 3}, r);
        }
    }

    private static void check(ConvNd layer, int[] inputShape, SplittableRandom r) {
        Tensor x = TestTensors.random(r, DType.FLOAT64, inputShape);
        Tensor gy = TestTensors.random(r, DType.FLOAT64, layer.outputShape(inputShape));
        Gradients g = layer.backward(x, gy);

        Function<Tensor, Double> lossOfInput = xi -> dot(layer.forward(xi), gy);
        assertMatches(g.gradInput(), x, lossOfInput, "grad_input");

        Tensor w = layer.weight();
        Tensor b = layer.bias();
        assertMatches(g.gradWeight(), w, wi -> dot(layer.withParameters(wi, b).forward(x), gy), "grad_weight");
        if (b != null) {
            assertMatches(g.gradBias(), b, bi -> dot(layer.withParameters(w, bi).forward(x), gy), "grad_bias");
        } else {
            assertEquals(null, g.gradBias());
        }
    }

    private static void assertMatches(Tensor analytic, Tensor at, Function<Tensor, Double> loss, String what) {
        double[] numeric = new double[at.numel()];
        for (int i = 0; i < numeric.length; i++) {
            Tensor plus = at.copy();
            Tensor minus = at.copy();
            plus.doubleData()[i] += H;
            minus.doubleData()[i] -= H;
            numeric[i] = (loss.apply(plus) - loss.apply(minus)) / (2 * H);
        }
        TestTensors.assertClose(Tensor.wrap(numeric, at.shape()), analytic, 1e-8, 1e-9, what);
    }

    private static double dot(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.numel(); i++) {
            s += a.getDouble(i) * b.getDouble(i);
        }
        return s;
    }
}
