package org.conv4j.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.conv4j.TestTensors;
import org.conv4j.spec.PaddingMode;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** {@code F.pad} values, checked against PyTorch's on {@code [0, 1, 2, 3, 4]}. */
class PadTest {
    private static final Tensor X = Tensor.of(new double[] {0, 1, 2, 3, 4}, 1, 1, 5);

    private static double[] pad(PaddingMode mode, int left, int right) {
        return Pad.pad(X, new int[] {left, right}, mode).toDoubleArray();
    }

    @Test
    void reflectMirrorsWithoutRepeatingTheEdge() {
        // F.pad(x, (2, 3), 'reflect') -> [2, 1, 0, 1, 2, 3, 4, 3, 2, 1]
        assertArrayEquals(new double[] {2, 1, 0, 1, 2, 3, 4, 3, 2, 1}, pad(PaddingMode.REFLECT, 2, 3));
        // Negative sizes crop: (-1, 2) -> [1, 2, 3, 4, 3, 2]
        assertArrayEquals(new double[] {1, 2, 3, 4, 3, 2}, pad(PaddingMode.REFLECT, -1, 2));
    }

    @Test
    void replicateRepeatsTheEdgeEvenBeyondTheLength() {
        assertArrayEquals(new double[] {0, 0, 0, 1, 2, 3, 4, 4}, pad(PaddingMode.REPLICATE, 2, 1));
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4}, pad(PaddingMode.REPLICATE, 6, 0));
        assertArrayEquals(new double[] {2, 3}, pad(PaddingMode.REPLICATE, -2, -1));
    }

    @Test
    void circularWrapsAroundTheCroppedSignal() {
        // F.pad(x, (2, 3), 'circular') -> [3, 4, 0, 1, 2, 3, 4, 0, 1, 2]
        assertArrayEquals(new double[] {3, 4, 0, 1, 2, 3, 4, 0, 1, 2}, pad(PaddingMode.CIRCULAR, 2, 3));
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 0, 1, 2, 3, 4}, pad(PaddingMode.CIRCULAR, 5, 0));
        // ATen copies the centre first, so a crop on one side shapes the wrap on the other:
        // F.pad(x, (2, -1), 'circular') -> [2, 3, 0, 1, 2, 3]
        assertArrayEquals(new double[] {2, 3, 0, 1, 2, 3}, pad(PaddingMode.CIRCULAR, 2, -1));
        assertArrayEquals(new double[] {1, 2, 3, 4, 1}, pad(PaddingMode.CIRCULAR, -1, 1));
    }

    @Test
    void zerosPadAndCrop() {
        assertArrayEquals(new double[] {0, 0, 1, 2, 3, 4, 0}, pad(PaddingMode.ZEROS, 1, 1));
        assertArrayEquals(new double[] {1, 2, 3}, pad(PaddingMode.ZEROS, -1, -1));
    }

    @Test
    void circularAcceptsAnUnbatchedSignalAsLaterPyTorchDoes() {
        Tensor x = Tensor.of(new double[] {0, 1, 2, 3, 4}, 1, 5);
        Tensor y = Pad.pad(x, new int[] {1, 1}, PaddingMode.CIRCULAR);
        assertArrayEquals(new int[] {1, 7}, y.shape());
        assertArrayEquals(new double[] {4, 0, 1, 2, 3, 4, 0}, y.toDoubleArray());
    }

    @Test
    void padsTheLastTwoDimensionsWithFourSizes() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 1, 1, 2, 2);
        // F.pad(x, (1, 0, 0, 1), 'replicate') -> [[1, 1, 2], [3, 3, 4], [3, 3, 4]]
        Tensor y = Pad.pad(x, new int[] {1, 0, 0, 1}, PaddingMode.REPLICATE);
        assertArrayEquals(new int[] {1, 1, 3, 3}, y.shape());
        assertArrayEquals(new double[] {1, 1, 2, 3, 3, 4, 3, 3, 4}, y.toDoubleArray());
    }

    @Test
    void backwardIsTheAdjointOfPadding() {
        SplittableRandom r = new SplittableRandom(3);
        int[][] pads = {{2, 3}, {-1, 2}, {4, 4}, {2, -1}, {0, 0}, {-2, -2}};
        for (PaddingMode mode : PaddingMode.values()) {
            for (int[] p : pads) {
                if (mode == PaddingMode.REFLECT && (p[0] >= 5 || p[1] >= 5)) {
                    continue;
                }
                Tensor x = TestTensors.random(r, DType.FLOAT64, 2, 3, 5);
                Pad.Plan plan = Pad.plan(org.conv4j.tensor.TensorMeta.of(x), p, mode);
                Tensor y = Pad.apply(plan, x);
                Tensor g = TestTensors.random(r, DType.FLOAT64, y.shape());
                // <pad(x), g> == <x, pad^T(g)>
                assertEquals(dot(y, g), dot(x, Pad.backward(plan, g)), 1e-12, mode + " " + p[0] + "," + p[1]);
            }
        }
    }

    private static double dot(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.numel(); i++) {
            s += a.getDouble(i) * b.getDouble(i);
        }
        return s;
    }
}
