package org.conv4j.kernel.fast;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The float32 sum of the bias gradient (Note [Sums in float lanes]) adds in exactly the documented order, written
 * out here plainly: lengths around the eight lanes and the blocks, offsets into a longer array whose other elements
 * are NaN (so a read out of place shows), negative zeros among the values; and it stays close to the exact sum.
 */
class TypedSumTest {

    /** The documented order, one element at a time. */
    private static double byDefinition(float[] a, int off, int n) {
        double[] total = new double[8];
        for (int b = 0; b < n; b += Typed.SUM_BLOCK) {
            float[] lanes = new float[8];
            for (int i = b; i < Math.min(n, b + Typed.SUM_BLOCK); i++) {
                lanes[i % 8] += a[off + i];
            }
            for (int l = 0; l < 8; l++) {
                total[l] += lanes[l];
            }
        }
        double sum = 0;
        for (double t : total) {
            sum += t;
        }
        return sum;
    }

    @Test
    void addsInTheDocumentedOrder() {
        SplittableRandom r = new SplittableRandom(5);
        int[] lengths = {0, 1, 2, 7, 8, 9, 15, 16, 62, 255, 256, 257, 263, 511, 512, 1000, 3981, 4096};
        for (int trial = 0; trial < 400; trial++) {
            int n = trial < lengths.length ? lengths[trial] : r.nextInt(0, 2000);
            int off = r.nextInt(0, 20);
            float[] a = new float[off + n + r.nextInt(0, 10)];
            Arrays.fill(a, Float.NaN);
            for (int i = 0; i < n; i++) {
                int kind = r.nextInt(20);
                a[off + i] = kind == 0 ? -0.0f : kind == 1 ? (float) r.nextDouble(-1e6, 1e6) : (float) r.nextGaussian();
            }
            double expected = byDefinition(a, off, n);
            double actual = Typed.F32.sum(a, off, n);
            if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
                fail("n=" + n + " off=" + off + ": " + actual + ", by the definition " + expected);
            }
        }
    }

    @Test
    void staysCloseToTheExactSum() {
        SplittableRandom r = new SplittableRandom(6);
        for (int trial = 0; trial < 100; trial++) {
            int n = r.nextInt(1, 20_000);
            float[] a = new float[n];
            java.math.BigDecimal exact = java.math.BigDecimal.ZERO;
            double abs = 0;
            for (int i = 0; i < n; i++) {
                a[i] = (float) r.nextGaussian();
                exact = exact.add(new java.math.BigDecimal(a[i]));
                abs += Math.abs(a[i]);
            }
            double err = Math.abs(Typed.F32.sum(a, 0, n) - exact.doubleValue());
            // Each float lane sums at most SUM_BLOCK / 8 elements, each rounding at most eps/2 of a partial sum.
            double bound = (Typed.SUM_BLOCK / 8) * 0x1p-24 * abs + 1e-12 * abs;
            assertTrue(err <= bound, "n=" + n + ": error " + err + " above " + bound);
        }
    }
}
