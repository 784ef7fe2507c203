package org.conv4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.conv4j.functional.Gradients;
import org.conv4j.nn.Conv1d;
import org.conv4j.spec.ConvShapes;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The Java example of the README, kept compiling and true. */
class ReadmeExampleTest {

    @Test
    void readmeExample() {
        // nn.Conv1d(3, 2, kernel_size=4, padding='same'), initialised as torch.manual_seed(0) would
        ConvSpec spec = ConvSpec.conv1d(3, 2, 4).padding("same").build();
        Conv1d conv = Conv1d.create(spec, 0);

        Tensor x = Tensor.of(new float[30], 1, 3, 10);         // (N, C_in, L)
        Tensor y = conv.forward(x);                            // (1, 2, 10)
        Gradients g = conv.backward(x, Tensor.zeros(y.dtype(), y.shape()));

        long flops = ConvShapes.flops(spec, y.shape());        // 2 * 1 * 2 * 10 * 3 * 4 = 480

        assertArrayEquals(new int[] {1, 2, 10}, y.shape());
        assertArrayEquals(new int[] {2, 3, 4}, g.gradWeight().shape());
        assertEquals(480, flops);
    }
}
