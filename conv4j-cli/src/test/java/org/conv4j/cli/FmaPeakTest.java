package org.conv4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.conv4j.kernel.fast.ConvMaths;
import org.junit.jupiter.api.Test;

class FmaPeakTest {
    @Test
    void theHighestRunIsAtLeastTheMedianAndBothAreFinite() throws InterruptedException {
        FmaPeak p = FmaPeak.measure(ConvMaths.scalar(), 1);
        assertTrue(p.median() > 0 && Double.isFinite(p.highest()), p.toString());
        assertTrue(p.highest() >= p.median(), p.toString());
    }
}
