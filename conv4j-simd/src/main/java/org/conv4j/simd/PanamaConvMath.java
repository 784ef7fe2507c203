package org.conv4j.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import org.conv4j.kernel.fast.ConvMath;
import org.conv4j.kernel.fast.WinogradTiles;

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
    /**
     * Dot tiles keep 16 float (8 double) lanes per element whatever the vectors, so that their order of summation
     * is fixed: one 512-bit vector per element in {@link PanamaConvMath8x2}'s 4 x 6 tile, two 256-bit vectors in
     * {@link PanamaConvMath5x2}'s 2 x 3 tile (AVX2: 16 registers).
     */
    static final VectorSpecies<Float> F512 = FloatVector.SPECIES_512;
    static final VectorSpecies<Float> F256 = FloatVector.SPECIES_256;
    static final VectorSpecies<Double> D512 = DoubleVector.SPECIES_512;
    static final VectorSpecies<Double> D256 = DoubleVector.SPECIES_256;

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

    /*
     * Note [Depthwise windows]: a depthwise row whose taps read consecutive elements (stride 1, dilation 1) needs,
     * per vector of outputs at column j, the windows x[j + k .. j + k + L) for every tap k. Loading each window
     * costs one unaligned load per multiply-add, and loads, not FMAs, then bound the row (about 65 GFLOP/s on one
     * Zen 5 core on rows in L1). The two vectors at j and j + L already hold every window with k < L: a two-vector
     * permute (selectFrom with lanes i + k, one vpermt2ps with AVX-512) cuts it out. Permutes and loads run on
     * different ports, so alternate taps come from each: about 105 GFLOP/s on the same rows. AVX2 has no
     * two-vector permute (it would take two and a blend), so the windowed path is for 512-bit vectors only. The
     * values and the order of the multiply-adds are the same either way. The whole depthwise_k9 forward on two
     * threads went from 0.53-0.56 ms to 0.36-0.41 ms (alternating runs); a first try had looked slower there only
     * because its threads then claimed rows one by one (Note [Runs of items] in Parallel).
     */
    /** Lanes {@code s + i} at {@code [s*LF, (s+1)*LF)}: the permute indices of the window at shift {@code s}. */
    static final float[] SHIFTS_F32 = new float[LF * LF];
    /** {@link #SHIFTS_F32} for float64. */
    static final double[] SHIFTS_F64 = new double[LD * LD];

    static {
        for (int s = 0; s < LF; s++) {
            for (int i = 0; i < LF; i++) {
                SHIFTS_F32[s * LF + i] = s + i;
            }
        }
        for (int s = 0; s < LD; s++) {
            for (int i = 0; i < LD; i++) {
                SHIFTS_F64[s * LD + i] = s + i;
            }
        }
    }

    /*
     * Note [Transposing in registers]: a block of 16 x 16 floats (8 x 8 doubles) with 512-bit vectors, row i in
     * vector r_i, lane j: element (i, j) is to go to vector j, lane i, which swaps the bits of i and j. Each of
     * four (three) stages swaps one bit b: the pair of vectors whose indices differ in bit b becomes, lane by lane,
     * a two-vector permute of the pair (selectFrom, one vpermt2ps or vpermt2pd): lanes with bit b clear from the
     * first, the others from the second at the lane with bit b flipped, and the reverse. 64 (24) permutes, 16 (8)
     * loads and 16 (8) stores per block, against a load and a store per element for the scalar transpose: on one
     * Zen 5 core the channels-last copy of textcnn's input (64 x 300 x 64 floats) took 0.30 ms instead of 0.85
     * with the input in cache; in the kernel, where the copy waits on memory, the weight gradient of textcnn ran
     * 4-7% faster in alternating calls. Other vector sizes, and the rows and columns past the last whole block,
     * take the scalar loop.
     */
    /** Per stage: the permute indices of a pair's first and second vector (Note [Transposing in registers]). */
    static final float[] TRANSPOSE_F32 = transposeIndices(16, LF);
    /** {@link #TRANSPOSE_F32} for float64. */
    static final double[] TRANSPOSE_F64 = toDoubles(transposeIndices(8, LD));

    /*
     * Note [Phases in registers]: splitting a row into its stride phases (Note [Stride phases] in Spans) reads
     * every element once and writes it once; element by element that took 1.4 us for an item of audio_k80_s4 (four
     * phases of 532 elements), 4% of its forward. With 512-bit vectors, S consecutive vectors hold S*L elements,
     * L of each phase: for stride 2 one two-vector permute (selectFrom) per phase gathers them, for stride 4 two
     * permutes (the first half of the lanes from the first two vectors, the second half from the other two) and a
     * blend: 0.38 us for the same item on one Zen 5 core (a gather, fromArray with an index map, 1.0 us). Other
     * strides and vector sizes (AVX2 has no two-vector permute), and the elements past the last whole block, take
     * the scalar loop.
     */
    /** Stride 2: per phase, the lanes of the phase in two vectors. */
    static final float[] PHASES2_F32 = phaseIndices(2, LF);
    /** Stride 4: per phase, the lanes of the phase in vectors 0 and 1 (first half), then in vectors 2 and 3. */
    static final float[] PHASES4_F32 = phaseIndices(4, LF);
    /** {@link #PHASES2_F32} for float64. */
    static final double[] PHASES2_F64 = toDoubles(phaseIndices(2, LD));
    /** {@link #PHASES4_F32} for float64. */
    static final double[] PHASES4_F64 = toDoubles(phaseIndices(4, LD));

    /**
     * Permute indices for {@code stride} 2 or 4 with {@code lanes} lanes: for stride 2, per phase {@code f} one
     * vector, lane {@code i} = {@code f + 2i}; for stride 4, per phase two vectors, lane {@code i} of the first
     * {@code f + 4i} (for {@code i < lanes/2}), of the second {@code f + 4(i - lanes/2)} (for the rest).
     */
    static float[] phaseIndices(int stride, int lanes) {
        float[] idx = new float[(stride == 2 ? 2 : 8) * lanes];
        for (int f = 0; f < stride; f++) {
            for (int i = 0; i < lanes; i++) {
                if (stride == 2) {
                    idx[f * lanes + i] = f + 2 * i;
                } else {
                    idx[2 * f * lanes + i] = i < lanes / 2 ? f + 4 * i : 0;
                    idx[(2 * f + 1) * lanes + i] = i < lanes / 2 ? 0 : f + 4 * (i - lanes / 2);
                }
            }
        }
        return idx;
    }

    /** Indices for {@code n x n} blocks, in vectors of {@code lanes}: empty unless {@code lanes == n}. */
    static float[] transposeIndices(int n, int lanes) {
        if (lanes != n) {
            return new float[0];
        }
        int stages = Integer.numberOfTrailingZeros(n);
        float[] idx = new float[2 * stages * n];
        for (int b = 0; b < stages; b++) {
            int bit = 1 << b;
            for (int j = 0; j < n; j++) {
                boolean clear = (j & bit) == 0;
                idx[2 * b * n + j] = clear ? j : n + (j ^ bit);
                idx[(2 * b + 1) * n + j] = clear ? (j | bit) : n + j;
            }
        }
        return idx;
    }

    static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** Whether tap {@code k} reads {@code xTaps[0] + k} for every {@code k < taps}. */
    static boolean consecutive(int[] xTaps, int taps) {
        for (int k = 1; k < taps; k++) {
            if (xTaps[k] != xTaps[0] + k) {
                return false;
            }
        }
        return true;
    }

    /*
     * Note [Dot tiles and the JIT]: Vector API code is fast only once C2 has compiled it; C1's code calls the
     * library's Java fallbacks, a hundred times slower. The 4 x 6 dot tile with its masked rest written out (1600
     * bytes of bytecode) was too big for C1's tier 3 ("out of virtual registers in LIR generator"); when C2's queue
     * was long it was compiled at tier 2 instead, and from there it was seen never to reach C2: resnet1d_k3's weight
     * gradient then took 250-360 ms instead of 4-5 (every time in four runs with -XX:+PrintCompilation, once in two
     * without). With the rest as loops over the tile's elements (1280 bytes) tier 3 compiles it and C2 follows.
     * Moving the rest into a method of its own made the tile's loop itself a third slower (in L1, 4 x 6 tiles of
     * 1024 positions: 140-150 against 180-195 GFLOP/s on one Zen 5 core; the written-out tile ran 205-218).
     */

    /**
     * The bits of a mask of lanes {@code [0, n)} (none for {@code n <= 0}), for {@code VectorMask.fromLong}, which
     * C2 turns into a move to a mask register; {@code indexInRange} ran as a call on JDK 25 (8% of the dot
     * products' weight gradient on resnet1d_k3, sampled with JFR).
     */
    static long lanesBelow(int n) {
        return n <= 0 ? 0L : n >= 64 ? -1L : (1L << n) - 1;
    }

    @Override
    public void depthwiseF32(int count, int taps, float[] w, int wOff, float[] x, int xOff, int[] xTaps,
            float init, float[] y, int yOff) {
        FloatVector start = FloatVector.broadcast(F, init);
        int j = 0;
        if (F.vectorBitSize() >= 512 && consecutive(xTaps, taps)) {
            j = depthwiseWindowsF32(count, taps, w, wOff, x, xOff + xTaps[0], start, y, yOff);
        }
        // Four vectors of outputs per pass over the taps: one broadcast serves four loads and FMAs.
        for (; j <= count - 4 * LF; j += 4 * LF) {
            FloatVector acc0 = start;
            FloatVector acc1 = start;
            FloatVector acc2 = start;
            FloatVector acc3 = start;
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
            FloatVector acc = start;
            for (int k = 0; k < taps; k++) {
                FloatVector xk = FloatVector.fromArray(F, x, xOff + xTaps[k] + j);
                acc = FloatVector.broadcast(F, w[wOff + k]).fma(xk, acc);
            }
            acc.intoArray(y, yOff + j);
        }
        for (; j < count; j++) {
            float acc = init;
            for (int k = 0; k < taps; k++) {
                acc = Math.fma(w[wOff + k], x[xOff + xTaps[k] + j], acc);
            }
            y[yOff + j] = acc;
        }
    }

    /**
     * Blocks of 8 output vectors of a depthwise row whose taps read consecutive elements ({@code x[at + k + j]}):
     * the block's 9 aligned-to-the-row vectors are loaded once, and every other tap's shifted window is cut
     * from two of them by a two-vector permute (Note [Depthwise windows]). Returns the first column it left.
     */
    private static int depthwiseWindowsF32(int count, int taps, float[] w, int wOff, float[] x, int at0,
            FloatVector start, float[] y, int yOff) {
        // The last vector loaded, a8, may lie past the columns' reads: stop where it would pass the array's end.
        int last = Math.min(count - 8 * LF, x.length - at0 - 9 * LF);
        int permuted = Math.min(taps, LF) - 1; // taps below this (and odd) come from loads, the next from a permute
        FloatVector w0 = FloatVector.broadcast(F, w[wOff]);
        int j = 0;
        for (; j <= last; j += 8 * LF) {
            int at = at0 + j;
            FloatVector a0 = FloatVector.fromArray(F, x, at);
            FloatVector a1 = FloatVector.fromArray(F, x, at + 1 * LF);
            FloatVector a2 = FloatVector.fromArray(F, x, at + 2 * LF);
            FloatVector a3 = FloatVector.fromArray(F, x, at + 3 * LF);
            FloatVector a4 = FloatVector.fromArray(F, x, at + 4 * LF);
            FloatVector a5 = FloatVector.fromArray(F, x, at + 5 * LF);
            FloatVector a6 = FloatVector.fromArray(F, x, at + 6 * LF);
            FloatVector a7 = FloatVector.fromArray(F, x, at + 7 * LF);
            FloatVector a8 = FloatVector.fromArray(F, x, at + 8 * LF);
            FloatVector c0 = w0.fma(a0, start);
            FloatVector c1 = w0.fma(a1, start);
            FloatVector c2 = w0.fma(a2, start);
            FloatVector c3 = w0.fma(a3, start);
            FloatVector c4 = w0.fma(a4, start);
            FloatVector c5 = w0.fma(a5, start);
            FloatVector c6 = w0.fma(a6, start);
            FloatVector c7 = w0.fma(a7, start);
            int k = 1;
            for (; k < permuted; k += 2) {
                FloatVector wk = FloatVector.broadcast(F, w[wOff + k]);
                c0 = wk.fma(FloatVector.fromArray(F, x, at + k), c0);
                c1 = wk.fma(FloatVector.fromArray(F, x, at + 1 * LF + k), c1);
                c2 = wk.fma(FloatVector.fromArray(F, x, at + 2 * LF + k), c2);
                c3 = wk.fma(FloatVector.fromArray(F, x, at + 3 * LF + k), c3);
                c4 = wk.fma(FloatVector.fromArray(F, x, at + 4 * LF + k), c4);
                c5 = wk.fma(FloatVector.fromArray(F, x, at + 5 * LF + k), c5);
                c6 = wk.fma(FloatVector.fromArray(F, x, at + 6 * LF + k), c6);
                c7 = wk.fma(FloatVector.fromArray(F, x, at + 7 * LF + k), c7);
                FloatVector shift = FloatVector.fromArray(F, SHIFTS_F32, (k + 1) * LF);
                wk = FloatVector.broadcast(F, w[wOff + k + 1]);
                c0 = wk.fma(shift.selectFrom(a0, a1), c0);
                c1 = wk.fma(shift.selectFrom(a1, a2), c1);
                c2 = wk.fma(shift.selectFrom(a2, a3), c2);
                c3 = wk.fma(shift.selectFrom(a3, a4), c3);
                c4 = wk.fma(shift.selectFrom(a4, a5), c4);
                c5 = wk.fma(shift.selectFrom(a5, a6), c5);
                c6 = wk.fma(shift.selectFrom(a6, a7), c6);
                c7 = wk.fma(shift.selectFrom(a7, a8), c7);
            }
            for (; k < taps; k++) {
                FloatVector wk = FloatVector.broadcast(F, w[wOff + k]);
                c0 = wk.fma(FloatVector.fromArray(F, x, at + k), c0);
                c1 = wk.fma(FloatVector.fromArray(F, x, at + 1 * LF + k), c1);
                c2 = wk.fma(FloatVector.fromArray(F, x, at + 2 * LF + k), c2);
                c3 = wk.fma(FloatVector.fromArray(F, x, at + 3 * LF + k), c3);
                c4 = wk.fma(FloatVector.fromArray(F, x, at + 4 * LF + k), c4);
                c5 = wk.fma(FloatVector.fromArray(F, x, at + 5 * LF + k), c5);
                c6 = wk.fma(FloatVector.fromArray(F, x, at + 6 * LF + k), c6);
                c7 = wk.fma(FloatVector.fromArray(F, x, at + 7 * LF + k), c7);
            }
            c0.intoArray(y, yOff + j);
            c1.intoArray(y, yOff + j + 1 * LF);
            c2.intoArray(y, yOff + j + 2 * LF);
            c3.intoArray(y, yOff + j + 3 * LF);
            c4.intoArray(y, yOff + j + 4 * LF);
            c5.intoArray(y, yOff + j + 5 * LF);
            c6.intoArray(y, yOff + j + 6 * LF);
            c7.intoArray(y, yOff + j + 7 * LF);
        }
        return j;
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

    static void dotTileF32Wide(int count, float[] a, int[] aRows, float[] b, int[] bRows, float[] acc,
            int accOff) {
        int a0 = aRows[0];
        int a1 = aRows[1];
        int a2 = aRows[2];
        int a3 = aRows[3];
        int b0 = bRows[0];
        int b1 = bRows[1];
        int b2 = bRows[2];
        int b3 = bRows[3];
        int b4 = bRows[4];
        int b5 = bRows[5];
        FloatVector s0_0_0 = FloatVector.fromArray(F512, acc, accOff + 0);
        FloatVector s0_1_0 = FloatVector.fromArray(F512, acc, accOff + 16);
        FloatVector s0_2_0 = FloatVector.fromArray(F512, acc, accOff + 32);
        FloatVector s0_3_0 = FloatVector.fromArray(F512, acc, accOff + 48);
        FloatVector s0_4_0 = FloatVector.fromArray(F512, acc, accOff + 64);
        FloatVector s0_5_0 = FloatVector.fromArray(F512, acc, accOff + 80);
        FloatVector s1_0_0 = FloatVector.fromArray(F512, acc, accOff + 96);
        FloatVector s1_1_0 = FloatVector.fromArray(F512, acc, accOff + 112);
        FloatVector s1_2_0 = FloatVector.fromArray(F512, acc, accOff + 128);
        FloatVector s1_3_0 = FloatVector.fromArray(F512, acc, accOff + 144);
        FloatVector s1_4_0 = FloatVector.fromArray(F512, acc, accOff + 160);
        FloatVector s1_5_0 = FloatVector.fromArray(F512, acc, accOff + 176);
        FloatVector s2_0_0 = FloatVector.fromArray(F512, acc, accOff + 192);
        FloatVector s2_1_0 = FloatVector.fromArray(F512, acc, accOff + 208);
        FloatVector s2_2_0 = FloatVector.fromArray(F512, acc, accOff + 224);
        FloatVector s2_3_0 = FloatVector.fromArray(F512, acc, accOff + 240);
        FloatVector s2_4_0 = FloatVector.fromArray(F512, acc, accOff + 256);
        FloatVector s2_5_0 = FloatVector.fromArray(F512, acc, accOff + 272);
        FloatVector s3_0_0 = FloatVector.fromArray(F512, acc, accOff + 288);
        FloatVector s3_1_0 = FloatVector.fromArray(F512, acc, accOff + 304);
        FloatVector s3_2_0 = FloatVector.fromArray(F512, acc, accOff + 320);
        FloatVector s3_3_0 = FloatVector.fromArray(F512, acc, accOff + 336);
        FloatVector s3_4_0 = FloatVector.fromArray(F512, acc, accOff + 352);
        FloatVector s3_5_0 = FloatVector.fromArray(F512, acc, accOff + 368);
        int e = 0;
        for (; e <= count - 16; e += 16) {
            FloatVector x0_0 = FloatVector.fromArray(F512, a, a0 + e);
            FloatVector x1_0 = FloatVector.fromArray(F512, a, a1 + e);
            FloatVector x2_0 = FloatVector.fromArray(F512, a, a2 + e);
            FloatVector x3_0 = FloatVector.fromArray(F512, a, a3 + e);
            FloatVector y0_0 = FloatVector.fromArray(F512, b, b0 + e);
            s0_0_0 = x0_0.fma(y0_0, s0_0_0);
            s1_0_0 = x1_0.fma(y0_0, s1_0_0);
            s2_0_0 = x2_0.fma(y0_0, s2_0_0);
            s3_0_0 = x3_0.fma(y0_0, s3_0_0);
            FloatVector y1_0 = FloatVector.fromArray(F512, b, b1 + e);
            s0_1_0 = x0_0.fma(y1_0, s0_1_0);
            s1_1_0 = x1_0.fma(y1_0, s1_1_0);
            s2_1_0 = x2_0.fma(y1_0, s2_1_0);
            s3_1_0 = x3_0.fma(y1_0, s3_1_0);
            FloatVector y2_0 = FloatVector.fromArray(F512, b, b2 + e);
            s0_2_0 = x0_0.fma(y2_0, s0_2_0);
            s1_2_0 = x1_0.fma(y2_0, s1_2_0);
            s2_2_0 = x2_0.fma(y2_0, s2_2_0);
            s3_2_0 = x3_0.fma(y2_0, s3_2_0);
            FloatVector y3_0 = FloatVector.fromArray(F512, b, b3 + e);
            s0_3_0 = x0_0.fma(y3_0, s0_3_0);
            s1_3_0 = x1_0.fma(y3_0, s1_3_0);
            s2_3_0 = x2_0.fma(y3_0, s2_3_0);
            s3_3_0 = x3_0.fma(y3_0, s3_3_0);
            FloatVector y4_0 = FloatVector.fromArray(F512, b, b4 + e);
            s0_4_0 = x0_0.fma(y4_0, s0_4_0);
            s1_4_0 = x1_0.fma(y4_0, s1_4_0);
            s2_4_0 = x2_0.fma(y4_0, s2_4_0);
            s3_4_0 = x3_0.fma(y4_0, s3_4_0);
            FloatVector y5_0 = FloatVector.fromArray(F512, b, b5 + e);
            s0_5_0 = x0_0.fma(y5_0, s0_5_0);
            s1_5_0 = x1_0.fma(y5_0, s1_5_0);
            s2_5_0 = x2_0.fma(y5_0, s2_5_0);
            s3_5_0 = x3_0.fma(y5_0, s3_5_0);
        }
        s0_0_0.intoArray(acc, accOff + 0);
        s0_1_0.intoArray(acc, accOff + 16);
        s0_2_0.intoArray(acc, accOff + 32);
        s0_3_0.intoArray(acc, accOff + 48);
        s0_4_0.intoArray(acc, accOff + 64);
        s0_5_0.intoArray(acc, accOff + 80);
        s1_0_0.intoArray(acc, accOff + 96);
        s1_1_0.intoArray(acc, accOff + 112);
        s1_2_0.intoArray(acc, accOff + 128);
        s1_3_0.intoArray(acc, accOff + 144);
        s1_4_0.intoArray(acc, accOff + 160);
        s1_5_0.intoArray(acc, accOff + 176);
        s2_0_0.intoArray(acc, accOff + 192);
        s2_1_0.intoArray(acc, accOff + 208);
        s2_2_0.intoArray(acc, accOff + 224);
        s2_3_0.intoArray(acc, accOff + 240);
        s2_4_0.intoArray(acc, accOff + 256);
        s2_5_0.intoArray(acc, accOff + 272);
        s3_0_0.intoArray(acc, accOff + 288);
        s3_1_0.intoArray(acc, accOff + 304);
        s3_2_0.intoArray(acc, accOff + 320);
        s3_3_0.intoArray(acc, accOff + 336);
        s3_4_0.intoArray(acc, accOff + 352);
        s3_5_0.intoArray(acc, accOff + 368);
        jdk.incubator.vector.VectorMask<Float> m0 = jdk.incubator.vector.VectorMask.fromLong(F512,
                lanesBelow(count - e));
        for (int i = 0; i < 4; i++) {
            int ai = aRows[i] + e;
            FloatVector x0 = FloatVector.fromArray(F512, a, ai, m0);
            for (int j = 0; j < 6; j++) {
                int bj = bRows[j] + e;
                int at = accOff + (i * 6 + j) * 16;
                x0.fma(FloatVector.fromArray(F512, b, bj, m0), FloatVector.fromArray(F512, acc, at))
                        .intoArray(acc, at);
            }
        }
    }

    static void dotTileF32Narrow(int count, float[] a, int[] aRows, float[] b, int[] bRows, float[] acc,
            int accOff) {
        int a0 = aRows[0];
        int a1 = aRows[1];
        int b0 = bRows[0];
        int b1 = bRows[1];
        int b2 = bRows[2];
        FloatVector s0_0_0 = FloatVector.fromArray(F256, acc, accOff + 0);
        FloatVector s0_0_1 = FloatVector.fromArray(F256, acc, accOff + 8);
        FloatVector s0_1_0 = FloatVector.fromArray(F256, acc, accOff + 16);
        FloatVector s0_1_1 = FloatVector.fromArray(F256, acc, accOff + 24);
        FloatVector s0_2_0 = FloatVector.fromArray(F256, acc, accOff + 32);
        FloatVector s0_2_1 = FloatVector.fromArray(F256, acc, accOff + 40);
        FloatVector s1_0_0 = FloatVector.fromArray(F256, acc, accOff + 48);
        FloatVector s1_0_1 = FloatVector.fromArray(F256, acc, accOff + 56);
        FloatVector s1_1_0 = FloatVector.fromArray(F256, acc, accOff + 64);
        FloatVector s1_1_1 = FloatVector.fromArray(F256, acc, accOff + 72);
        FloatVector s1_2_0 = FloatVector.fromArray(F256, acc, accOff + 80);
        FloatVector s1_2_1 = FloatVector.fromArray(F256, acc, accOff + 88);
        int e = 0;
        for (; e <= count - 16; e += 16) {
            FloatVector x0_0 = FloatVector.fromArray(F256, a, a0 + e);
            FloatVector x1_0 = FloatVector.fromArray(F256, a, a1 + e);
            FloatVector y0_0 = FloatVector.fromArray(F256, b, b0 + e);
            s0_0_0 = x0_0.fma(y0_0, s0_0_0);
            s1_0_0 = x1_0.fma(y0_0, s1_0_0);
            FloatVector y1_0 = FloatVector.fromArray(F256, b, b1 + e);
            s0_1_0 = x0_0.fma(y1_0, s0_1_0);
            s1_1_0 = x1_0.fma(y1_0, s1_1_0);
            FloatVector y2_0 = FloatVector.fromArray(F256, b, b2 + e);
            s0_2_0 = x0_0.fma(y2_0, s0_2_0);
            s1_2_0 = x1_0.fma(y2_0, s1_2_0);
            FloatVector x0_1 = FloatVector.fromArray(F256, a, a0 + e + 8);
            FloatVector x1_1 = FloatVector.fromArray(F256, a, a1 + e + 8);
            FloatVector y0_1 = FloatVector.fromArray(F256, b, b0 + e + 8);
            s0_0_1 = x0_1.fma(y0_1, s0_0_1);
            s1_0_1 = x1_1.fma(y0_1, s1_0_1);
            FloatVector y1_1 = FloatVector.fromArray(F256, b, b1 + e + 8);
            s0_1_1 = x0_1.fma(y1_1, s0_1_1);
            s1_1_1 = x1_1.fma(y1_1, s1_1_1);
            FloatVector y2_1 = FloatVector.fromArray(F256, b, b2 + e + 8);
            s0_2_1 = x0_1.fma(y2_1, s0_2_1);
            s1_2_1 = x1_1.fma(y2_1, s1_2_1);
        }
        s0_0_0.intoArray(acc, accOff + 0);
        s0_0_1.intoArray(acc, accOff + 8);
        s0_1_0.intoArray(acc, accOff + 16);
        s0_1_1.intoArray(acc, accOff + 24);
        s0_2_0.intoArray(acc, accOff + 32);
        s0_2_1.intoArray(acc, accOff + 40);
        s1_0_0.intoArray(acc, accOff + 48);
        s1_0_1.intoArray(acc, accOff + 56);
        s1_1_0.intoArray(acc, accOff + 64);
        s1_1_1.intoArray(acc, accOff + 72);
        s1_2_0.intoArray(acc, accOff + 80);
        s1_2_1.intoArray(acc, accOff + 88);
        jdk.incubator.vector.VectorMask<Float> m0 = jdk.incubator.vector.VectorMask.fromLong(F256,
                lanesBelow(count - e));
        jdk.incubator.vector.VectorMask<Float> m1 = jdk.incubator.vector.VectorMask.fromLong(F256,
                lanesBelow(count - e - 8));
        for (int i = 0; i < 2; i++) {
            int ai = aRows[i] + e;
            FloatVector x0 = FloatVector.fromArray(F256, a, ai, m0);
            FloatVector x1 = FloatVector.fromArray(F256, a, ai + 8, m1);
            for (int j = 0; j < 3; j++) {
                int bj = bRows[j] + e;
                int at = accOff + (i * 3 + j) * 16;
                x0.fma(FloatVector.fromArray(F256, b, bj, m0), FloatVector.fromArray(F256, acc, at))
                        .intoArray(acc, at);
                x1.fma(FloatVector.fromArray(F256, b, bj + 8, m1), FloatVector.fromArray(F256, acc, at + 8))
                        .intoArray(acc, at + 8);
            }
        }
    }

    static void dotTapsF32Wide(int count, int taps, float[] a, int aOff, float[] b, int bOff, int[] bTaps,
            float[] acc, int accOff) {
        int whole = count - count % 16;
        int k = 0;
        // Four taps at a time: one load of a serves four loads and FMAs of b, in four independent chains.
        for (; k <= taps - 4; k += 4) {
            int b0 = bOff + bTaps[k + 0];
            int b1 = bOff + bTaps[k + 1];
            int b2 = bOff + bTaps[k + 2];
            int b3 = bOff + bTaps[k + 3];
            FloatVector s0_0 = FloatVector.fromArray(F512, acc, accOff + (k + 0) * 16);
            FloatVector s1_0 = FloatVector.fromArray(F512, acc, accOff + (k + 1) * 16);
            FloatVector s2_0 = FloatVector.fromArray(F512, acc, accOff + (k + 2) * 16);
            FloatVector s3_0 = FloatVector.fromArray(F512, acc, accOff + (k + 3) * 16);
            for (int e = 0; e < whole; e += 16) {
                FloatVector x0 = FloatVector.fromArray(F512, a, aOff + e);
                s0_0 = x0.fma(FloatVector.fromArray(F512, b, b0 + e), s0_0);
                s1_0 = x0.fma(FloatVector.fromArray(F512, b, b1 + e), s1_0);
                s2_0 = x0.fma(FloatVector.fromArray(F512, b, b2 + e), s2_0);
                s3_0 = x0.fma(FloatVector.fromArray(F512, b, b3 + e), s3_0);
            }
            s0_0.intoArray(acc, accOff + (k + 0) * 16);
            s1_0.intoArray(acc, accOff + (k + 1) * 16);
            s2_0.intoArray(acc, accOff + (k + 2) * 16);
            s3_0.intoArray(acc, accOff + (k + 3) * 16);
        }
        for (; k < taps; k++) {
            int bk = bOff + bTaps[k];
            FloatVector s0 = FloatVector.fromArray(F512, acc, accOff + k * 16);
            for (int e = 0; e < whole; e += 16) {
                s0 = FloatVector.fromArray(F512, a, aOff + e).fma(FloatVector.fromArray(F512, b, bk + e), s0);
            }
            s0.intoArray(acc, accOff + k * 16);
        }
        // The last count mod lanes elements as in the dot tiles: masked loads, +0 into the lanes past the end.
        jdk.incubator.vector.VectorMask<Float> m0 = jdk.incubator.vector.VectorMask.fromLong(F512,
                lanesBelow(count - whole));
        FloatVector x0 = FloatVector.fromArray(F512, a, aOff + whole, m0);
        for (k = 0; k < taps; k++) {
            int bk = bOff + bTaps[k] + whole;
            int at = accOff + k * 16;
            x0.fma(FloatVector.fromArray(F512, b, bk, m0), FloatVector.fromArray(F512, acc, at)).intoArray(acc, at);
        }
    }

    static void dotTapsF32Narrow(int count, int taps, float[] a, int aOff, float[] b, int bOff, int[] bTaps,
            float[] acc, int accOff) {
        int whole = count - count % 16;
        int k = 0;
        // Four taps at a time: one load of a serves four loads and FMAs of b, in four independent chains.
        for (; k <= taps - 4; k += 4) {
            int b0 = bOff + bTaps[k + 0];
            int b1 = bOff + bTaps[k + 1];
            int b2 = bOff + bTaps[k + 2];
            int b3 = bOff + bTaps[k + 3];
            FloatVector s0_0 = FloatVector.fromArray(F256, acc, accOff + (k + 0) * 16);
            FloatVector s0_1 = FloatVector.fromArray(F256, acc, accOff + (k + 0) * 16 + 8);
            FloatVector s1_0 = FloatVector.fromArray(F256, acc, accOff + (k + 1) * 16);
            FloatVector s1_1 = FloatVector.fromArray(F256, acc, accOff + (k + 1) * 16 + 8);
            FloatVector s2_0 = FloatVector.fromArray(F256, acc, accOff + (k + 2) * 16);
            FloatVector s2_1 = FloatVector.fromArray(F256, acc, accOff + (k + 2) * 16 + 8);
            FloatVector s3_0 = FloatVector.fromArray(F256, acc, accOff + (k + 3) * 16);
            FloatVector s3_1 = FloatVector.fromArray(F256, acc, accOff + (k + 3) * 16 + 8);
            for (int e = 0; e < whole; e += 16) {
                FloatVector x0 = FloatVector.fromArray(F256, a, aOff + e);
                FloatVector x1 = FloatVector.fromArray(F256, a, aOff + e + 8);
                s0_0 = x0.fma(FloatVector.fromArray(F256, b, b0 + e), s0_0);
                s0_1 = x1.fma(FloatVector.fromArray(F256, b, b0 + e + 8), s0_1);
                s1_0 = x0.fma(FloatVector.fromArray(F256, b, b1 + e), s1_0);
                s1_1 = x1.fma(FloatVector.fromArray(F256, b, b1 + e + 8), s1_1);
                s2_0 = x0.fma(FloatVector.fromArray(F256, b, b2 + e), s2_0);
                s2_1 = x1.fma(FloatVector.fromArray(F256, b, b2 + e + 8), s2_1);
                s3_0 = x0.fma(FloatVector.fromArray(F256, b, b3 + e), s3_0);
                s3_1 = x1.fma(FloatVector.fromArray(F256, b, b3 + e + 8), s3_1);
            }
            s0_0.intoArray(acc, accOff + (k + 0) * 16);
            s0_1.intoArray(acc, accOff + (k + 0) * 16 + 8);
            s1_0.intoArray(acc, accOff + (k + 1) * 16);
            s1_1.intoArray(acc, accOff + (k + 1) * 16 + 8);
            s2_0.intoArray(acc, accOff + (k + 2) * 16);
            s2_1.intoArray(acc, accOff + (k + 2) * 16 + 8);
            s3_0.intoArray(acc, accOff + (k + 3) * 16);
            s3_1.intoArray(acc, accOff + (k + 3) * 16 + 8);
        }
        for (; k < taps; k++) {
            int bk = bOff + bTaps[k];
            FloatVector s0 = FloatVector.fromArray(F256, acc, accOff + k * 16);
            FloatVector s1 = FloatVector.fromArray(F256, acc, accOff + k * 16 + 8);
            for (int e = 0; e < whole; e += 16) {
                s0 = FloatVector.fromArray(F256, a, aOff + e).fma(FloatVector.fromArray(F256, b, bk + e), s0);
                s1 = FloatVector.fromArray(F256, a, aOff + e + 8).fma(FloatVector.fromArray(F256, b, bk + e + 8), s1);
            }
            s0.intoArray(acc, accOff + k * 16);
            s1.intoArray(acc, accOff + k * 16 + 8);
        }
        // The last count mod lanes elements as in the dot tiles: masked loads, +0 into the lanes past the end.
        jdk.incubator.vector.VectorMask<Float> m0 = jdk.incubator.vector.VectorMask.fromLong(F256,
                lanesBelow(count - whole));
        jdk.incubator.vector.VectorMask<Float> m1 = jdk.incubator.vector.VectorMask.fromLong(F256,
                lanesBelow(count - whole - 8));
        FloatVector x0 = FloatVector.fromArray(F256, a, aOff + whole, m0);
        FloatVector x1 = FloatVector.fromArray(F256, a, aOff + whole + 8, m1);
        for (k = 0; k < taps; k++) {
            int bk = bOff + bTaps[k] + whole;
            int at = accOff + k * 16;
            x0.fma(FloatVector.fromArray(F256, b, bk, m0), FloatVector.fromArray(F256, acc, at)).intoArray(acc, at);
            x1.fma(FloatVector.fromArray(F256, b, bk + 8, m1), FloatVector.fromArray(F256, acc, at + 8)).intoArray(acc, at + 8);
        }
    }

    @Override
    public void transposeF32(float[] src, int srcOff, int srcStride, float[] dst, int dstOff, int dstStride,
            int rows, int cols) {
        int i0 = 0;
        if (LF == 16) {
            for (; i0 <= rows - 16; i0 += 16) {
                int j0 = 0;
                for (; j0 <= cols - 16; j0 += 16) {
                    FloatVector lo0 = FloatVector.fromArray(F, TRANSPOSE_F32, 0 * LF);
                    FloatVector hi0 = FloatVector.fromArray(F, TRANSPOSE_F32, 1 * LF);
                    FloatVector lo1 = FloatVector.fromArray(F, TRANSPOSE_F32, 2 * LF);
                    FloatVector hi1 = FloatVector.fromArray(F, TRANSPOSE_F32, 3 * LF);
                    FloatVector lo2 = FloatVector.fromArray(F, TRANSPOSE_F32, 4 * LF);
                    FloatVector hi2 = FloatVector.fromArray(F, TRANSPOSE_F32, 5 * LF);
                    FloatVector lo3 = FloatVector.fromArray(F, TRANSPOSE_F32, 6 * LF);
                    FloatVector hi3 = FloatVector.fromArray(F, TRANSPOSE_F32, 7 * LF);
                    int at = srcOff + i0 * srcStride + j0;
                    FloatVector r0 = FloatVector.fromArray(F, src, at);
                    FloatVector r1 = FloatVector.fromArray(F, src, at + 1 * srcStride);
                    FloatVector r2 = FloatVector.fromArray(F, src, at + 2 * srcStride);
                    FloatVector r3 = FloatVector.fromArray(F, src, at + 3 * srcStride);
                    FloatVector r4 = FloatVector.fromArray(F, src, at + 4 * srcStride);
                    FloatVector r5 = FloatVector.fromArray(F, src, at + 5 * srcStride);
                    FloatVector r6 = FloatVector.fromArray(F, src, at + 6 * srcStride);
                    FloatVector r7 = FloatVector.fromArray(F, src, at + 7 * srcStride);
                    FloatVector r8 = FloatVector.fromArray(F, src, at + 8 * srcStride);
                    FloatVector r9 = FloatVector.fromArray(F, src, at + 9 * srcStride);
                    FloatVector r10 = FloatVector.fromArray(F, src, at + 10 * srcStride);
                    FloatVector r11 = FloatVector.fromArray(F, src, at + 11 * srcStride);
                    FloatVector r12 = FloatVector.fromArray(F, src, at + 12 * srcStride);
                    FloatVector r13 = FloatVector.fromArray(F, src, at + 13 * srcStride);
                    FloatVector r14 = FloatVector.fromArray(F, src, at + 14 * srcStride);
                    FloatVector r15 = FloatVector.fromArray(F, src, at + 15 * srcStride);
                    FloatVector s0_0 = lo0.selectFrom(r0, r1);
                    FloatVector s0_1 = hi0.selectFrom(r0, r1);
                    FloatVector s0_2 = lo0.selectFrom(r2, r3);
                    FloatVector s0_3 = hi0.selectFrom(r2, r3);
                    FloatVector s0_4 = lo0.selectFrom(r4, r5);
                    FloatVector s0_5 = hi0.selectFrom(r4, r5);
                    FloatVector s0_6 = lo0.selectFrom(r6, r7);
                    FloatVector s0_7 = hi0.selectFrom(r6, r7);
                    FloatVector s0_8 = lo0.selectFrom(r8, r9);
                    FloatVector s0_9 = hi0.selectFrom(r8, r9);
                    FloatVector s0_10 = lo0.selectFrom(r10, r11);
                    FloatVector s0_11 = hi0.selectFrom(r10, r11);
                    FloatVector s0_12 = lo0.selectFrom(r12, r13);
                    FloatVector s0_13 = hi0.selectFrom(r12, r13);
                    FloatVector s0_14 = lo0.selectFrom(r14, r15);
                    FloatVector s0_15 = hi0.selectFrom(r14, r15);
                    FloatVector s1_0 = lo1.selectFrom(s0_0, s0_2);
                    FloatVector s1_2 = hi1.selectFrom(s0_0, s0_2);
                    FloatVector s1_1 = lo1.selectFrom(s0_1, s0_3);
                    FloatVector s1_3 = hi1.selectFrom(s0_1, s0_3);
                    FloatVector s1_4 = lo1.selectFrom(s0_4, s0_6);
                    FloatVector s1_6 = hi1.selectFrom(s0_4, s0_6);
                    FloatVector s1_5 = lo1.selectFrom(s0_5, s0_7);
                    FloatVector s1_7 = hi1.selectFrom(s0_5, s0_7);
                    FloatVector s1_8 = lo1.selectFrom(s0_8, s0_10);
                    FloatVector s1_10 = hi1.selectFrom(s0_8, s0_10);
                    FloatVector s1_9 = lo1.selectFrom(s0_9, s0_11);
                    FloatVector s1_11 = hi1.selectFrom(s0_9, s0_11);
                    FloatVector s1_12 = lo1.selectFrom(s0_12, s0_14);
                    FloatVector s1_14 = hi1.selectFrom(s0_12, s0_14);
                    FloatVector s1_13 = lo1.selectFrom(s0_13, s0_15);
                    FloatVector s1_15 = hi1.selectFrom(s0_13, s0_15);
                    FloatVector s2_0 = lo2.selectFrom(s1_0, s1_4);
                    FloatVector s2_4 = hi2.selectFrom(s1_0, s1_4);
                    FloatVector s2_1 = lo2.selectFrom(s1_1, s1_5);
                    FloatVector s2_5 = hi2.selectFrom(s1_1, s1_5);
                    FloatVector s2_2 = lo2.selectFrom(s1_2, s1_6);
                    FloatVector s2_6 = hi2.selectFrom(s1_2, s1_6);
                    FloatVector s2_3 = lo2.selectFrom(s1_3, s1_7);
                    FloatVector s2_7 = hi2.selectFrom(s1_3, s1_7);
                    FloatVector s2_8 = lo2.selectFrom(s1_8, s1_12);
                    FloatVector s2_12 = hi2.selectFrom(s1_8, s1_12);
                    FloatVector s2_9 = lo2.selectFrom(s1_9, s1_13);
                    FloatVector s2_13 = hi2.selectFrom(s1_9, s1_13);
                    FloatVector s2_10 = lo2.selectFrom(s1_10, s1_14);
                    FloatVector s2_14 = hi2.selectFrom(s1_10, s1_14);
                    FloatVector s2_11 = lo2.selectFrom(s1_11, s1_15);
                    FloatVector s2_15 = hi2.selectFrom(s1_11, s1_15);
                    FloatVector s3_0 = lo3.selectFrom(s2_0, s2_8);
                    FloatVector s3_8 = hi3.selectFrom(s2_0, s2_8);
                    FloatVector s3_1 = lo3.selectFrom(s2_1, s2_9);
                    FloatVector s3_9 = hi3.selectFrom(s2_1, s2_9);
                    FloatVector s3_2 = lo3.selectFrom(s2_2, s2_10);
                    FloatVector s3_10 = hi3.selectFrom(s2_2, s2_10);
                    FloatVector s3_3 = lo3.selectFrom(s2_3, s2_11);
                    FloatVector s3_11 = hi3.selectFrom(s2_3, s2_11);
                    FloatVector s3_4 = lo3.selectFrom(s2_4, s2_12);
                    FloatVector s3_12 = hi3.selectFrom(s2_4, s2_12);
                    FloatVector s3_5 = lo3.selectFrom(s2_5, s2_13);
                    FloatVector s3_13 = hi3.selectFrom(s2_5, s2_13);
                    FloatVector s3_6 = lo3.selectFrom(s2_6, s2_14);
                    FloatVector s3_14 = hi3.selectFrom(s2_6, s2_14);
                    FloatVector s3_7 = lo3.selectFrom(s2_7, s2_15);
                    FloatVector s3_15 = hi3.selectFrom(s2_7, s2_15);
                    int to = dstOff + j0 * dstStride + i0;
                    s3_0.intoArray(dst, to);
                    s3_1.intoArray(dst, to + 1 * dstStride);
                    s3_2.intoArray(dst, to + 2 * dstStride);
                    s3_3.intoArray(dst, to + 3 * dstStride);
                    s3_4.intoArray(dst, to + 4 * dstStride);
                    s3_5.intoArray(dst, to + 5 * dstStride);
                    s3_6.intoArray(dst, to + 6 * dstStride);
                    s3_7.intoArray(dst, to + 7 * dstStride);
                    s3_8.intoArray(dst, to + 8 * dstStride);
                    s3_9.intoArray(dst, to + 9 * dstStride);
                    s3_10.intoArray(dst, to + 10 * dstStride);
                    s3_11.intoArray(dst, to + 11 * dstStride);
                    s3_12.intoArray(dst, to + 12 * dstStride);
                    s3_13.intoArray(dst, to + 13 * dstStride);
                    s3_14.intoArray(dst, to + 14 * dstStride);
                    s3_15.intoArray(dst, to + 15 * dstStride);
                }
                for (int i = i0; i < i0 + 16; i++) {
                    for (int j = j0; j < cols; j++) {
                        dst[dstOff + j * dstStride + i] = src[srcOff + i * srcStride + j];
                    }
                }
            }
        }
        for (int i = i0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                dst[dstOff + j * dstStride + i] = src[srcOff + i * srcStride + j];
            }
        }
    }

    @Override
    public void deinterleaveF32(float[] src, int srcOff, int stride, int n, float[] dst, int dstOff, int dstStride) {
        int u = 0;
        if (LF == 16 && stride == 2) {
            FloatVector i0 = FloatVector.fromArray(F, PHASES2_F32, 0);
            FloatVector i1 = FloatVector.fromArray(F, PHASES2_F32, LF);
            for (; u <= n - LF; u += LF) {
                int at = srcOff + 2 * u;
                FloatVector v0 = FloatVector.fromArray(F, src, at);
                FloatVector v1 = FloatVector.fromArray(F, src, at + LF);
                i0.selectFrom(v0, v1).intoArray(dst, dstOff + u);
                i1.selectFrom(v0, v1).intoArray(dst, dstOff + dstStride + u);
            }
        } else if (LF == 16 && stride == 4) {
            jdk.incubator.vector.VectorMask<Float> upper = jdk.incubator.vector.VectorMask.fromLong(F,
                    lanesBelow(LF) & ~lanesBelow(LF / 2));
            FloatVector lo0 = FloatVector.fromArray(F, PHASES4_F32, 0);
            FloatVector hi0 = FloatVector.fromArray(F, PHASES4_F32, LF);
            FloatVector lo1 = FloatVector.fromArray(F, PHASES4_F32, 2 * LF);
            FloatVector hi1 = FloatVector.fromArray(F, PHASES4_F32, 3 * LF);
            FloatVector lo2 = FloatVector.fromArray(F, PHASES4_F32, 4 * LF);
            FloatVector hi2 = FloatVector.fromArray(F, PHASES4_F32, 5 * LF);
            FloatVector lo3 = FloatVector.fromArray(F, PHASES4_F32, 6 * LF);
            FloatVector hi3 = FloatVector.fromArray(F, PHASES4_F32, 7 * LF);
            for (; u <= n - LF; u += LF) {
                int at = srcOff + 4 * u;
                FloatVector v0 = FloatVector.fromArray(F, src, at);
                FloatVector v1 = FloatVector.fromArray(F, src, at + LF);
                FloatVector v2 = FloatVector.fromArray(F, src, at + 2 * LF);
                FloatVector v3 = FloatVector.fromArray(F, src, at + 3 * LF);
                lo0.selectFrom(v0, v1).blend(hi0.selectFrom(v2, v3), upper).intoArray(dst, dstOff + u);
                lo1.selectFrom(v0, v1).blend(hi1.selectFrom(v2, v3), upper).intoArray(dst, dstOff + dstStride + u);
                lo2.selectFrom(v0, v1).blend(hi2.selectFrom(v2, v3), upper).intoArray(dst, dstOff + 2 * dstStride + u);
                lo3.selectFrom(v0, v1).blend(hi3.selectFrom(v2, v3), upper).intoArray(dst, dstOff + 3 * dstStride + u);
            }
        }
        for (int f = 0; f < stride; f++) {
            for (int i = u; i < n; i++) {
                dst[dstOff + f * dstStride + i] = src[srcOff + i * stride + f];
            }
        }
    }

    @Override
    public void depthwiseF64(int count, int taps, double[] w, int wOff, double[] x, int xOff, int[] xTaps,
            double init, double[] y, int yOff) {
        DoubleVector start = DoubleVector.broadcast(D, init);
        int j = 0;
        if (D.vectorBitSize() >= 512 && consecutive(xTaps, taps)) {
            j = depthwiseWindowsF64(count, taps, w, wOff, x, xOff + xTaps[0], start, y, yOff);
        }
        // Four vectors of outputs per pass over the taps: one broadcast serves four loads and FMAs.
        for (; j <= count - 4 * LD; j += 4 * LD) {
            DoubleVector acc0 = start;
            DoubleVector acc1 = start;
            DoubleVector acc2 = start;
            DoubleVector acc3 = start;
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
            DoubleVector acc = start;
            for (int k = 0; k < taps; k++) {
                DoubleVector xk = DoubleVector.fromArray(D, x, xOff + xTaps[k] + j);
                acc = DoubleVector.broadcast(D, w[wOff + k]).fma(xk, acc);
            }
            acc.intoArray(y, yOff + j);
        }
        for (; j < count; j++) {
            double acc = init;
            for (int k = 0; k < taps; k++) {
                acc = Math.fma(w[wOff + k], x[xOff + xTaps[k] + j], acc);
            }
            y[yOff + j] = acc;
        }
    }

    /**
     * Blocks of 8 output vectors of a depthwise row whose taps read consecutive elements ({@code x[at + k + j]}):
     * the block's 9 aligned-to-the-row vectors are loaded once, and every other tap's shifted window is cut
     * from two of them by a two-vector permute (Note [Depthwise windows]). Returns the first column it left.
     */
    private static int depthwiseWindowsF64(int count, int taps, double[] w, int wOff, double[] x, int at0,
            DoubleVector start, double[] y, int yOff) {
        // The last vector loaded, a8, may lie past the columns' reads: stop where it would pass the array's end.
        int last = Math.min(count - 8 * LD, x.length - at0 - 9 * LD);
        int permuted = Math.min(taps, LD) - 1; // taps below this (and odd) come from loads, the next from a permute
        DoubleVector w0 = DoubleVector.broadcast(D, w[wOff]);
        int j = 0;
        for (; j <= last; j += 8 * LD) {
            int at = at0 + j;
            DoubleVector a0 = DoubleVector.fromArray(D, x, at);
            DoubleVector a1 = DoubleVector.fromArray(D, x, at + 1 * LD);
            DoubleVector a2 = DoubleVector.fromArray(D, x, at + 2 * LD);
            DoubleVector a3 = DoubleVector.fromArray(D, x, at + 3 * LD);
            DoubleVector a4 = DoubleVector.fromArray(D, x, at + 4 * LD);
            DoubleVector a5 = DoubleVector.fromArray(D, x, at + 5 * LD);
            DoubleVector a6 = DoubleVector.fromArray(D, x, at + 6 * LD);
            DoubleVector a7 = DoubleVector.fromArray(D, x, at + 7 * LD);
            DoubleVector a8 = DoubleVector.fromArray(D, x, at + 8 * LD);
            DoubleVector c0 = w0.fma(a0, start);
            DoubleVector c1 = w0.fma(a1, start);
            DoubleVector c2 = w0.fma(a2, start);
            DoubleVector c3 = w0.fma(a3, start);
            DoubleVector c4 = w0.fma(a4, start);
            DoubleVector c5 = w0.fma(a5, start);
            DoubleVector c6 = w0.fma(a6, start);
            DoubleVector c7 = w0.fma(a7, start);
            int k = 1;
            for (; k < permuted; k += 2) {
                DoubleVector wk = DoubleVector.broadcast(D, w[wOff + k]);
                c0 = wk.fma(DoubleVector.fromArray(D, x, at + k), c0);
                c1 = wk.fma(DoubleVector.fromArray(D, x, at + 1 * LD + k), c1);
                c2 = wk.fma(DoubleVector.fromArray(D, x, at + 2 * LD + k), c2);
                c3 = wk.fma(DoubleVector.fromArray(D, x, at + 3 * LD + k), c3);
                c4 = wk.fma(DoubleVector.fromArray(D, x, at + 4 * LD + k), c4);
                c5 = wk.fma(DoubleVector.fromArray(D, x, at + 5 * LD + k), c5);
                c6 = wk.fma(DoubleVector.fromArray(D, x, at + 6 * LD + k), c6);
                c7 = wk.fma(DoubleVector.fromArray(D, x, at + 7 * LD + k), c7);
                DoubleVector shift = DoubleVector.fromArray(D, SHIFTS_F64, (k + 1) * LD);
                wk = DoubleVector.broadcast(D, w[wOff + k + 1]);
                c0 = wk.fma(shift.selectFrom(a0, a1), c0);
                c1 = wk.fma(shift.selectFrom(a1, a2), c1);
                c2 = wk.fma(shift.selectFrom(a2, a3), c2);
                c3 = wk.fma(shift.selectFrom(a3, a4), c3);
                c4 = wk.fma(shift.selectFrom(a4, a5), c4);
                c5 = wk.fma(shift.selectFrom(a5, a6), c5);
                c6 = wk.fma(shift.selectFrom(a6, a7), c6);
                c7 = wk.fma(shift.selectFrom(a7, a8), c7);
            }
            for (; k < taps; k++) {
                DoubleVector wk = DoubleVector.broadcast(D, w[wOff + k]);
                c0 = wk.fma(DoubleVector.fromArray(D, x, at + k), c0);
                c1 = wk.fma(DoubleVector.fromArray(D, x, at + 1 * LD + k), c1);
                c2 = wk.fma(DoubleVector.fromArray(D, x, at + 2 * LD + k), c2);
                c3 = wk.fma(DoubleVector.fromArray(D, x, at + 3 * LD + k), c3);
                c4 = wk.fma(DoubleVector.fromArray(D, x, at + 4 * LD + k), c4);
                c5 = wk.fma(DoubleVector.fromArray(D, x, at + 5 * LD + k), c5);
                c6 = wk.fma(DoubleVector.fromArray(D, x, at + 6 * LD + k), c6);
                c7 = wk.fma(DoubleVector.fromArray(D, x, at + 7 * LD + k), c7);
            }
            c0.intoArray(y, yOff + j);
            c1.intoArray(y, yOff + j + 1 * LD);
            c2.intoArray(y, yOff + j + 2 * LD);
            c3.intoArray(y, yOff + j + 3 * LD);
            c4.intoArray(y, yOff + j + 4 * LD);
            c5.intoArray(y, yOff + j + 5 * LD);
            c6.intoArray(y, yOff + j + 6 * LD);
            c7.intoArray(y, yOff + j + 7 * LD);
        }
        return j;
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

    static void dotTileF64Wide(int count, double[] a, int[] aRows, double[] b, int[] bRows, double[] acc,
            int accOff) {
        int a0 = aRows[0];
        int a1 = aRows[1];
        int a2 = aRows[2];
        int a3 = aRows[3];
        int b0 = bRows[0];
        int b1 = bRows[1];
        int b2 = bRows[2];
        int b3 = bRows[3];
        int b4 = bRows[4];
        int b5 = bRows[5];
        DoubleVector s0_0_0 = DoubleVector.fromArray(D512, acc, accOff + 0);
        DoubleVector s0_1_0 = DoubleVector.fromArray(D512, acc, accOff + 8);
        DoubleVector s0_2_0 = DoubleVector.fromArray(D512, acc, accOff + 16);
        DoubleVector s0_3_0 = DoubleVector.fromArray(D512, acc, accOff + 24);
        DoubleVector s0_4_0 = DoubleVector.fromArray(D512, acc, accOff + 32);
        DoubleVector s0_5_0 = DoubleVector.fromArray(D512, acc, accOff + 40);
        DoubleVector s1_0_0 = DoubleVector.fromArray(D512, acc, accOff + 48);
        DoubleVector s1_1_0 = DoubleVector.fromArray(D512, acc, accOff + 56);
        DoubleVector s1_2_0 = DoubleVector.fromArray(D512, acc, accOff + 64);
        DoubleVector s1_3_0 = DoubleVector.fromArray(D512, acc, accOff + 72);
        DoubleVector s1_4_0 = DoubleVector.fromArray(D512, acc, accOff + 80);
        DoubleVector s1_5_0 = DoubleVector.fromArray(D512, acc, accOff + 88);
        DoubleVector s2_0_0 = DoubleVector.fromArray(D512, acc, accOff + 96);
        DoubleVector s2_1_0 = DoubleVector.fromArray(D512, acc, accOff + 104);
        DoubleVector s2_2_0 = DoubleVector.fromArray(D512, acc, accOff + 112);
        DoubleVector s2_3_0 = DoubleVector.fromArray(D512, acc, accOff + 120);
        DoubleVector s2_4_0 = DoubleVector.fromArray(D512, acc, accOff + 128);
        DoubleVector s2_5_0 = DoubleVector.fromArray(D512, acc, accOff + 136);
        DoubleVector s3_0_0 = DoubleVector.fromArray(D512, acc, accOff + 144);
        DoubleVector s3_1_0 = DoubleVector.fromArray(D512, acc, accOff + 152);
        DoubleVector s3_2_0 = DoubleVector.fromArray(D512, acc, accOff + 160);
        DoubleVector s3_3_0 = DoubleVector.fromArray(D512, acc, accOff + 168);
        DoubleVector s3_4_0 = DoubleVector.fromArray(D512, acc, accOff + 176);
        DoubleVector s3_5_0 = DoubleVector.fromArray(D512, acc, accOff + 184);
        int e = 0;
        for (; e <= count - 8; e += 8) {
            DoubleVector x0_0 = DoubleVector.fromArray(D512, a, a0 + e);
            DoubleVector x1_0 = DoubleVector.fromArray(D512, a, a1 + e);
            DoubleVector x2_0 = DoubleVector.fromArray(D512, a, a2 + e);
            DoubleVector x3_0 = DoubleVector.fromArray(D512, a, a3 + e);
            DoubleVector y0_0 = DoubleVector.fromArray(D512, b, b0 + e);
            s0_0_0 = x0_0.fma(y0_0, s0_0_0);
            s1_0_0 = x1_0.fma(y0_0, s1_0_0);
            s2_0_0 = x2_0.fma(y0_0, s2_0_0);
            s3_0_0 = x3_0.fma(y0_0, s3_0_0);
            DoubleVector y1_0 = DoubleVector.fromArray(D512, b, b1 + e);
            s0_1_0 = x0_0.fma(y1_0, s0_1_0);
            s1_1_0 = x1_0.fma(y1_0, s1_1_0);
            s2_1_0 = x2_0.fma(y1_0, s2_1_0);
            s3_1_0 = x3_0.fma(y1_0, s3_1_0);
            DoubleVector y2_0 = DoubleVector.fromArray(D512, b, b2 + e);
            s0_2_0 = x0_0.fma(y2_0, s0_2_0);
            s1_2_0 = x1_0.fma(y2_0, s1_2_0);
            s2_2_0 = x2_0.fma(y2_0, s2_2_0);
            s3_2_0 = x3_0.fma(y2_0, s3_2_0);
            DoubleVector y3_0 = DoubleVector.fromArray(D512, b, b3 + e);
            s0_3_0 = x0_0.fma(y3_0, s0_3_0);
            s1_3_0 = x1_0.fma(y3_0, s1_3_0);
            s2_3_0 = x2_0.fma(y3_0, s2_3_0);
            s3_3_0 = x3_0.fma(y3_0, s3_3_0);
            DoubleVector y4_0 = DoubleVector.fromArray(D512, b, b4 + e);
            s0_4_0 = x0_0.fma(y4_0, s0_4_0);
            s1_4_0 = x1_0.fma(y4_0, s1_4_0);
            s2_4_0 = x2_0.fma(y4_0, s2_4_0);
            s3_4_0 = x3_0.fma(y4_0, s3_4_0);
            DoubleVector y5_0 = DoubleVector.fromArray(D512, b, b5 + e);
            s0_5_0 = x0_0.fma(y5_0, s0_5_0);
            s1_5_0 = x1_0.fma(y5_0, s1_5_0);
            s2_5_0 = x2_0.fma(y5_0, s2_5_0);
            s3_5_0 = x3_0.fma(y5_0, s3_5_0);
        }
        s0_0_0.intoArray(acc, accOff + 0);
        s0_1_0.intoArray(acc, accOff + 8);
        s0_2_0.intoArray(acc, accOff + 16);
        s0_3_0.intoArray(acc, accOff + 24);
        s0_4_0.intoArray(acc, accOff + 32);
        s0_5_0.intoArray(acc, accOff + 40);
        s1_0_0.intoArray(acc, accOff + 48);
        s1_1_0.intoArray(acc, accOff + 56);
        s1_2_0.intoArray(acc, accOff + 64);
        s1_3_0.intoArray(acc, accOff + 72);
        s1_4_0.intoArray(acc, accOff + 80);
        s1_5_0.intoArray(acc, accOff + 88);
        s2_0_0.intoArray(acc, accOff + 96);
        s2_1_0.intoArray(acc, accOff + 104);
        s2_2_0.intoArray(acc, accOff + 112);
        s2_3_0.intoArray(acc, accOff + 120);
        s2_4_0.intoArray(acc, accOff + 128);
        s2_5_0.intoArray(acc, accOff + 136);
        s3_0_0.intoArray(acc, accOff + 144);
        s3_1_0.intoArray(acc, accOff + 152);
        s3_2_0.intoArray(acc, accOff + 160);
        s3_3_0.intoArray(acc, accOff + 168);
        s3_4_0.intoArray(acc, accOff + 176);
        s3_5_0.intoArray(acc, accOff + 184);
        jdk.incubator.vector.VectorMask<Double> m0 = jdk.incubator.vector.VectorMask.fromLong(D512,
                lanesBelow(count - e));
        for (int i = 0; i < 4; i++) {
            int ai = aRows[i] + e;
            DoubleVector x0 = DoubleVector.fromArray(D512, a, ai, m0);
            for (int j = 0; j < 6; j++) {
                int bj = bRows[j] + e;
                int at = accOff + (i * 6 + j) * 8;
                x0.fma(DoubleVector.fromArray(D512, b, bj, m0), DoubleVector.fromArray(D512, acc, at))
                        .intoArray(acc, at);
            }
        }
    }

    static void dotTileF64Narrow(int count, double[] a, int[] aRows, double[] b, int[] bRows, double[] acc,
            int accOff) {
        int a0 = aRows[0];
        int a1 = aRows[1];
        int b0 = bRows[0];
        int b1 = bRows[1];
        int b2 = bRows[2];
        DoubleVector s0_0_0 = DoubleVector.fromArray(D256, acc, accOff + 0);
        DoubleVector s0_0_1 = DoubleVector.fromArray(D256, acc, accOff + 4);
        DoubleVector s0_1_0 = DoubleVector.fromArray(D256, acc, accOff + 8);
        DoubleVector s0_1_1 = DoubleVector.fromArray(D256, acc, accOff + 12);
        DoubleVector s0_2_0 = DoubleVector.fromArray(D256, acc, accOff + 16);
        DoubleVector s0_2_1 = DoubleVector.fromArray(D256, acc, accOff + 20);
        DoubleVector s1_0_0 = DoubleVector.fromArray(D256, acc, accOff + 24);
        DoubleVector s1_0_1 = DoubleVector.fromArray(D256, acc, accOff + 28);
        DoubleVector s1_1_0 = DoubleVector.fromArray(D256, acc, accOff + 32);
        DoubleVector s1_1_1 = DoubleVector.fromArray(D256, acc, accOff + 36);
        DoubleVector s1_2_0 = DoubleVector.fromArray(D256, acc, accOff + 40);
        DoubleVector s1_2_1 = DoubleVector.fromArray(D256, acc, accOff + 44);
        int e = 0;
        for (; e <= count - 8; e += 8) {
            DoubleVector x0_0 = DoubleVector.fromArray(D256, a, a0 + e);
            DoubleVector x1_0 = DoubleVector.fromArray(D256, a, a1 + e);
            DoubleVector y0_0 = DoubleVector.fromArray(D256, b, b0 + e);
            s0_0_0 = x0_0.fma(y0_0, s0_0_0);
            s1_0_0 = x1_0.fma(y0_0, s1_0_0);
            DoubleVector y1_0 = DoubleVector.fromArray(D256, b, b1 + e);
            s0_1_0 = x0_0.fma(y1_0, s0_1_0);
            s1_1_0 = x1_0.fma(y1_0, s1_1_0);
            DoubleVector y2_0 = DoubleVector.fromArray(D256, b, b2 + e);
            s0_2_0 = x0_0.fma(y2_0, s0_2_0);
            s1_2_0 = x1_0.fma(y2_0, s1_2_0);
            DoubleVector x0_1 = DoubleVector.fromArray(D256, a, a0 + e + 4);
            DoubleVector x1_1 = DoubleVector.fromArray(D256, a, a1 + e + 4);
            DoubleVector y0_1 = DoubleVector.fromArray(D256, b, b0 + e + 4);
            s0_0_1 = x0_1.fma(y0_1, s0_0_1);
            s1_0_1 = x1_1.fma(y0_1, s1_0_1);
            DoubleVector y1_1 = DoubleVector.fromArray(D256, b, b1 + e + 4);
            s0_1_1 = x0_1.fma(y1_1, s0_1_1);
            s1_1_1 = x1_1.fma(y1_1, s1_1_1);
            DoubleVector y2_1 = DoubleVector.fromArray(D256, b, b2 + e + 4);
            s0_2_1 = x0_1.fma(y2_1, s0_2_1);
            s1_2_1 = x1_1.fma(y2_1, s1_2_1);
        }
        s0_0_0.intoArray(acc, accOff + 0);
        s0_0_1.intoArray(acc, accOff + 4);
        s0_1_0.intoArray(acc, accOff + 8);
        s0_1_1.intoArray(acc, accOff + 12);
        s0_2_0.intoArray(acc, accOff + 16);
        s0_2_1.intoArray(acc, accOff + 20);
        s1_0_0.intoArray(acc, accOff + 24);
        s1_0_1.intoArray(acc, accOff + 28);
        s1_1_0.intoArray(acc, accOff + 32);
        s1_1_1.intoArray(acc, accOff + 36);
        s1_2_0.intoArray(acc, accOff + 40);
        s1_2_1.intoArray(acc, accOff + 44);
        jdk.incubator.vector.VectorMask<Double> m0 = jdk.incubator.vector.VectorMask.fromLong(D256,
                lanesBelow(count - e));
        jdk.incubator.vector.VectorMask<Double> m1 = jdk.incubator.vector.VectorMask.fromLong(D256,
                lanesBelow(count - e - 4));
        for (int i = 0; i < 2; i++) {
            int ai = aRows[i] + e;
            DoubleVector x0 = DoubleVector.fromArray(D256, a, ai, m0);
            DoubleVector x1 = DoubleVector.fromArray(D256, a, ai + 4, m1);
            for (int j = 0; j < 3; j++) {
                int bj = bRows[j] + e;
                int at = accOff + (i * 3 + j) * 8;
                x0.fma(DoubleVector.fromArray(D256, b, bj, m0), DoubleVector.fromArray(D256, acc, at))
                        .intoArray(acc, at);
                x1.fma(DoubleVector.fromArray(D256, b, bj + 4, m1), DoubleVector.fromArray(D256, acc, at + 4))
                        .intoArray(acc, at + 4);
            }
        }
    }

    static void dotTapsF64Wide(int count, int taps, double[] a, int aOff, double[] b, int bOff, int[] bTaps,
            double[] acc, int accOff) {
        int whole = count - count % 8;
        int k = 0;
        // Four taps at a time: one load of a serves four loads and FMAs of b, in four independent chains.
        for (; k <= taps - 4; k += 4) {
            int b0 = bOff + bTaps[k + 0];
            int b1 = bOff + bTaps[k + 1];
            int b2 = bOff + bTaps[k + 2];
            int b3 = bOff + bTaps[k + 3];
            DoubleVector s0_0 = DoubleVector.fromArray(D512, acc, accOff + (k + 0) * 8);
            DoubleVector s1_0 = DoubleVector.fromArray(D512, acc, accOff + (k + 1) * 8);
            DoubleVector s2_0 = DoubleVector.fromArray(D512, acc, accOff + (k + 2) * 8);
            DoubleVector s3_0 = DoubleVector.fromArray(D512, acc, accOff + (k + 3) * 8);
            for (int e = 0; e < whole; e += 8) {
                DoubleVector x0 = DoubleVector.fromArray(D512, a, aOff + e);
                s0_0 = x0.fma(DoubleVector.fromArray(D512, b, b0 + e), s0_0);
                s1_0 = x0.fma(DoubleVector.fromArray(D512, b, b1 + e), s1_0);
                s2_0 = x0.fma(DoubleVector.fromArray(D512, b, b2 + e), s2_0);
                s3_0 = x0.fma(DoubleVector.fromArray(D512, b, b3 + e), s3_0);
            }
            s0_0.intoArray(acc, accOff + (k + 0) * 8);
            s1_0.intoArray(acc, accOff + (k + 1) * 8);
            s2_0.intoArray(acc, accOff + (k + 2) * 8);
            s3_0.intoArray(acc, accOff + (k + 3) * 8);
        }
        for (; k < taps; k++) {
            int bk = bOff + bTaps[k];
            DoubleVector s0 = DoubleVector.fromArray(D512, acc, accOff + k * 8);
            for (int e = 0; e < whole; e += 8) {
                s0 = DoubleVector.fromArray(D512, a, aOff + e).fma(DoubleVector.fromArray(D512, b, bk + e), s0);
            }
            s0.intoArray(acc, accOff + k * 8);
        }
        // The last count mod lanes elements as in the dot tiles: masked loads, +0 into the lanes past the end.
        jdk.incubator.vector.VectorMask<Double> m0 = jdk.incubator.vector.VectorMask.fromLong(D512,
                lanesBelow(count - whole));
        DoubleVector x0 = DoubleVector.fromArray(D512, a, aOff + whole, m0);
        for (k = 0; k < taps; k++) {
            int bk = bOff + bTaps[k] + whole;
            int at = accOff + k * 8;
            x0.fma(DoubleVector.fromArray(D512, b, bk, m0), DoubleVector.fromArray(D512, acc, at)).intoArray(acc, at);
        }
    }

    static void dotTapsF64Narrow(int count, int taps, double[] a, int aOff, double[] b, int bOff, int[] bTaps,
            double[] acc, int accOff) {
        int whole = count - count % 8;
        int k = 0;
        // Four taps at a time: one load of a serves four loads and FMAs of b, in four independent chains.
        for (; k <= taps - 4; k += 4) {
            int b0 = bOff + bTaps[k + 0];
            int b1 = bOff + bTaps[k + 1];
            int b2 = bOff + bTaps[k + 2];
            int b3 = bOff + bTaps[k + 3];
            DoubleVector s0_0 = DoubleVector.fromArray(D256, acc, accOff + (k + 0) * 8);
            DoubleVector s0_1 = DoubleVector.fromArray(D256, acc, accOff + (k + 0) * 8 + 4);
            DoubleVector s1_0 = DoubleVector.fromArray(D256, acc, accOff + (k + 1) * 8);
            DoubleVector s1_1 = DoubleVector.fromArray(D256, acc, accOff + (k + 1) * 8 + 4);
            DoubleVector s2_0 = DoubleVector.fromArray(D256, acc, accOff + (k + 2) * 8);
            DoubleVector s2_1 = DoubleVector.fromArray(D256, acc, accOff + (k + 2) * 8 + 4);
            DoubleVector s3_0 = DoubleVector.fromArray(D256, acc, accOff + (k + 3) * 8);
            DoubleVector s3_1 = DoubleVector.fromArray(D256, acc, accOff + (k + 3) * 8 + 4);
            for (int e = 0; e < whole; e += 8) {
                DoubleVector x0 = DoubleVector.fromArray(D256, a, aOff + e);
                DoubleVector x1 = DoubleVector.fromArray(D256, a, aOff + e + 4);
                s0_0 = x0.fma(DoubleVector.fromArray(D256, b, b0 + e), s0_0);
                s0_1 = x1.fma(DoubleVector.fromArray(D256, b, b0 + e + 4), s0_1);
                s1_0 = x0.fma(DoubleVector.fromArray(D256, b, b1 + e), s1_0);
                s1_1 = x1.fma(DoubleVector.fromArray(D256, b, b1 + e + 4), s1_1);
                s2_0 = x0.fma(DoubleVector.fromArray(D256, b, b2 + e), s2_0);
                s2_1 = x1.fma(DoubleVector.fromArray(D256, b, b2 + e + 4), s2_1);
                s3_0 = x0.fma(DoubleVector.fromArray(D256, b, b3 + e), s3_0);
                s3_1 = x1.fma(DoubleVector.fromArray(D256, b, b3 + e + 4), s3_1);
            }
            s0_0.intoArray(acc, accOff + (k + 0) * 8);
            s0_1.intoArray(acc, accOff + (k + 0) * 8 + 4);
            s1_0.intoArray(acc, accOff + (k + 1) * 8);
            s1_1.intoArray(acc, accOff + (k + 1) * 8 + 4);
            s2_0.intoArray(acc, accOff + (k + 2) * 8);
            s2_1.intoArray(acc, accOff + (k + 2) * 8 + 4);
            s3_0.intoArray(acc, accOff + (k + 3) * 8);
            s3_1.intoArray(acc, accOff + (k + 3) * 8 + 4);
        }
        for (; k < taps; k++) {
            int bk = bOff + bTaps[k];
            DoubleVector s0 = DoubleVector.fromArray(D256, acc, accOff + k * 8);
            DoubleVector s1 = DoubleVector.fromArray(D256, acc, accOff + k * 8 + 4);
            for (int e = 0; e < whole; e += 8) {
                s0 = DoubleVector.fromArray(D256, a, aOff + e).fma(DoubleVector.fromArray(D256, b, bk + e), s0);
                s1 = DoubleVector.fromArray(D256, a, aOff + e + 4).fma(DoubleVector.fromArray(D256, b, bk + e + 4), s1);
            }
            s0.intoArray(acc, accOff + k * 8);
            s1.intoArray(acc, accOff + k * 8 + 4);
        }
        // The last count mod lanes elements as in the dot tiles: masked loads, +0 into the lanes past the end.
        jdk.incubator.vector.VectorMask<Double> m0 = jdk.incubator.vector.VectorMask.fromLong(D256,
                lanesBelow(count - whole));
        jdk.incubator.vector.VectorMask<Double> m1 = jdk.incubator.vector.VectorMask.fromLong(D256,
                lanesBelow(count - whole - 4));
        DoubleVector x0 = DoubleVector.fromArray(D256, a, aOff + whole, m0);
        DoubleVector x1 = DoubleVector.fromArray(D256, a, aOff + whole + 4, m1);
        for (k = 0; k < taps; k++) {
            int bk = bOff + bTaps[k] + whole;
            int at = accOff + k * 8;
            x0.fma(DoubleVector.fromArray(D256, b, bk, m0), DoubleVector.fromArray(D256, acc, at)).intoArray(acc, at);
            x1.fma(DoubleVector.fromArray(D256, b, bk + 4, m1), DoubleVector.fromArray(D256, acc, at + 4)).intoArray(acc, at + 4);
        }
    }

    @Override
    public void transposeF64(double[] src, int srcOff, int srcStride, double[] dst, int dstOff, int dstStride,
            int rows, int cols) {
        int i0 = 0;
        if (LD == 8) {
            for (; i0 <= rows - 8; i0 += 8) {
                int j0 = 0;
                for (; j0 <= cols - 8; j0 += 8) {
                    DoubleVector lo0 = DoubleVector.fromArray(D, TRANSPOSE_F64, 0 * LD);
                    DoubleVector hi0 = DoubleVector.fromArray(D, TRANSPOSE_F64, 1 * LD);
                    DoubleVector lo1 = DoubleVector.fromArray(D, TRANSPOSE_F64, 2 * LD);
                    DoubleVector hi1 = DoubleVector.fromArray(D, TRANSPOSE_F64, 3 * LD);
                    DoubleVector lo2 = DoubleVector.fromArray(D, TRANSPOSE_F64, 4 * LD);
                    DoubleVector hi2 = DoubleVector.fromArray(D, TRANSPOSE_F64, 5 * LD);
                    int at = srcOff + i0 * srcStride + j0;
                    DoubleVector r0 = DoubleVector.fromArray(D, src, at);
                    DoubleVector r1 = DoubleVector.fromArray(D, src, at + 1 * srcStride);
                    DoubleVector r2 = DoubleVector.fromArray(D, src, at + 2 * srcStride);
                    DoubleVector r3 = DoubleVector.fromArray(D, src, at + 3 * srcStride);
                    DoubleVector r4 = DoubleVector.fromArray(D, src, at + 4 * srcStride);
                    DoubleVector r5 = DoubleVector.fromArray(D, src, at + 5 * srcStride);
                    DoubleVector r6 = DoubleVector.fromArray(D, src, at + 6 * srcStride);
                    DoubleVector r7 = DoubleVector.fromArray(D, src, at + 7 * srcStride);
                    DoubleVector s0_0 = lo0.selectFrom(r0, r1);
                    DoubleVector s0_1 = hi0.selectFrom(r0, r1);
                    DoubleVector s0_2 = lo0.selectFrom(r2, r3);
                    DoubleVector s0_3 = hi0.selectFrom(r2, r3);
                    DoubleVector s0_4 = lo0.selectFrom(r4, r5);
                    DoubleVector s0_5 = hi0.selectFrom(r4, r5);
                    DoubleVector s0_6 = lo0.selectFrom(r6, r7);
                    DoubleVector s0_7 = hi0.selectFrom(r6, r7);
                    DoubleVector s1_0 = lo1.selectFrom(s0_0, s0_2);
                    DoubleVector s1_2 = hi1.selectFrom(s0_0, s0_2);
                    DoubleVector s1_1 = lo1.selectFrom(s0_1, s0_3);
                    DoubleVector s1_3 = hi1.selectFrom(s0_1, s0_3);
                    DoubleVector s1_4 = lo1.selectFrom(s0_4, s0_6);
                    DoubleVector s1_6 = hi1.selectFrom(s0_4, s0_6);
                    DoubleVector s1_5 = lo1.selectFrom(s0_5, s0_7);
                    DoubleVector s1_7 = hi1.selectFrom(s0_5, s0_7);
                    DoubleVector s2_0 = lo2.selectFrom(s1_0, s1_4);
                    DoubleVector s2_4 = hi2.selectFrom(s1_0, s1_4);
                    DoubleVector s2_1 = lo2.selectFrom(s1_1, s1_5);
                    DoubleVector s2_5 = hi2.selectFrom(s1_1, s1_5);
                    DoubleVector s2_2 = lo2.selectFrom(s1_2, s1_6);
                    DoubleVector s2_6 = hi2.selectFrom(s1_2, s1_6);
                    DoubleVector s2_3 = lo2.selectFrom(s1_3, s1_7);
                    DoubleVector s2_7 = hi2.selectFrom(s1_3, s1_7);
                    int to = dstOff + j0 * dstStride + i0;
                    s2_0.intoArray(dst, to);
                    s2_1.intoArray(dst, to + 1 * dstStride);
                    s2_2.intoArray(dst, to + 2 * dstStride);
                    s2_3.intoArray(dst, to + 3 * dstStride);
                    s2_4.intoArray(dst, to + 4 * dstStride);
                    s2_5.intoArray(dst, to + 5 * dstStride);
                    s2_6.intoArray(dst, to + 6 * dstStride);
                    s2_7.intoArray(dst, to + 7 * dstStride);
                }
                for (int i = i0; i < i0 + 8; i++) {
                    for (int j = j0; j < cols; j++) {
                        dst[dstOff + j * dstStride + i] = src[srcOff + i * srcStride + j];
                    }
                }
            }
        }
        for (int i = i0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                dst[dstOff + j * dstStride + i] = src[srcOff + i * srcStride + j];
            }
        }
    }

    @Override
    public void deinterleaveF64(double[] src, int srcOff, int stride, int n, double[] dst, int dstOff, int dstStride) {
        int u = 0;
        if (LD == 8 && stride == 2) {
            DoubleVector i0 = DoubleVector.fromArray(D, PHASES2_F64, 0);
            DoubleVector i1 = DoubleVector.fromArray(D, PHASES2_F64, LD);
            for (; u <= n - LD; u += LD) {
                int at = srcOff + 2 * u;
                DoubleVector v0 = DoubleVector.fromArray(D, src, at);
                DoubleVector v1 = DoubleVector.fromArray(D, src, at + LD);
                i0.selectFrom(v0, v1).intoArray(dst, dstOff + u);
                i1.selectFrom(v0, v1).intoArray(dst, dstOff + dstStride + u);
            }
        } else if (LD == 8 && stride == 4) {
            jdk.incubator.vector.VectorMask<Double> upper = jdk.incubator.vector.VectorMask.fromLong(D,
                    lanesBelow(LD) & ~lanesBelow(LD / 2));
            DoubleVector lo0 = DoubleVector.fromArray(D, PHASES4_F64, 0);
            DoubleVector hi0 = DoubleVector.fromArray(D, PHASES4_F64, LD);
            DoubleVector lo1 = DoubleVector.fromArray(D, PHASES4_F64, 2 * LD);
            DoubleVector hi1 = DoubleVector.fromArray(D, PHASES4_F64, 3 * LD);
            DoubleVector lo2 = DoubleVector.fromArray(D, PHASES4_F64, 4 * LD);
            DoubleVector hi2 = DoubleVector.fromArray(D, PHASES4_F64, 5 * LD);
            DoubleVector lo3 = DoubleVector.fromArray(D, PHASES4_F64, 6 * LD);
            DoubleVector hi3 = DoubleVector.fromArray(D, PHASES4_F64, 7 * LD);
            for (; u <= n - LD; u += LD) {
                int at = srcOff + 4 * u;
                DoubleVector v0 = DoubleVector.fromArray(D, src, at);
                DoubleVector v1 = DoubleVector.fromArray(D, src, at + LD);
                DoubleVector v2 = DoubleVector.fromArray(D, src, at + 2 * LD);
                DoubleVector v3 = DoubleVector.fromArray(D, src, at + 3 * LD);
                lo0.selectFrom(v0, v1).blend(hi0.selectFrom(v2, v3), upper).intoArray(dst, dstOff + u);
                lo1.selectFrom(v0, v1).blend(hi1.selectFrom(v2, v3), upper).intoArray(dst, dstOff + dstStride + u);
                lo2.selectFrom(v0, v1).blend(hi2.selectFrom(v2, v3), upper).intoArray(dst, dstOff + 2 * dstStride + u);
                lo3.selectFrom(v0, v1).blend(hi3.selectFrom(v2, v3), upper).intoArray(dst, dstOff + 3 * dstStride + u);
            }
        }
        for (int f = 0; f < stride; f++) {
            for (int i = u; i < n; i++) {
                dst[dstOff + f * dstStride + i] = src[srcOff + i * stride + f];
            }
        }
    }

    /*
     * Note [Winograd transforms in registers]: the tiles of F(2, 3) and F(2, 5) with dilation D (a divisor of 16)
     * start at t(j) = j + D*floor(j/D) (Note [Winograd F(2, 3)] in WinogradConvForward), so 16 tiles from a multiple
     * of 16 start in 32 consecutive elements, in every other chunk of D: with 512-bit vectors two loads and two
     * permutes (selectFrom) give their d0 and d1, the same from 2D elements further on their d2 and d3 (from 4D
     * on, d4 and d5); their 32 outputs are the same 32 positions, put back in place by two more permutes. Other
     * vector sizes and the tiles past the last 16 take WinogradTiles, as ScalarConvMath does: the same
     * operations in the same order.
     */
    /** Per dilation 1, 2, 4, 8, 16: the lanes of d0 and d1 in two vectors (then those of the outputs, below). */
    static final float[] WINOGRAD_IN_F32 = winogradIndices(LF, false);
    /** Per dilation: the lanes of the lower and the upper output vector in the even and odd outputs' vectors. */
    static final float[] WINOGRAD_OUT_F32 = winogradIndices(LF, true);

    static float[] winogradIndices(int lanes, boolean out) {
        float[] idx = new float[5 * 2 * lanes];
        for (int b = 0; b < 5; b++) {
            int d = 1 << b;
            for (int l = 0; l < lanes; l++) {
                if (out) {
                    for (int half = 0; half < 2; half++) {
                        int i = half * lanes + l;
                        int h = i / d;
                        idx[(2 * b + half) * lanes + l] = (h / 2) * d + i % d + (h % 2 == 0 ? 0 : lanes);
                    }
                } else {
                    idx[2 * b * lanes + l] = l + d * (l / d);
                    idx[(2 * b + 1) * lanes + l] = l + d * (l / d) + d;
                }
            }
        }
        return idx;
    }

    @Override
    public void winogradInputF32(int count, int taps, int dilation, float[] s, int sOff, float[] v, int vOff,
            int panelStep, int next) {
        int nr = tileColsF32();
        int j = 0;
        if (LF == 16 && nr % LF == 0 && 16 % dilation == 0) {
            int b = Integer.numberOfTrailingZeros(dilation);
            FloatVector first = FloatVector.fromArray(F, WINOGRAD_IN_F32, 2 * b * LF);
            FloatVector second = FloatVector.fromArray(F, WINOGRAD_IN_F32, (2 * b + 1) * LF);
            for (; j <= count - LF; j += LF) {
                int at = sOff + 2 * j;
                FloatVector a = FloatVector.fromArray(F, s, at);
                FloatVector c = FloatVector.fromArray(F, s, at + LF);
                FloatVector a2 = FloatVector.fromArray(F, s, at + 2 * dilation);
                FloatVector c2 = FloatVector.fromArray(F, s, at + 2 * dilation + LF);
                FloatVector d0 = first.selectFrom(a, c);
                FloatVector d1 = second.selectFrom(a, c);
                FloatVector d2 = first.selectFrom(a2, c2);
                FloatVector d3 = second.selectFrom(a2, c2);
                int to = vOff + (j / nr) * panelStep + j % nr;
                if (taps == 3) {
                    d0.sub(d2).intoArray(v, to);
                    d1.add(d2).intoArray(v, to + next);
                    d2.sub(d1).intoArray(v, to + 2 * next);
                    d1.sub(d3).intoArray(v, to + 3 * next);
                } else {
                    FloatVector a4 = FloatVector.fromArray(F, s, at + 4 * dilation);
                    FloatVector c4 = FloatVector.fromArray(F, s, at + 4 * dilation + LF);
                    FloatVector d4 = first.selectFrom(a4, c4);
                    FloatVector d5 = second.selectFrom(a4, c4);
                    FloatVector e = d4.sub(d2);
                    FloatVector f = d3.sub(d1).mul(2f);
                    d0.mul(4f).sub(d2.mul(5f)).add(d4).intoArray(v, to);
                    d3.add(d4).sub(d1.add(d2).mul(4f)).intoArray(v, to + next);
                    d4.sub(d3).add(d1.sub(d2).mul(4f)).intoArray(v, to + 2 * next);
                    e.add(f).intoArray(v, to + 3 * next);
                    e.sub(f).intoArray(v, to + 4 * next);
                    d1.mul(4f).sub(d3.mul(5f)).add(d5).intoArray(v, to + 5 * next);
                }
            }
        }
        for (; j < count; j++) {
            WinogradTiles.input(taps, dilation, s, sOff + j + dilation * (j / dilation), v,
                    vOff + (j / nr) * panelStep + j % nr, next);
        }
    }

    @Override
    public void winogradOutputF32(int count, int taps, int dilation, float[] m, int mOff, int next, float[] y,
            int yOff) {
        int i = 0;
        if (LF == 16 && 16 % dilation == 0) {
            int b = Integer.numberOfTrailingZeros(dilation);
            FloatVector lo = FloatVector.fromArray(F, WINOGRAD_OUT_F32, 2 * b * LF);
            FloatVector hi = FloatVector.fromArray(F, WINOGRAD_OUT_F32, (2 * b + 1) * LF);
            for (; i <= count - 2 * LF; i += 2 * LF) {
                int j = mOff + i / 2;
                FloatVector m0 = FloatVector.fromArray(F, m, j);
                FloatVector m1 = FloatVector.fromArray(F, m, j + next);
                FloatVector m2 = FloatVector.fromArray(F, m, j + 2 * next);
                FloatVector m3 = FloatVector.fromArray(F, m, j + 3 * next);
                FloatVector even;
                FloatVector odd;
                if (taps == 3) {
                    even = m0.add(m1).add(m2);
                    odd = m1.sub(m2).sub(m3);
                } else {
                    FloatVector m4 = FloatVector.fromArray(F, m, j + 4 * next);
                    FloatVector m5 = FloatVector.fromArray(F, m, j + 5 * next);
                    even = m0.add(m1).add(m2).add(m3).add(m4);
                    odd = m1.sub(m2).add(m3.sub(m4).mul(2f)).add(m5);
                }
                lo.selectFrom(even, odd).intoArray(y, yOff + i);
                hi.selectFrom(even, odd).intoArray(y, yOff + i + LF);
            }
        }
        for (; i < count; i++) {
            y[yOff + i] = WinogradTiles.output(taps, dilation, m, mOff, next, i);
        }
    }

    @Override
    public float fmaLoopF32(long iterations) {
        // Twelve chains: enough independent FMAs to cover the latency on both FMA pipes (on Zen 5, ten reached 216
        // GFLOP/s on one core and twelve to twenty-four 222-225), few enough not to spill with AVX2's 16 registers.
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
        FloatVector a10 = FloatVector.broadcast(F, 10f);
        FloatVector a11 = FloatVector.broadcast(F, 11f);
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
            a10 = a10.fma(x, y);
            a11 = a11.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    @Override
    public int fmaLoopFlopsPerStep() {
        return 24 * LF;
    }
}
