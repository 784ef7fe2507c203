package org.conv4j.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import org.conv4j.kernel.fast.ConvMath;

/**
 * {@link ConvMath} with the Vector API. The register tile's shape follows the register file, so it is chosen
 * once, by {@link #create()}, from the preferred vector size:
 * <ul>
 *   <li>{@link PanamaConvMath5x2} where vectors are narrower than 512 bits (AVX2: 16 registers): ten accumulators,
 *       two B vectors and a broadcast fit, a 6 x 2 tile spills and runs at half speed (measured on Zen 4);</li>
 *   <li>{@link PanamaConvMath8x2} with 512-bit vectors (AVX-512: 32 registers): sixteen accumulators, which
 *       nearly halves the broadcasts per FMA; on Zen 5 it ran the suite's GEMM shapes 30-45% faster than 5 x 2
 *       and 10-25% faster than 12 x 2 (one benchmark run each).</li>
 * </ul>
 * The system property {@value #TILE_PROPERTY} ({@code 5x2} or {@code 8x2}) forces one, for tests and measurements.
 * Every element follows Note [Bit-identical tiles]: one fused multiply-add per reduction step, in order, so the
 * results equal the scalar implementation's bit for bit whatever the tile shape.
 *
 * <p>Written out by {@code tools/gen_panama_conv_math.py}. The tiles come in two addressings of B, written out
 * separately: packed panels (row {@code r} at {@code bOff + r*NR}), a table of row starts (shifted runs of the
 * input, a convolution's implicit im2col) and runs of rows, each an arithmetic sequence of row starts. On one Zen 5
 * core the table ran about 10% slower than packed panels (C2 cannot hoist the bounds checks of its loads), runs of
 * 64 or 128 rows 3-4% slower, runs of 3 rows 25% slower (the loop entry per run).
 */
public abstract sealed class PanamaConvMath implements ConvMath permits PanamaConvMath5x2, PanamaConvMath8x2 {
    /** System property that forces the register tile shape: {@code 5x2} or {@code 8x2}. */
    public static final String TILE_PROPERTY = "conv4j.tile";

    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Dot products use 256-bit vectors on every machine, so that their order of summation is fixed. */
    static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;
    static final int LF = F.length();
    static final int LD = D.length();

    PanamaConvMath() {
        if (F.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("no vector registers (preferred species " + F + ")");
        }
    }

    /** The implementation for this machine's vectors, or the one {@value #TILE_PROPERTY} names. */
    public static PanamaConvMath create() {
        String tile = System.getProperty(TILE_PROPERTY, F.vectorBitSize() >= 512 ? "8x2" : "5x2");
        return switch (tile.trim()) {
            case "5x2" -> new PanamaConvMath5x2();
            case "8x2" -> new PanamaConvMath8x2();
            default -> throw new IllegalStateException("-D" + TILE_PROPERTY + "=" + tile + " is not one of: 5x2, 8x2");
        };
    }

    @Override
    public String isa() {
        return "vector" + F.vectorBitSize();
    }

    @Override
    public void depthwiseF32(int count, int taps, float[] w, int wOff, float[] x, int xOff, int[] xTaps,
            float[] y, int yOff) {
        int j = 0;
        // Four vectors of outputs per pass over the taps: one broadcast serves four loads and FMAs.
        for (; j <= count - 4 * LF; j += 4 * LF) {
            FloatVector acc0 = FloatVector.fromArray(F, y, yOff + j);
            FloatVector acc1 = FloatVector.fromArray(F, y, yOff + j + LF);
            FloatVector acc2 = FloatVector.fromArray(F, y, yOff + j + 2 * LF);
            FloatVector acc3 = FloatVector.fromArray(F, y, yOff + j + 3 * LF);
            for (int k = 0; k < taps; k++) {
                int xi = xOff + xTaps[k] + j;
                FloatVector wk = FloatVector.broadcast(F, w[wOff + k]);
                acc0 = wk.fma(FloatVector.fromArray(F, x, xi), acc0);
                acc1 = wk.fma(FloatVector.fromArray(F, x, xi + LF), acc1);
                acc2 = wk.fma(FloatVector.fromArray(F, x, xi + 2 * LF), acc2);
                acc3 = wk.fma(FloatVector.fromArray(F, x, xi + 3 * LF), acc3);
            }
            acc0.intoArray(y, yOff + j);
            acc1.intoArray(y, yOff + j + LF);
            acc2.intoArray(y, yOff + j + 2 * LF);
            acc3.intoArray(y, yOff + j + 3 * LF);
        }
        for (; j <= count - LF; j += LF) {
            FloatVector acc = FloatVector.fromArray(F, y, yOff + j);
            for (int k = 0; k < taps; k++) {
                FloatVector xk = FloatVector.fromArray(F, x, xOff + xTaps[k] + j);
                acc = FloatVector.broadcast(F, w[wOff + k]).fma(xk, acc);
            }
            acc.intoArray(y, yOff + j);
        }
        for (; j < count; j++) {
            float acc = y[yOff + j];
            for (int k = 0; k < taps; k++) {
                acc = Math.fma(w[wOff + k], x[xOff + xTaps[k] + j], acc);
            }
            y[yOff + j] = acc;
        }
    }

    @Override
    public float dotF32(int count, float[] a, int aOff, float[] b, int bOff) {
        FloatVector acc = FloatVector.zero(F8);
        int j = 0;
        for (; j <= count - 8; j += 8) {
            FloatVector bj = FloatVector.fromArray(F8, b, bOff + j);
            acc = FloatVector.fromArray(F8, a, aOff + j).fma(bj, acc);
        }
        float[] lanes = acc.toArray();
        for (int i = 0; j < count; j++, i++) {
            lanes[i] = Math.fma(a[aOff + j], b[bOff + j], lanes[i]);
        }
        float sum = 0;
        for (float lane : lanes) {
            sum += lane;
        }
        return sum;
    }

    @Override
    public void depthwiseF64(int count, int taps, double[] w, int wOff, double[] x, int xOff, int[] xTaps,
            double[] y, int yOff) {
        int j = 0;
        // Four vectors of outputs per pass over the taps: one broadcast serves four loads and FMAs.
        for (; j <= count - 4 * LD; j += 4 * LD) {
            DoubleVector acc0 = DoubleVector.fromArray(D, y, yOff + j);
            DoubleVector acc1 = DoubleVector.fromArray(D, y, yOff + j + LD);
            DoubleVector acc2 = DoubleVector.fromArray(D, y, yOff + j + 2 * LD);
            DoubleVector acc3 = DoubleVector.fromArray(D, y, yOff + j + 3 * LD);
            for (int k = 0; k < taps; k++) {
                int xi = xOff + xTaps[k] + j;
                DoubleVector wk = DoubleVector.broadcast(D, w[wOff + k]);
                acc0 = wk.fma(DoubleVector.fromArray(D, x, xi), acc0);
                acc1 = wk.fma(DoubleVector.fromArray(D, x, xi + LD), acc1);
                acc2 = wk.fma(DoubleVector.fromArray(D, x, xi + 2 * LD), acc2);
                acc3 = wk.fma(DoubleVector.fromArray(D, x, xi + 3 * LD), acc3);
            }
            acc0.intoArray(y, yOff + j);
            acc1.intoArray(y, yOff + j + LD);
            acc2.intoArray(y, yOff + j + 2 * LD);
            acc3.intoArray(y, yOff + j + 3 * LD);
        }
        for (; j <= count - LD; j += LD) {
            DoubleVector acc = DoubleVector.fromArray(D, y, yOff + j);
            for (int k = 0; k < taps; k++) {
                DoubleVector xk = DoubleVector.fromArray(D, x, xOff + xTaps[k] + j);
                acc = DoubleVector.broadcast(D, w[wOff + k]).fma(xk, acc);
            }
            acc.intoArray(y, yOff + j);
        }
        for (; j < count; j++) {
            double acc = y[yOff + j];
            for (int k = 0; k < taps; k++) {
                acc = Math.fma(w[wOff + k], x[xOff + xTaps[k] + j], acc);
            }
            y[yOff + j] = acc;
        }
    }

    @Override
    public double dotF64(int count, double[] a, int aOff, double[] b, int bOff) {
        DoubleVector acc = DoubleVector.zero(D4);
        int j = 0;
        for (; j <= count - 4; j += 4) {
            DoubleVector bj = DoubleVector.fromArray(D4, b, bOff + j);
            acc = DoubleVector.fromArray(D4, a, aOff + j).fma(bj, acc);
        }
        double[] lanes = acc.toArray();
        for (int i = 0; j < count; j++, i++) {
            lanes[i] = Math.fma(a[aOff + j], b[bOff + j], lanes[i]);
        }
        double sum = 0;
        for (double lane : lanes) {
            sum += lane;
        }
        return sum;
    }

    @Override
    public float fmaLoopF32(long iterations) {
        // Ten chains: enough independent FMAs to cover the latency on both FMA pipes, few enough not to spill.
        FloatVector a0 = FloatVector.broadcast(F, 0f);
        FloatVector a1 = FloatVector.broadcast(F, 1f);
        FloatVector a2 = FloatVector.broadcast(F, 2f);
        FloatVector a3 = FloatVector.broadcast(F, 3f);
        FloatVector a4 = FloatVector.broadcast(F, 4f);
        FloatVector a5 = FloatVector.broadcast(F, 5f);
        FloatVector a6 = FloatVector.broadcast(F, 6f);
        FloatVector a7 = FloatVector.broadcast(F, 7f);
        FloatVector a8 = FloatVector.broadcast(F, 8f);
        FloatVector a9 = FloatVector.broadcast(F, 9f);
        FloatVector x = FloatVector.broadcast(F, 0.999999f);
        FloatVector y = FloatVector.broadcast(F, 1e-7f);
        for (long i = 0; i < iterations; i++) {
            a0 = a0.fma(x, y);
            a1 = a1.fma(x, y);
            a2 = a2.fma(x, y);
            a3 = a3.fma(x, y);
            a4 = a4.fma(x, y);
            a5 = a5.fma(x, y);
            a6 = a6.fma(x, y);
            a7 = a7.fma(x, y);
            a8 = a8.fma(x, y);
            a9 = a9.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    @Override
    public int fmaLoopFlopsPerStep() {
        return 20 * LF;
    }
}
