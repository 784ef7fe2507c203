package org.conv4j.functional;

import java.util.EnumSet;
import java.util.Set;

/** Which gradients a backward call computes. */
public enum Grad {
    INPUT, WEIGHT, BIAS;

    /** All three. */
    public static Set<Grad> all() {
        return EnumSet.allOf(Grad.class);
    }
}
