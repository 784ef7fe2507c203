package org.conv4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;

import org.conv4j.tensor.DType;
import org.conv4j.tensor.Shapes;
import org.conv4j.tensor.Tensor;

/** Helpers for tests: seeded random tensors and element-wise comparison that names the failing coordinates. */
public final class TestTensors {
    private TestTensors() {
    }

    /** Uniform values in [-1, 1). */
    public static Tensor random(SplittableRandom rnd, DType dtype, int... shape) {
        double[] v = new double[Shapes.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return Tensor.of(dtype, v, shape);
    }

    /** Asserts equal shapes and {@code |a - b| <= atol + rtol * |b|} element-wise, printing the first mismatch. */
    public static void assertClose(Tensor expected, Tensor actual, double rtol, double atol, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        int[] shape = expected.shape();
        for (int i = 0; i < expected.numel(); i++) {
            double e = expected.getDouble(i);
            double a = actual.getDouble(i);
            if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
                fail(what + ": mismatch at " + Shapes.format(Shapes.unravel(i, shape)) + ": expected " + e
                        + ", got " + a + " (|diff| " + Math.abs(a - e) + ")");
            }
        }
    }
}
