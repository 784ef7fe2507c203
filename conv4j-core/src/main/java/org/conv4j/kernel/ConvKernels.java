package org.conv4j.kernel;

import java.util.List;
import java.util.Locale;

import org.conv4j.ConfigurationException;

import org.conv4j.kernel.fast.ConvMath;
import org.conv4j.kernel.fast.ConvMaths;
import org.conv4j.kernel.fast.DepthwiseConvKernel;
import org.conv4j.kernel.fast.ImplicitGemmConvKernel;
import org.conv4j.tensor.DType;

/**
 * Chooses the kernel for a problem from an ordered list that always ends with the reference kernel, so there is
 * never "no kernel". The system property {@value #PROPERTY} forces a choice:
 * <ul>
 *   <li>{@code auto} (default): the fast kernels with the Vector API when it is available, else with scalar
 *       inner loops (see {@link ConvMaths}), then the reference;</li>
 *   <li>{@code simd}: the Vector API kernels; a {@link ConfigurationException} where they are unavailable;</li>
 *   <li>{@code scalar}: the fast kernels with scalar inner loops;</li>
 *   <li>{@code ref}: the reference kernel only.</li>
 * </ul>
 */
public final class ConvKernels {
    /** System property that forces the kernel choice. */
    public static final String PROPERTY = "conv4j.kernel";

    private static final ConvKernel REFERENCE = new ReferenceConvKernel();
    private static final List<ConvKernel> SCALAR = fastKernels(ConvMaths.scalar());
    private static final List<ConvKernel> VECTOR = ConvMaths.vector() == null ? null : fastKernels(ConvMaths.vector());
    private static volatile List<ConvKernel> current;

    private ConvKernels() {
    }

    private static List<ConvKernel> fastKernels(ConvMath math) {
        return List.of(new DepthwiseConvKernel(math), new ImplicitGemmConvKernel(math), REFERENCE);
    }

    /** The oracle. */
    public static ConvKernel reference() {
        return REFERENCE;
    }

    /** The kernels tried in order (see {@link #setMode}); the last one is the reference. */
    public static List<ConvKernel> ordered() {
        List<ConvKernel> c = current;
        if (c == null) {
            c = forMode(System.getProperty(PROPERTY, "auto"));
            current = c;
        }
        return c;
    }

    /**
     * Forces the kernel choice for all later calls, as {@value #PROPERTY} does at start-up: {@code auto},
     * {@code simd}, {@code scalar} or {@code ref}.
     */
    public static void setMode(String mode) {
        current = forMode(mode);
    }

    private static List<ConvKernel> forMode(String value) {
        String mode = value.trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "ref", "reference" -> List.of(REFERENCE);
            case "scalar" -> SCALAR;
            case "simd" -> {
                if (VECTOR == null) {
                    throw new ConfigurationException("-D" + PROPERTY + "=simd, but "
                            + ConvMaths.vectorUnavailableReason());
                }
                yield VECTOR;
            }
            case "auto" -> VECTOR != null ? VECTOR : SCALAR;
            default -> throw new ConfigurationException("-D" + PROPERTY + "=" + mode + " is not one of: auto, simd, "
                    + "scalar, ref");
        };
    }

    /** Every kernel of one kind, in order ({@code simd} is empty where the Vector API is unavailable). */
    public static List<ConvKernel> ordered(String mode) {
        return switch (mode) {
            case "ref" -> List.of(REFERENCE);
            case "scalar" -> SCALAR;
            case "simd" -> VECTOR == null ? List.of() : VECTOR;
            default -> throw new IllegalArgumentException("no kernel set '" + mode + "'");
        };
    }

    /** The kernel that computes this problem under the current {@value #PROPERTY}. */
    public static ConvKernel select(ConvProblem problem, DType dtype) {
        for (ConvKernel k : ordered()) {
            if (k.supports(problem, dtype)) {
                return k;
            }
        }
        return REFERENCE;
    }
}
