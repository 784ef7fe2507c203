package org.conv4j.simd;

import org.conv4j.kernel.ConvKernels;
import org.conv4j.kernel.fast.ConvMaths;
import org.conv4j.kernel.fast.Parallel;
import org.conv4j.nn.Conv1d;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;

/** Run in a child JVM by {@link ScalarFallbackTest}: which kernels load, and does a layer compute. */
public final class FallbackProbe {
    private FallbackProbe() {
    }

    public static void main(String[] args) {
        Tensor y;
        int threads;
        try {
            threads = Parallel.threads(); // the call is too small to ask for threads itself
            y = Conv1d.create(ConvSpec.conv1d(3, 2, 4).build(), 0).forward(Tensor.zeros(DType.FLOAT32, 1, 3, 10));
        } catch (IllegalArgumentException e) {
            System.out.println("error=" + e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        System.out.println("math=" + ConvMaths.best().isa() + " first=" + ConvKernels.ordered().get(0).name()
                + " output=" + y.shapeString() + " threads=" + threads);
    }
}
