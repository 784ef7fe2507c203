package org.conv4j.kernel.fast;

import java.lang.System.Logger.Level;

/**
 * Picks the {@link ConvMath} once, at first use: the Vector API implementation from the {@code conv4j-simd}
 * module when it is on the class path and {@code jdk.incubator.vector} is resolved ({@code --add-modules
 * jdk.incubator.vector}), the scalar one otherwise. The core never names the Vector API class: it is loaded by
 * name ({@code PanamaConvMath.create()}, which picks the register tile for the machine), so the core runs without
 * the incubator module. The choice and its reason are logged.
 */
public final class ConvMaths {
    static final String PANAMA_CLASS = "org.conv4j.simd.PanamaConvMath";
    private static final System.Logger LOG = System.getLogger("org.conv4j");

    private static final ConvMath SCALAR = new ScalarConvMath();
    private static final Holder VECTOR = Holder.load();

    private record Holder(ConvMath math, String reason) {
        static Holder load() {
            try {
                Class<?> c = Class.forName(PANAMA_CLASS);
                ConvMath m = (ConvMath) c.getMethod("create").invoke(null);
                String what = m.isa() + ", " + m.tileRows() + " x " + m.tileColsF32() + " float32 tiles";
                LOG.log(Level.DEBUG, "conv4j: Vector API kernels ({0})", what);
                return new Holder(m, "Vector API " + what);
            } catch (ClassNotFoundException e) {
                return unavailable("conv4j-simd is not on the class path");
            } catch (LinkageError e) {
                return unavailable("the Vector API is not available (run with --add-modules jdk.incubator.vector): "
                        + e);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return unavailable("the Vector API kernels failed to start: " + e);
            }
        }

        static Holder unavailable(String why) {
            LOG.log(Level.INFO, "conv4j: using scalar kernels: {0}", why);
            return new Holder(null, why);
        }
    }

    private ConvMaths() {
    }

    /** The Vector API implementation, or null where it is unavailable (see {@link #vectorUnavailableReason()}). */
    public static ConvMath vector() {
        return VECTOR.math();
    }

    /** Why the Vector API implementation is unavailable, or what it is. */
    public static String vectorUnavailableReason() {
        return VECTOR.reason();
    }

    public static ConvMath scalar() {
        return SCALAR;
    }

    /** The best available: the Vector API implementation, else the scalar one. */
    public static ConvMath best() {
        return VECTOR.math() != null ? VECTOR.math() : SCALAR;
    }
}
