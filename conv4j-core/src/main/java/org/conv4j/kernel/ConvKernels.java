package org.conv4j.kernel;

import java.util.List;
import java.util.Locale;

import org.conv4j.tensor.DType;

/**
 * Chooses the kernel for a problem from an ordered list that always ends with the reference kernel, so there is
 * never "no kernel". The system property {@value #PROPERTY} forces a choice: {@code ref} (the reference only) or
 * {@code auto} (the default: the first kernel in the list that supports the problem).
 */
public final class ConvKernels {
    /** System property that forces the kernel choice. */
    public static final String PROPERTY = "conv4j.kernel";

    private static final ConvKernel REFERENCE = new ReferenceConvKernel();
    private static final List<ConvKernel> ORDERED = List.of(REFERENCE);

    private ConvKernels() {
    }

    /** The oracle. */
    public static ConvKernel reference() {
        return REFERENCE;
    }

    /** The kernels in the order they are tried; the last one is the reference. */
    public static List<ConvKernel> ordered() {
        return ORDERED;
    }

    /** The kernel that computes this problem, honouring {@value #PROPERTY}. */
    public static ConvKernel select(ConvProblem problem, DType dtype) {
        String forced = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        switch (forced) {
            case "ref", "reference":
                return REFERENCE;
            case "auto":
                for (ConvKernel k : ORDERED) {
                    if (k.supports(problem, dtype)) {
                        return k;
                    }
                }
                return REFERENCE;
            default:
                throw new IllegalStateException("-D" + PROPERTY + "=" + forced + " is not one of: ref, auto");
        }
    }
}
