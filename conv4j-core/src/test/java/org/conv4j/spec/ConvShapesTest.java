package org.conv4j.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConvShapesTest {

    @Test
    void outputLengthFollowsTheFormula() {
        // floor((L + 2p - d(K-1) - 1) / s) + 1
        assertEquals(7, ConvShapes.outputSize(10, 4, 1, 0, 1));
        assertEquals(24, ConvShapes.outputSize(50, 3, 2, 0, 1)); // the nn.Conv1d docstring example
        assertEquals(5, ConvShapes.outputSize(10, 3, 2, 1, 1));
        assertEquals(3, ConvShapes.outputSize(7, 3, 1, 0, 2));
        assertEquals(1, ConvShapes.outputSize(1, 5, 1, 2, 1));
        assertEquals(10, ConvShapes.outputSize(10, 4, 1, 1, 2, 1)); // asymmetric 'same'
    }

    @Test
    void samePaddingPutsTheOddElementOnTheRight() {
        assertArrayEquals(new int[] {1, 1}, ConvShapes.samePadding(3, 1));
        assertArrayEquals(new int[] {1, 2}, ConvShapes.samePadding(4, 1));
        assertArrayEquals(new int[] {3, 3}, ConvShapes.samePadding(4, 2));
        assertArrayEquals(new int[] {4, 5}, ConvShapes.samePadding(4, 3));
        assertArrayEquals(new int[] {0, 0}, ConvShapes.samePadding(1, 5));
        for (int k = 1; k <= 9; k++) {
            for (int d = 1; d <= 4; d++) {
                int[] p = ConvShapes.samePadding(k, d);
                assertEquals(20, ConvShapes.outputSize(20, k, 1, p[0], p[1], d), "k=" + k + " d=" + d);
            }
        }
    }

    @Test
    void countsParametersMacsAndFlops() {
        ConvSpec classic = ConvSpec.conv1d(3, 2, 4).build();
        assertEquals(2 * 3 * 4 + 2, ConvShapes.parameterCount(classic));
        // 2 * N * C_out * L_out * (C_in / groups) * K = 2 * 1 * 2 * 7 * 3 * 4
        assertEquals(168, ConvShapes.macs(classic, 1, 2, 7));
        assertEquals(336, ConvShapes.flops(classic, 1, 2, 7));

        ConvSpec grouped = ConvSpec.conv1d(256, 256, 3).groups(8).bias(false).build();
        assertEquals(256L * 32 * 3, ConvShapes.parameterCount(grouped));
        assertEquals(2L * 8 * 256 * 1024 * 32 * 3, ConvShapes.flops(grouped, 8, 256, 1024));

        ConvSpec depthwise = ConvSpec.conv1d(256, 256, 9).groups(256).build();
        assertEquals(256L * 9 + 256, ConvShapes.parameterCount(depthwise));
    }
}
