package org.conv4j;

/**
 * A bad {@code -Dconv4j.*} system property ({@code conv4j.kernel}, {@code conv4j.threads},
 * {@code conv4j.spinMicros}): thrown by the first call that reads it, with a message that names the property.
 * An {@link IllegalArgumentException}, like bad input: the setting is the caller's.
 */
public class ConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    /** The whole number {@code -D<property>} holds, at least {@code min}; {@code fallback} where it is unset. */
    public static int intProperty(String property, int min, int fallback) {
        String p = System.getProperty(property);
        if (p == null || p.isBlank()) {
            return fallback;
        }
        int v;
        try {
            v = Integer.parseInt(p.trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("-D" + property + "=" + p + " is not a whole number");
        }
        if (v < min) {
            throw new ConfigurationException("-D" + property + "=" + p + " is below " + min);
        }
        return v;
    }
}
