package org.conv4j.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.conv4j.ConvException;
import org.conv4j.spec.ConvSpec;

/** Layer-stack rows against values worked out by hand (the comments show the arithmetic). */
class StackSummaryTest {
    /** The README's examples/ecg_cnn.json. */
    private static final List<StackLayer> ECG = List.of(
            new StackLayer.Conv1d(ConvSpec.conv1d(12, 32, 7).padding(3).build()),
            new StackLayer.Elementwise("ReLU"),
            new StackLayer.Pool1d("MaxPool1d", 2, 2, 0, 1),
            new StackLayer.Conv1d(ConvSpec.conv1d(32, 64, 5).padding(4).dilation(2).build()),
            new StackLayer.Elementwise("ReLU"),
            new StackLayer.Conv1d(ConvSpec.conv1d(64, 64, 3).stride(2).padding(1).groups(4).build()),
            new StackLayer.Elementwise("ReLU"),
            new StackLayer.Pool1d("AvgPool1d", 4, 4, 0, 1),
            new StackLayer.Flatten(),
            new StackLayer.Linear(3968, 5, true));

    @Test
    void ecgStackMatchesTheHandWorkedNumbers() {
        List<StackSummary.Row> rows = StackSummary.of(new int[] {1, 12, 1000}, ECG);
        // conv 1: L_out = (1000 + 6 - 6 - 1)/1 + 1 = 1000; params 32*12*7 + 32; MACs 32*1000 * 12*7
        check(rows.get(0), new int[] {1, 32, 1000}, 2_720, 2_688_000, 7);
        check(rows.get(1), new int[] {1, 32, 1000}, 0, 0, 7);
        // max pool 2: L = 500; receptive field + (2-1)*1 = 8, jump 2
        check(rows.get(2), new int[] {1, 32, 500}, 0, 0, 8);
        // conv 2: L_out = (500 + 8 - 2*4 - 1) + 1 = 500; params 64*32*5 + 64; MACs 64*500 * 32*5; rf + 2*(5-1)*2
        check(rows.get(3), new int[] {1, 64, 500}, 10_304, 5_120_000, 24);
        assertEquals("+16 = 2*(5-1)*2", rows.get(3).growth());
        // conv 3, groups 4: weight [64, 16, 3]; L_out = floor((500 + 2 - 2 - 1)/2) + 1 = 250; MACs 64*250 * 16*3
        check(rows.get(5), new int[] {1, 64, 250}, 3_136, 768_000, 28);
        assertArrayEquals(new int[] {64, 16, 3}, rows.get(5).weightShape());
        // avg pool 4: L = 62; rf + (4-1)*4 = 40
        check(rows.get(7), new int[] {1, 64, 62}, 0, 0, 40);
        assertEquals(16, rows.get(7).jump());
        check(rows.get(8), new int[] {1, 3968}, 0, 0, StackSummary.ALL);
        // Linear: 3968*5 + 5 parameters, 3968*5 MACs
        check(rows.get(9), new int[] {1, 5}, 19_845, 19_840, StackSummary.ALL);
        assertEquals(36_005, rows.stream().mapToLong(StackSummary.Row::params).sum());
        assertEquals(8_595_840, rows.stream().mapToLong(StackSummary.Row::macs).sum());
        assertEquals(17_191_680, rows.stream().mapToLong(StackSummary.Row::flops).sum());
    }

    private static void check(StackSummary.Row row, int[] out, long params, long macs, long rf) {
        assertArrayEquals(out, row.outputShape(), "output of layer " + row.index());
        assertEquals(params, row.params(), "params of layer " + row.index());
        assertEquals(macs, row.macs(), "MACs of layer " + row.index());
        assertEquals(rf, row.receptiveField(), "receptive field of layer " + row.index());
    }

    @Test
    void aLayerThatCannotTakeItsInputIsNamedWithPyTorchsMessage() {
        ConvException e = assertThrows(ConvException.class, () -> StackSummary.of(new int[] {1, 3, 20}, List.of(
                new StackLayer.Conv1d(ConvSpec.conv1d(3, 4, 3).build()),
                new StackLayer.Conv1d(ConvSpec.conv1d(5, 4, 3).build()))));
        assertEquals("layers[1] (Conv1d): Given groups=1, weight of size [4, 5, 3], expected input[1, 4, 18] to have "
                + "5 channels, but got 4 channels instead", e.getMessage());
    }

    @Test
    void convVersusLinearGeneralisesTheClassicExample() {
        // B=2, S=3, L=10, E=8, k=3, 2 layers: Linear 10*B*S*E^2 MACs = 3840, conv 2 * 3*10*B*S*E^2 = 23040.
        ConvVersusLinear c = new ConvVersusLinear(2, 3, 10, 8, 3, 2);
        assertEquals(3_840, c.linearMacs());
        assertEquals(23_040, c.convMacs());
        assertEquals(6.0, c.costRatio(), 0.0);
        assertEquals(10 * 64 + 8, c.linearParams());
        assertEquals(2 * (64 * 3 + 8), c.convParams());
        // An even kernel with padding k//2 lengthens each layer by one: L_out 11, then 12.
        ConvVersusLinear even = new ConvVersusLinear(1, 1, 10, 4, 4, 2);
        assertEquals(11, even.convOutputLength(0));
        assertEquals(12, even.convOutputLength(1));
        assertEquals(16L * 4 * (11 + 12), even.convMacs());
        assertThrows(IllegalArgumentException.class, () -> new ConvVersusLinear(1, 1, 10, 0, 3, 2));
    }

    /** PyTorch 1.13's messages for pooling and flattening calls it rejects (each run through real PyTorch). */
    @Test
    void poolingAndFlatteningFailAsPyTorchDoes() {
        int[] x = {1, 3, 100};
        // Max pooling to no positions is legal; average pooling is not.
        assertArrayEquals(new int[] {1, 3, 0}, StackSummary.of(x, List.of(
                new StackLayer.Pool1d("MaxPool1d", 200, 200, 0, 1))).get(0).outputShape());
        String[][] cases = {
            {"MaxPool1d", "0", "0", "0", "1", "max_pool1d() kernel_size must be greater than zero, but got 0"},
            {"MaxPool1d", "2", "0", "-1", "1", "max_pool1d() stride must be greater than zero, but got 0"},
            {"MaxPool1d", "2", "1", "-1", "0", "max_pool1d() padding must be non-negative, but got -1"},
            {"MaxPool1d", "2", "2", "2", "0", "max_pool1d() padding should be at most half of kernel size, but got "
                    + "padding=2 and kernel_size=2"},
            {"MaxPool1d", "2", "2", "0", "2147483647", "max_pool1d() Invalid computed output size: -1073741773"},
            {"AvgPool1d", "2", "0", "-1", "1", "stride should not be zero"},
            {"AvgPool1d", "2", "-1", "-1", "1", "pad must be non-negative, but got pad: -1"},
            {"AvgPool1d", "-2", "1", "0", "1", "pad should be at most half of kernel size, but got pad=0 and "
                    + "kernel_size=-2"},
            {"AvgPool1d", "0", "1", "0", "1", "kernel size should be greater than zero, but got kH: 1 kW: 0"},
            {"AvgPool1d", "2", "-1", "0", "1", "stride should be greater than zero, but got dH: 1 dW: -1"},
            {"AvgPool1d", "200", "200", "0", "1", "Given input size: (3x1x100). Calculated output size: (3x1x0). "
                    + "Output size is too small"},
        };
        for (String[] c : cases) {
            StackLayer pool = new StackLayer.Pool1d(c[0], Integer.parseInt(c[1]), Integer.parseInt(c[2]),
                    Integer.parseInt(c[3]), Integer.parseInt(c[4]));
            assertEquals("layers[0] (" + c[0] + "): " + c[5], assertThrows(ConvException.class,
                    () -> StackSummary.of(x, List.of(pool))).getMessage(), String.join(",", c));
        }
        assertEquals("layers[0] (MaxPool1d): max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim "
                + "batch size for input, but got:[1, 3, 0]", assertThrows(ConvException.class, () -> StackSummary.of(
                new int[] {1, 3, 0}, List.of(new StackLayer.Pool1d("MaxPool1d", 0, 0, 0, 1)))).getMessage());
        assertEquals("layers[0] (AvgPool1d): Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for "
                + "input, but got:[1, 3, 1, 0]", assertThrows(ConvException.class, () -> StackSummary.of(
                new int[] {1, 3, 0}, List.of(new StackLayer.Pool1d("AvgPool1d", 200, 200, 0, 1)))).getMessage());
        assertEquals("layers[0] (Flatten): Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                assertThrows(ConvException.class, () -> StackSummary.of(new int[] {5},
                        List.of(new StackLayer.Flatten()))).getMessage());
    }
}
