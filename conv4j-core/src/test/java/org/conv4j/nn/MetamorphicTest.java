package org.conv4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.conv4j.ConvException;
import org.conv4j.TestTensors;
import org.conv4j.functional.ConvArgs;
import org.conv4j.functional.Functional;
import org.conv4j.functional.Gradients;
import org.conv4j.functional.Pad;
import org.conv4j.spec.ConvShapes;
import org.conv4j.spec.ConvSpec;
import org.conv4j.spec.PaddingMode;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Relations between different ways of computing the same convolution. */
class MetamorphicTest {
    private static final DType F64 = DType.FLOAT64;
    private final SplittableRandom rnd = new SplittableRandom(7);

    @Test
    void samePaddingEqualsExplicitPaddingPlusSlice() {
        for (int k = 1; k <= 6; k++) {
            for (int d = 1; d <= 3; d++) {
                Conv1d same = Conv1d.create(ConvSpec.conv1d(2, 3, k).padding("same").dilation(d).dtype(F64).build(), k);
                int[] lr = ConvShapes.samePadding(k, d);
                int length = 7;
                Tensor x = TestTensors.random(rnd, F64, 2, 2, length);
                // Symmetric padding by the right-hand amount gives one extra output in front when the total is odd.
                Conv1d explicit = Conv1d.of(ConvSpec.conv1d(2, 3, k).padding(lr[1]).dilation(d).dtype(F64).build(),
                        same.weight(), same.bias());
                Tensor wide = explicit.forward(x);
                int offset = lr[1] - lr[0];
                Tensor expected = slice(wide, offset, length);
                TestTensors.assertClose(expected, same.forward(x), 0, 1e-15, "k=" + k + " d=" + d);
            }
        }
    }

    @Test
    void samePaddingInEveryModeEqualsPaddingThenValidConvolution() {
        for (PaddingMode mode : PaddingMode.values()) {
            Conv1d same = Conv1d.create(ConvSpec.conv1d(2, 2, 4).padding("same").dilation(3).paddingMode(mode)
                    .dtype(F64).build(), 3);
            Tensor x = TestTensors.random(rnd, F64, 1, 2, 12);
            Tensor padded = Pad.pad(x, new int[] {4, 5}, mode); // dilation * (k - 1) = 9: 4 left, 5 right
            Tensor expected = Functional.conv1d(padded, same.weight(), same.bias(), ConvArgs.defaults().withDilation(3));
            TestTensors.assertClose(expected, same.forward(x), 0, 1e-15, mode.toString());
            assertEquals(12, same.forward(x).size(-1));
        }
    }

    @Test
    void groupsEqualSeparateConvolutionsConcatenated() {
        int groups = 3;
        ConvSpec spec = ConvSpec.conv1d(6, 9, 3).groups(groups).padding(1).stride(2).dtype(F64).build();
        Conv1d grouped = Conv1d.create(spec, 11);
        Tensor x = TestTensors.random(rnd, F64, 2, 6, 11);
        Tensor y = grouped.forward(x);
        Tensor w = grouped.weight();
        Tensor b = grouped.bias();
        for (int g = 0; g < groups; g++) {
            ConvSpec part = ConvSpec.conv1d(2, 3, 3).padding(1).stride(2).dtype(F64).build();
            Conv1d single = Conv1d.of(part, channels(w, 3 * g, 3), channels1d(b, 3 * g, 3));
            Tensor expected = single.forward(channels(x, 2 * g, 2, 1));
            TestTensors.assertClose(expected, channels(y, 3 * g, 3, 1), 0, 0, "group " + g);
        }
    }

    @Test
    void unbatchedEqualsBatchedFirst() {
        for (int seed = 0; seed < 20; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            RandomSpecs c = RandomSpecs.conv1d(r, F64, 10);
            Conv1d layer = Conv1d.create(c.spec(), seed);
            int[] s = c.inputShape();
            int[] unbatched = s.length == 2 ? s : new int[] {s[1], s[2]};
            Tensor x = TestTensors.random(r, F64, unbatched);
            Tensor xb = x.reshape(1, unbatched[0], unbatched[1]);
            Tensor y = layer.forward(x);
            Tensor yb = layer.forward(xb);
            TestTensors.assertClose(yb.reshape(y.shape()), y, 0, 0, c.spec().toString());
            Tensor gy = TestTensors.random(r, F64, y.shape());
            Gradients g = layer.backward(x, gy);
            Gradients gb = layer.backward(xb, gy.reshape(yb.shape()));
            TestTensors.assertClose(gb.gradInput().reshape(x.shape()), g.gradInput(), 0, 0, "grad_input");
            TestTensors.assertClose(gb.gradWeight(), g.gradWeight(), 0, 0, "grad_weight");
        }
    }

    @Test
    void tupleKernelConv1dRunsAsConv2dThroughTheNdCore() {
        ConvSpec spec1 = ConvSpec.conv1d(1, 1, new int[] {3, 3}).padding("same").build();
        Conv1d conv1 = Conv1d.create(spec1, 5);
        Conv2d conv2 = Conv2d.of(ConvSpec.conv2d(1, 1, 3).padding("same").build(), conv1.weight(), conv1.bias());
        Tensor x = TestTensors.random(rnd, DType.FLOAT32, 1, 1, 100, 100);
        // The N-d core (at::convolution) takes the rank from the weight: the 1-D module's weight is 2-D.
        Tensor viaCore = Functional.conv2d(x, conv1.weight(), conv1.bias(), ConvArgs.defaults().withPadding("same"));
        TestTensors.assertClose(conv2.forward(x), viaCore, 0, 0, "Conv1d((3, 3)) weights through the core");
        // nn.Conv1d's own forward goes through F.conv1d, which PyTorch (1.11 and later) limits to 2-D/3-D input.
        ConvException e = assertThrows(ConvException.class, () -> conv1.forward(x));
        assertEquals("Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: [1, 1, 100, 100]",
                e.getMessage());
    }

    @Test
    void conv2dAndConv3dWithUnitExtentsEqualConv1d() {
        ConvSpec s1 = ConvSpec.conv1d(4, 6, 3).stride(2).padding(2).dilation(2).groups(2).dtype(F64).build();
        Conv1d c1 = Conv1d.create(s1, 3);
        Tensor x = TestTensors.random(rnd, F64, 2, 4, 13);
        Tensor y = c1.forward(x);

        ConvSpec s2 = ConvSpec.conv2d(4, 6, new int[] {1, 3}).stride(new int[] {1, 2}).padding(new int[] {0, 2})
                .dilation(new int[] {1, 2}).groups(2).dtype(F64).build();
        Conv2d c2 = Conv2d.of(s2, c1.weight().reshape(6, 2, 1, 3), c1.bias());
        // (Conv1d runs on a fast kernel, 2-D and 3-D on the reference: equal up to the order of summation.)
        TestTensors.assertClose(y, c2.forward(x.reshape(2, 4, 1, 13)).reshape(y.shape()), 0, 1e-14, "Conv2d");

        ConvSpec s3 = ConvSpec.conv3d(4, 6, new int[] {1, 1, 3}).stride(new int[] {1, 1, 2})
                .padding(new int[] {0, 0, 2}).dilation(new int[] {1, 1, 2}).groups(2).dtype(F64).build();
        Conv3d c3 = Conv3d.of(s3, c1.weight().reshape(6, 2, 1, 1, 3), c1.bias());
        TestTensors.assertClose(y, c3.forward(x.reshape(2, 4, 1, 1, 13)).reshape(y.shape()), 0, 1e-14, "Conv3d");
    }

    @Test
    void float32AgreesWithFloat64WithinTheReductionsRoundingBound() {
        ConvSpec s = ConvSpec.conv1d(16, 8, 5).padding(2).build();
        Conv1d c32 = Conv1d.create(s, 1);
        Conv1d c64 = Conv1d.of(s.withDType(F64), c32.weight().to(F64), c32.bias().to(F64));
        Tensor x = TestTensors.random(rnd, F64, 2, 16, 50);
        Tensor y32 = c32.forward(x.to(DType.FLOAT32));
        Tensor y64 = c64.forward(x);
        // Every element sums 16 * 5 + 1 products of magnitude <= 1/sqrt(80): one float32 rounding of the result.
        TestTensors.assertClose(y64, y32, 0, 1e-6, "float32 vs float64");
        assertTrue(y32.dtype() == DType.FLOAT32);
    }

    /** Positions {@code [from, from + length)} of the last axis. */
    private static Tensor slice(Tensor t, int from, int length) {
        int[] s = t.shape();
        int outer = t.numel() / s[s.length - 1];
        double[] r = new double[outer * length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < length; i++) {
                r[o * length + i] = t.getDouble(o * s[s.length - 1] + from + i);
            }
        }
        s[s.length - 1] = length;
        return Tensor.of(t.dtype(), r, s);
    }

    /** Channels {@code [from, from + count)} of axis {@code axis} (0 for a weight, 1 for an activation). */
    private static Tensor channels(Tensor t, int from, int count, int axis) {
        int[] s = t.shape();
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= s[d];
        }
        int inner = t.numel() / outer / s[axis];
        double[] r = new double[outer * count * inner];
        for (int o = 0; o < outer; o++) {
            for (int c = 0; c < count; c++) {
                for (int i = 0; i < inner; i++) {
                    r[(o * count + c) * inner + i] = t.getDouble((o * s[axis] + from + c) * inner + i);
                }
            }
        }
        s[axis] = count;
        return Tensor.of(t.dtype(), r, s);
    }

    private static Tensor channels(Tensor weight, int from, int count) {
        return channels(weight, from, count, 0);
    }

    private static Tensor channels1d(Tensor bias, int from, int count) {
        return channels(bias, from, count, 0);
    }

    @Test
    void writingIntoReusedBuffersGivesTheSameResults() {
        for (int seed = 0; seed < 20; seed++) {
            SplittableRandom r = new SplittableRandom(100 + seed);
            RandomSpecs c = RandomSpecs.conv1d(r, DType.FLOAT32, 12);
            Conv1d layer = Conv1d.create(c.spec(), seed);
            Tensor x = TestTensors.random(r, DType.FLOAT32, c.inputShape());
            Tensor y = layer.forward(x);
            Tensor out = Tensor.zeros(DType.FLOAT32, y.shape());
            java.util.Arrays.fill(out.floatData(), Float.NaN); // every element must be overwritten
            layer.forward(x, out);
            assertTrue(y.contentEquals(out), c.spec().toString());

            Tensor gy = TestTensors.random(r, DType.FLOAT32, y.shape());
            Gradients g = layer.backward(x, gy);
            Gradients into = new Gradients(Tensor.zeros(DType.FLOAT32, x.shape()), layer.weight(),
                    layer.bias() == null ? null : layer.bias());
            java.util.Arrays.fill(into.gradInput().floatData(), Float.NaN);
            java.util.Arrays.fill(into.gradWeight().floatData(), Float.NaN);
            layer.backward(x, gy, into);
            assertTrue(g.gradInput().contentEquals(into.gradInput()), c.spec() + " grad_input");
            assertTrue(g.gradWeight().contentEquals(into.gradWeight()), c.spec() + " grad_weight");
            if (g.gradBias() != null) {
                assertTrue(g.gradBias().contentEquals(into.gradBias()), c.spec() + " grad_bias");
            }
        }
        Conv1d layer = Conv1d.create(ConvSpec.conv1d(3, 2, 4).build(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(Tensor.zeros(DType.FLOAT32, 1, 3, 10), Tensor.zeros(DType.FLOAT32, 1, 2, 8)));
        assertEquals("out must be float32 of size [1, 2, 7], got float32 of size [1, 2, 8]", e.getMessage());
    }
}
