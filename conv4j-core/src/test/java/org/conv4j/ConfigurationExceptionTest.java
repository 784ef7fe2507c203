package org.conv4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.conv4j.kernel.ConvKernels;
import org.junit.jupiter.api.Test;

class ConfigurationExceptionTest {
    private static final String PROPERTY = "conv4j.test.configurationExceptionTest";

    private static int read(String value) {
        System.setProperty(PROPERTY, value);
        try {
            return ConfigurationException.intProperty(PROPERTY, 1, 7);
        } finally {
            System.clearProperty(PROPERTY);
        }
    }

    @Test
    void readsWholeNumbersAndFallsBackWhenUnset() {
        assertEquals(7, ConfigurationException.intProperty(PROPERTY, 1, 7));
        assertEquals(7, read("  "));
        assertEquals(3, read(" 3 "));
        assertEquals(1, read("1"));
    }

    @Test
    void namesThePropertyAndItsValue() {
        assertEquals("-D" + PROPERTY + "=x2 is not a whole number",
                assertThrows(ConfigurationException.class, () -> read("x2")).getMessage());
        assertEquals("-D" + PROPERTY + "=0 is below 1",
                assertThrows(ConfigurationException.class, () -> read("0")).getMessage());
    }

    @Test
    void anUnknownKernelModeIsAConfigurationError() {
        assertEquals("-Dconv4j.kernel=fast is not one of: auto, simd, scalar, ref",
                assertThrows(ConfigurationException.class, () -> ConvKernels.setMode("fast")).getMessage());
    }
}
