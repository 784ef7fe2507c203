package org.conv4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class TorchGeneratorTest {

    @Test
    void isTheStandardMersenneTwister() {
        // MT19937's published first output for the default seed 5489.
        assertEquals(3499211612L, new TorchGenerator(5489).nextUint32());
    }

    @Test
    void conv1dInitialisationEqualsPyTorchs() {
        // torch.manual_seed(0); m = nn.Conv1d(3, 2, 4)
        // m.weight.view(-1)[:4] -> [-0.0021612588316202164, 0.15485791862010956, -0.2375926673412323, -0.21244730055332184]
        // m.bias -> [-0.046529628336429596, 0.030545899644494057]
        Conv1d m = Conv1d.create(ConvSpec.conv1d(3, 2, 4).build(), 0);
        Tensor w = m.weight();
        assertEquals(-0.0021612588316202164, w.getDouble(0));
        assertEquals(0.15485791862010956, w.getDouble(1));
        assertEquals(-0.2375926673412323, w.getDouble(2));
        assertEquals(-0.21244730055332184, w.getDouble(3));
        assertEquals(-0.046529628336429596, m.bias().getDouble(0));
        assertEquals(0.030545899644494057, m.bias().getDouble(1));
    }

    @Test
    void float64InitialisationEqualsPyTorchs() {
        // torch.manual_seed(42); m = nn.Conv1d(4, 6, 3, groups=2, dtype=torch.float64)
        // m.weight.view(-1)[:3] -> [-0.3607653515107462, -0.35688235385610456, -0.30734068459327285]
        // m.bias[:2] -> [0.28495963028734606, -0.3817157370194404]
        Conv1d m = Conv1d.create(ConvSpec.conv1d(4, 6, 3).groups(2).dtype(DType.FLOAT64).build(), 42);
        assertEquals(-0.3607653515107462, m.weight().getDouble(0));
        assertEquals(-0.35688235385610456, m.weight().getDouble(1));
        assertEquals(-0.30734068459327285, m.weight().getDouble(2));
        assertEquals(0.28495963028734606, m.bias().getDouble(0));
        assertEquals(-0.3817157370194404, m.bias().getDouble(1));
    }

    @Test
    void conv2dInitialisationEqualsPyTorchs() {
        // torch.manual_seed(7); m = nn.Conv2d(2, 3, (2, 3), bias=False); m.weight.view(-1)[-2:]
        // -> [0.14071916043758392, 0.26512882113456726]
        Conv2d m = Conv2d.create(ConvSpec.conv2d(2, 3, new int[] {2, 3}).bias(false).build(), 7);
        Tensor w = m.weight();
        assertEquals(0.14071916043758392, w.getDouble(w.numel() - 2));
        assertEquals(0.26512882113456726, w.getDouble(w.numel() - 1));
    }
}
