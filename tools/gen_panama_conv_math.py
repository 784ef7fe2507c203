#!/usr/bin/env python3
# Writes the Vector API ConvMath of conv4j-simd: PanamaConvMath (what every tile shape shares: depthwise rows, dot
# products and the two dot tiles, the FMA loop, the choice of tile) and one subclass per register tile shape,
# PanamaConvMath5x2 and PanamaConvMath8x2. Their tiles are MR x NV named accumulators each, in fourteen variants
# (two dtypes; B packed, through a table of rows or as runs of rows, whole or ragged; frames), too repetitive to
# keep consistent by hand. The build never runs this; the Java it writes is committed. Usage:
#   python3 tools/gen_panama_conv_math.py conv4j-simd/src/main/java/org/conv4j/simd
import sys

BASE = '''package org.conv4j.simd;

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
'''

def subclass(MR, NV, why):
    name = f'PanamaConvMath{MR}x{NV}'
    # Half tiles (Note [Half tiles] in ConvMath) where half the rows still give the FMAs enough accumulators.
    half_rows = '' if MR < 8 else '''

    @Override
    public int halfTileRows() {
        return MR / 2;
    }'''
    out = [f'''package org.conv4j.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * The register tiles of {{@link PanamaConvMath}} as {MR} rows by {NV} vectors: {why}
 * Written out by {{@code tools/gen_panama_conv_math.py}}.
 */
final class {name} extends PanamaConvMath {{
    private static final int MR = {MR};

    @Override
    public int tileRows() {{
        return MR;
    }}

    @Override
    public int tileColsF32() {{
        return {NV} * LF;
    }}{half_rows}

    @Override
    public int tileColsF64() {{
        return {NV} * LD;
    }}''']
    for T, V, SP, L, prim in TYPES:
        for mode in ('packed', 'table', 'runs'):
            for rows in (False, True):
                out.append(tile(MR, NV, T, V, SP, L, prim, rows, mode))
            if MR >= 8:
                out.append(tile(MR, NV, T, V, SP, L, prim, True, mode, half=True))
                out.append(tile(MR, NV, T, V, SP, L, prim, True, mode, half=True, pair=True))
        out.append(frame_tile(MR, NV, T, V, SP, L, prim))
        out.append(pack_panels(NV, T, V, SP, L, prim))
    out.append(dot_dispatch(MR >= 8))
    out.append('}\n')
    return name, '\n'.join(out)

TYPES = [('F32', 'FloatVector', 'F', 'LF', 'float'), ('F64', 'DoubleVector', 'D', 'LD', 'double')]

def tile(MR, NV, T, V, SP, L, prim, rows, mode, half=False, pair=False):
    # A pair (Note [Half tile pairs] in ConvMath): two adjacent half tiles at once, the second panel's B bNext
    # elements after the first's, its C and d at cOff2 and dOff2.
    c2, d2, bn = (', int cOff2', ', int dOff2', ' int bNext,') if pair else ('', '', '')
    dest = f', {prim}[] d, int dOff{d2}, int ldd' + (', int rows' if rows else '')
    if mode == 'table':
        params = f'int kc, {prim}[] a, int aOff, {prim}[] b, int[] bRows, int bRowsOff, int bCol,{bn}\n            {prim}[] c, int cOff{c2}, int ldc{dest}'
    elif mode == 'runs':
        params = f'int[] runs, int runCount, {prim}[] a, int aOff, {prim}[] b, int bCol,{bn}\n            {prim}[] c, int cOff{c2}, int ldc{dest}'
    else:
        params = f'int kc, {prim}[] a, int aOff, {prim}[] b, int bOff,{bn}' + ('\n           ' if pair else '') + f' {prim}[] c, int cOff{c2}, int ldc,\n            {dest[2:]}'
    name = f'tile{T}Half' if half else f'tile{T}'
    if pair:
        name += 'Pair'
    out = ['', '    @Override', f'    public void {name}({params}) {{']
    table = mode == 'runs'
    n = MR // 2 if half else MR - 1 if rows else MR
    nv = 2 * NV if pair else NV
    if mode == 'packed':
        out.append(f'        final int nr = {NV} * {L};')

    def col(v, base, second):
        # offset of vector v of a row: within the first panel, or (v >= NV) within the second
        if v >= NV:
            base, v = second, v - NV
        vo = f' + {v} * {L}' if v > 1 else (f' + {L}' if v == 1 else '')
        return base + vo

    for i in range(n):
        for v in range(nv):
            first = f'cOff + {i} * ldc' if i else 'cOff'
            second = f'cOff2 + {i} * ldc' if i else 'cOff2'
            off = col(v, first, second)
            if rows:
                out.append(f'        {V} acc{i}_{v} = rows > {i} ? {V}.fromArray({SP}, c, {off}) : {V}.zero({SP});')
            else:
                out.append(f'        {V} acc{i}_{v} = {V}.fromArray({SP}, c, {off});')
    # With runs, the reduction is a sequence of arithmetic runs of B rows: the inner loop's B index is linear in
    # its counter, so C2 hoists its bounds checks as in the packed tile's single loop.
    ind = '    ' if table else ''
    if table:
        out.append('        int aRun = aOff;')
        out.append('        for (int q = 0; q < 3 * runCount; q += 3) {')
        out.append('            int start = runs[q] + bCol;')
        out.append('            int step = runs[q + 1];')
        out.append('            int kc = runs[q + 2];')
    out.append(f'{ind}        for (int r = 0; r < kc; r++) {{')
    out.append(f'{ind}            int bi = ' + {'runs': 'start + r * step;', 'table': 'bRows[bRowsOff + r] + bCol;',
                                            'packed': 'bOff + r * nr;'}[mode])
    out.append(f'{ind}            int ai = ' + ('aRun' if table else 'aOff') + ' + r * MR;')
    for v in range(nv):
        out.append(f'{ind}            {V} b{v} = {V}.fromArray({SP}, b, {col(v, "bi", "bi + bNext")});')
    for i in range(n):
        out.append(f'{ind}            {V} w{i} = {V}.broadcast({SP}, a[ai' + (f' + {i}' if i else '') + ']);')
        for v in range(nv):
            out.append(f'{ind}            acc{i}_{v} = w{i}.fma(b{v}, acc{i}_{v});')
    out.append(f'{ind}        }}')
    if table:
        out.append('            aRun += kc * MR;')
        out.append('        }')
    for i in range(n):
        first = f'dOff + {i} * ldd' if i else 'dOff'
        second = f'dOff2 + {i} * ldd' if i else 'dOff2'
        ind = '        '
        if rows:
            out.append(f'        if (rows > {i}) {{')
            ind = '            '
        for v in range(nv):
            out.append(f'{ind}acc{i}_{v}.intoArray(d, {col(v, first, second)});')
        if rows:
            out.append('        }')
    out.append('    }')
    return '\n'.join(out)

def frame_tile(MR, NV, T, V, SP, L, prim):
    # Rows past `rows` read a copy of the last frame (always in range) and are stored but never used: no branch
    # in the loop.
    out = ['', '    @Override',
           f'    public void frameTile{T}(int kc, {prim}[] a, int aOff, int aStride, {prim}[] b, int bOff, int ldb,',
           f'            {prim}[] c, int cOff, int ldc, int rows) {{']
    for i in range(MR):
        out.append(f'        int a{i} = aOff' + (f' + Math.min({i}, rows - 1) * aStride;' if i else ';'))
    for i in range(MR):
        off = f'cOff + {i} * ldc' if i else 'cOff'
        for v in range(NV):
            vo = f' + {v} * {L}' if v > 1 else (f' + {L}' if v == 1 else '')
            out.append(f'        {V} acc{i}_{v} = {V}.fromArray({SP}, c, {off}{vo});')
    out.append('        for (int r = 0; r < kc; r++) {')
    out.append('            int bi = bOff + r * ldb;')
    for v in range(NV):
        vo = f' + {v} * {L}' if v > 1 else (f' + {L}' if v == 1 else '')
        out.append(f'            {V} b{v} = {V}.fromArray({SP}, b, bi{vo});')
    for i in range(MR):
        out.append(f'            {V} w{i} = {V}.broadcast({SP}, a[a{i} + r]);')
        for v in range(NV):
            out.append(f'            acc{i}_{v} = w{i}.fma(b{v}, acc{i}_{v});')
    out.append('        }')
    for i in range(MR):
        off = f'cOff + {i} * ldc' if i else 'cOff'
        for v in range(NV):
            vo = f' + {v} * {L}' if v > 1 else (f' + {L}' if v == 1 else '')
            out.append(f'        acc{i}_{v}.intoArray(c, {off}{vo});')
    out.append('    }')
    return '\n'.join(out)

def pack_panels(NV, T, V, SP, L, prim):
    loads = '\n'.join(f'                {V}.fromArray({SP}, b, src' + (f' + {v} * {L}' if v else '') + ').intoArray(dst, at'
                      + (f' + {v} * {L}' if v else '') + ');' for v in range(NV))
    return f"""
    @Override
    public void packPanels{T}(int rn, int panels, {prim}[] b, int[] bRows, int bCol, int panelStep, {prim}[] dst) {{
        final int nr = {NV} * {L};
        for (int p = 0; p < panels; p++) {{
            int col = bCol + p * panelStep;
            for (int r = 0; r < rn; r++) {{
                int src = bRows[r] + col;
                int at = (p * rn + r) * nr;
{loads}
            }}
        }}
    }}"""

def depthwise(T, V, SP, L, prim):
    R = 8  # output vectors per block of the windowed path
    loads = '\n'.join(f'            {V} a{r} = {V}.fromArray({SP}, x, ' + (f'at + {r} * {L}' if r else 'at') + ');'
                      for r in range(R + 1))
    firsts = '\n'.join(f'            {V} c{r} = w0.fma(a{r}, start);' for r in range(R))
    by_load = '\n'.join(f'                c{r} = wk.fma({V}.fromArray({SP}, x, at + ' + (f'{r} * {L} + ' if r else '') + f'k), c{r});'
                         for r in range(R))
    by_permute = '\n'.join(f'                c{r} = wk.fma(shift.selectFrom(a{r}, a{r + 1}), c{r});' for r in range(R))
    stores = '\n'.join(f'            c{r}.intoArray(y, yOff + j' + (f' + {r} * {L}' if r else '') + ');' for r in range(R))
    return f"""
    @Override
    public void depthwise{T}(int count, int taps, {prim}[] w, int wOff, {prim}[] x, int xOff, int[] xTaps,
            {prim} init, {prim}[] y, int yOff) {{
        {V} start = {V}.broadcast({SP}, init);
        int j = 0;
        if ({SP}.vectorBitSize() >= 512 && consecutive(xTaps, taps)) {{
            j = depthwiseWindows{T}(count, taps, w, wOff, x, xOff + xTaps[0], start, y, yOff);
        }}
        // Four vectors of outputs per pass over the taps: one broadcast serves four loads and FMAs.
        for (; j <= count - 4 * {L}; j += 4 * {L}) {{
            {V} acc0 = start;
            {V} acc1 = start;
            {V} acc2 = start;
            {V} acc3 = start;
            for (int k = 0; k < taps; k++) {{
                int xi = xOff + xTaps[k] + j;
                {V} wk = {V}.broadcast({SP}, w[wOff + k]);
                acc0 = wk.fma({V}.fromArray({SP}, x, xi), acc0);
                acc1 = wk.fma({V}.fromArray({SP}, x, xi + {L}), acc1);
                acc2 = wk.fma({V}.fromArray({SP}, x, xi + 2 * {L}), acc2);
                acc3 = wk.fma({V}.fromArray({SP}, x, xi + 3 * {L}), acc3);
            }}
            acc0.intoArray(y, yOff + j);
            acc1.intoArray(y, yOff + j + {L});
            acc2.intoArray(y, yOff + j + 2 * {L});
            acc3.intoArray(y, yOff + j + 3 * {L});
        }}
        for (; j <= count - {L}; j += {L}) {{
            {V} acc = start;
            for (int k = 0; k < taps; k++) {{
                {V} xk = {V}.fromArray({SP}, x, xOff + xTaps[k] + j);
                acc = {V}.broadcast({SP}, w[wOff + k]).fma(xk, acc);
            }}
            acc.intoArray(y, yOff + j);
        }}
        for (; j < count; j++) {{
            {prim} acc = init;
            for (int k = 0; k < taps; k++) {{
                acc = Math.fma(w[wOff + k], x[xOff + xTaps[k] + j], acc);
            }}
            y[yOff + j] = acc;
        }}
    }}

    /**
     * Blocks of {R} output vectors of a depthwise row whose taps read consecutive elements ({{@code x[at + k + j]}}):
     * the block's {R + 1} aligned-to-the-row vectors are loaded once, and every other tap's shifted window is cut
     * from two of them by a two-vector permute (Note [Depthwise windows]). Returns the first column it left.
     */
    private static int depthwiseWindows{T}(int count, int taps, {prim}[] w, int wOff, {prim}[] x, int at0,
            {V} start, {prim}[] y, int yOff) {{
        // The last vector loaded, a{R}, may lie past the columns' reads: stop where it would pass the array's end.
        int last = Math.min(count - {R} * {L}, x.length - at0 - {R + 1} * {L});
        int permuted = Math.min(taps, {L}) - 1; // taps below this (and odd) come from loads, the next from a permute
        {V} w0 = {V}.broadcast({SP}, w[wOff]);
        int j = 0;
        for (; j <= last; j += {R} * {L}) {{
            int at = at0 + j;
{loads}
{firsts}
            int k = 1;
            for (; k < permuted; k += 2) {{
                {V} wk = {V}.broadcast({SP}, w[wOff + k]);
{by_load}
                {V} shift = {V}.fromArray({SP}, SHIFTS_{T}, (k + 1) * {L});
                wk = {V}.broadcast({SP}, w[wOff + k + 1]);
{by_permute}
            }}
            for (; k < taps; k++) {{
                {V} wk = {V}.broadcast({SP}, w[wOff + k]);
{by_load}
            }}
{stores}
        }}
        return j;
    }}"""

def dot(T, V, prim, lanes, species):
    return f"""
    @Override
    public {prim} dot{T}(int count, {prim}[] a, int aOff, {prim}[] b, int bOff) {{
        {V} acc = {V}.zero({species});
        int j = 0;
        for (; j <= count - {lanes}; j += {lanes}) {{
            {V} bj = {V}.fromArray({species}, b, bOff + j);
            acc = {V}.fromArray({species}, a, aOff + j).fma(bj, acc);
        }}
        {prim}[] lanes = acc.toArray();
        for (int i = 0; j < count; j++, i++) {{
            lanes[i] = Math.fma(a[aOff + j], b[bOff + j], lanes[i]);
        }}
        {prim} sum = 0;
        for ({prim} lane : lanes) {{
            sum += lane;
        }}
        return sum;
    }}"""


def dot_tile(T, V, SP, prim, lanes, rows, cols, halves, name):
    """acc[accOff + (i*cols + j)*lanes + lane] += a[aRows[i] + e] * b[bRows[j] + e], e = lane (mod lanes), e < count."""
    w = lanes // halves
    signature = f'(int count, {prim}[] a, int[] aRows, {prim}[] b, int[] bRows, {prim}[] acc,'

    def head(out):
        for i in range(rows):
            out.append(f'        int a{i} = aRows[{i}];')
        for j in range(cols):
            out.append(f'        int b{j} = bRows[{j}];')
        for i in range(rows):
            for j in range(cols):
                for h in range(halves):
                    out.append(f'        {V} s{i}_{j}_{h} = {V}.fromArray({SP}, acc, accOff + {(i * cols + j) * lanes + h * w});')

    def step(out, indent):
        for h in range(halves):
            ho = f' + {h * w}' if h else ''
            for i in range(rows):
                out.append(f'{indent}{V} x{i}_{h} = {V}.fromArray({SP}, a, a{i} + e{ho});')
            for j in range(cols):
                out.append(f'{indent}{V} y{j}_{h} = {V}.fromArray({SP}, b, b{j} + e{ho});')
                for i in range(rows):
                    out.append(f'{indent}s{i}_{j}_{h} = x{i}_{h}.fma(y{j}_{h}, s{i}_{j}_{h});')

    def stores(out):
        for i in range(rows):
            for j in range(cols):
                for h in range(halves):
                    out.append(f'        s{i}_{j}_{h}.intoArray(acc, accOff + {(i * cols + j) * lanes + h * w});')

    def rest(out):
        # The last count mod lanes elements into lanes 0, 1, ...: masked loads read zeros into the other lanes,
        # and adding +0 leaves those as they are (a lane that starts at +0 never holds -0), so the bits equal the
        # scalar tile's. Done on every call, even with no elements left (a branch taken by some calls only would
        # leave C2's code to an uncommon trap), and in loops over the tile's elements, not written out, so that the
        # method stays small enough for C1 (Note [Dot tiles and the JIT]).
        for h in range(halves):
            ho = f' + {h * w}' if h else ''
            out.append(f'        jdk.incubator.vector.VectorMask<{box}> m{h} = jdk.incubator.vector.VectorMask.fromLong({SP},')
            out.append(f'                lanesBelow(count - e' + (f' - {h * w}' if h else '') + '));')
        out.append(f'        for (int i = 0; i < {rows}; i++) {{')
        out.append('            int ai = aRows[i] + e;')
        for h in range(halves):
            ho = f' + {h * w}' if h else ''
            out.append(f'            {V} x{h} = {V}.fromArray({SP}, a, ai{ho}, m{h});')
        out.append(f'            for (int j = 0; j < {cols}; j++) {{')
        out.append('                int bj = bRows[j] + e;')
        out.append(f'                int at = accOff + (i * {cols} + j) * {lanes};')
        for h in range(halves):
            ho = f' + {h * w}' if h else ''
            out.append(f'                x{h}.fma({V}.fromArray({SP}, b, bj{ho}, m{h}), {V}.fromArray({SP}, acc, at{ho}))')
            out.append(f'                        .intoArray(acc, at{ho});')
        out.append('            }')
        out.append('        }')

    box = 'Float' if prim == 'float' else 'Double'
    out = ['', f'    static void {name}{signature}', '            int accOff) {']
    head(out)
    out.append('        int e = 0;')
    out.append(f'        for (; e <= count - {lanes}; e += {lanes}) {{')
    step(out, '            ')
    out.append('        }')
    stores(out)
    rest(out)
    out.append('    }')
    return '\n'.join(out)

def dot_taps(T, V, SP, prim, lanes, halves, name):
    """acc[accOff + k*lanes + e % lanes] += a[aOff + e] * b[bOff + bTaps[k] + e], k < taps, e < count."""
    w = lanes // halves
    box = 'Float' if prim == 'float' else 'Double'
    hs = [(h, f' + {h * w}' if h else '') for h in range(halves)]
    out = ['', f'    static void {name}(int count, int taps, {prim}[] a, int aOff, {prim}[] b, int bOff, int[] bTaps,',
           f'            {prim}[] acc, int accOff) {{',
           f'        int whole = count - count % {lanes};',
           '        int k = 0;',
           '        // Four taps at a time: one load of a serves four loads and FMAs of b, in four independent chains.',
           f'        for (; k <= taps - 4; k += 4) {{']
    for g in range(4):
        out.append(f'            int b{g} = bOff + bTaps[k + {g}];')
    for g in range(4):
        for h, ho in hs:
            out.append(f'            {V} s{g}_{h} = {V}.fromArray({SP}, acc, accOff + (k + {g}) * {lanes}{ho});')
    out.append(f'            for (int e = 0; e < whole; e += {lanes}) {{')
    for h, ho in hs:
        out.append(f'                {V} x{h} = {V}.fromArray({SP}, a, aOff + e{ho});')
    for g in range(4):
        for h, ho in hs:
            out.append(f'                s{g}_{h} = x{h}.fma({V}.fromArray({SP}, b, b{g} + e{ho}), s{g}_{h});')
    out.append('            }')
    for g in range(4):
        for h, ho in hs:
            out.append(f'            s{g}_{h}.intoArray(acc, accOff + (k + {g}) * {lanes}{ho});')
    out.append('        }')
    out.append('        for (; k < taps; k++) {')
    out.append('            int bk = bOff + bTaps[k];')
    for h, ho in hs:
        out.append(f'            {V} s{h} = {V}.fromArray({SP}, acc, accOff + k * {lanes}{ho});')
    out.append(f'            for (int e = 0; e < whole; e += {lanes}) {{')
    for h, ho in hs:
        out.append(f'                s{h} = {V}.fromArray({SP}, a, aOff + e{ho}).fma({V}.fromArray({SP}, b, bk + e{ho}), s{h});')
    out.append('            }')
    for h, ho in hs:
        out.append(f'            s{h}.intoArray(acc, accOff + k * {lanes}{ho});')
    out.append('        }')
    out.append('        // The last count mod lanes elements as in the dot tiles: masked loads, +0 into the lanes past the end.')
    for h, ho in hs:
        out.append(f'        jdk.incubator.vector.VectorMask<{box}> m{h} = jdk.incubator.vector.VectorMask.fromLong({SP},')
        out.append(f'                lanesBelow(count - whole' + (f' - {h * w}' if h else '') + '));')
    for h, ho in hs:
        out.append(f'        {V} x{h} = {V}.fromArray({SP}, a, aOff + whole{ho}, m{h});')
    out.append('        for (k = 0; k < taps; k++) {')
    out.append('            int bk = bOff + bTaps[k] + whole;')
    out.append(f'            int at = accOff + k * {lanes};')
    for h, ho in hs:
        out.append(f'            x{h}.fma({V}.fromArray({SP}, b, bk{ho}, m{h}), {V}.fromArray({SP}, acc, at{ho})).intoArray(acc, at{ho});')
    out.append('        }')
    out.append('    }')
    return '\n'.join(out)

def dot_tiles(T, V, prim, lanes):
    sp = 'F' if T == 'F32' else 'D'
    wide = dot_tile(T, V, sp + '512', prim, lanes, 4, 6, 1, f'dotTile{T}Wide')
    narrow = dot_tile(T, V, sp + '256', prim, lanes, 2, 3, 2, f'dotTile{T}Narrow')
    taps_wide = dot_taps(T, V, sp + '512', prim, lanes, 1, f'dotTaps{T}Wide')
    taps_narrow = dot_taps(T, V, sp + '256', prim, lanes, 2, f'dotTaps{T}Narrow')
    return wide + '\n' + narrow + '\n' + taps_wide + '\n' + taps_narrow

def dot_dispatch(wide):
    rows, cols, name = (4, 6, 'Wide') if wide else (2, 3, 'Narrow')
    out = [f"""
    @Override
    public int dotTileRows() {{
        return {rows};
    }}

    @Override
    public int dotTileCols() {{
        return {cols};
    }}"""]
    for T, V, SP, L, prim in TYPES:
        out.append(f"""
    @Override
    public void dotTile{T}(int count, {prim}[] a, int[] aRows, {prim}[] b, int[] bRows, {prim}[] acc, int accOff) {{
        dotTile{T}{name}(count, a, aRows, b, bRows, acc, accOff);
    }}

    @Override
    public void dotTaps{T}(int count, int taps, {prim}[] a, int aOff, {prim}[] b, int bOff, int[] bTaps, {prim}[] acc,
            int accOff) {{
        dotTaps{T}{name}(count, taps, a, aOff, b, bOff, bTaps, acc, accOff);
    }}""")
    return '\n'.join(out)


def transpose(T, V, SP, L, prim, lanes):
    """A square block of `lanes` vectors transposed in registers: log2(lanes) stages of two-vector permutes, each
    stage swapping one bit of the row index with the same bit of the lane index (Note [Transposing in registers])."""
    stages = lanes.bit_length() - 1
    idx = f'TRANSPOSE_{T}'
    out = [f"""
    @Override
    public void transpose{T}({prim}[] src, int srcOff, int srcStride, {prim}[] dst, int dstOff, int dstStride,
            int rows, int cols) {{
        int i0 = 0;
        if ({L} == {lanes}) {{
            for (; i0 <= rows - {lanes}; i0 += {lanes}) {{
                int j0 = 0;
                for (; j0 <= cols - {lanes}; j0 += {lanes}) {{"""]
    for b in range(stages):
        out.append(f'                    {V} lo{b} = {V}.fromArray({SP}, {idx}, {2 * b} * {L});')
        out.append(f'                    {V} hi{b} = {V}.fromArray({SP}, {idx}, {2 * b + 1} * {L});')
    out.append('                    int at = srcOff + i0 * srcStride + j0;')
    for i in range(lanes):
        out.append(f'                    {V} r{i} = {V}.fromArray({SP}, src, at' + (f' + {i} * srcStride' if i else '') + ');')
    cur = [f'r{i}' for i in range(lanes)]
    for b in range(stages):
        bit = 1 << b
        new = list(cur)
        for i in range(lanes):
            if i & bit:
                continue
            p, q = cur[i], cur[i | bit]
            new[i], new[i | bit] = f's{b}_{i}', f's{b}_{i | bit}'
            out.append(f'                    {V} {new[i]} = lo{b}.selectFrom({p}, {q});')
            out.append(f'                    {V} {new[i | bit]} = hi{b}.selectFrom({p}, {q});')
        cur = new
    out.append('                    int to = dstOff + j0 * dstStride + i0;')
    for j in range(lanes):
        out.append(f'                    {cur[j]}.intoArray(dst, to' + (f' + {j} * dstStride' if j else '') + ');')
    out.append(f"""                }}
                for (int i = i0; i < i0 + {lanes}; i++) {{
                    for (int j = j0; j < cols; j++) {{
                        dst[dstOff + j * dstStride + i] = src[srcOff + i * srcStride + j];
                    }}
                }}
            }}
        }}
        for (int i = i0; i < rows; i++) {{
            for (int j = 0; j < cols; j++) {{
                dst[dstOff + j * dstStride + i] = src[srcOff + i * srcStride + j];
            }}
        }}
    }}""")
    return '\n'.join(out)


def deinterleave(T, V, SP, L, prim, lanes, box):
    """A row split into its stride phases with two-vector permutes (Note [Phases in registers])."""
    return f"""
    @Override
    public void deinterleave{T}({prim}[] src, int srcOff, int stride, int n, {prim}[] dst, int dstOff, int dstStride) {{
        int u = 0;
        if ({L} == {lanes} && stride == 2) {{
            {V} i0 = {V}.fromArray({SP}, PHASES2_{T}, 0);
            {V} i1 = {V}.fromArray({SP}, PHASES2_{T}, {L});
            for (; u <= n - {L}; u += {L}) {{
                int at = srcOff + 2 * u;
                {V} v0 = {V}.fromArray({SP}, src, at);
                {V} v1 = {V}.fromArray({SP}, src, at + {L});
                i0.selectFrom(v0, v1).intoArray(dst, dstOff + u);
                i1.selectFrom(v0, v1).intoArray(dst, dstOff + dstStride + u);
            }}
        }} else if ({L} == {lanes} && stride == 4) {{
            jdk.incubator.vector.VectorMask<{box}> upper = jdk.incubator.vector.VectorMask.fromLong({SP},
                    lanesBelow({L}) & ~lanesBelow({L} / 2));
            {V} lo0 = {V}.fromArray({SP}, PHASES4_{T}, 0);
            {V} hi0 = {V}.fromArray({SP}, PHASES4_{T}, {L});
            {V} lo1 = {V}.fromArray({SP}, PHASES4_{T}, 2 * {L});
            {V} hi1 = {V}.fromArray({SP}, PHASES4_{T}, 3 * {L});
            {V} lo2 = {V}.fromArray({SP}, PHASES4_{T}, 4 * {L});
            {V} hi2 = {V}.fromArray({SP}, PHASES4_{T}, 5 * {L});
            {V} lo3 = {V}.fromArray({SP}, PHASES4_{T}, 6 * {L});
            {V} hi3 = {V}.fromArray({SP}, PHASES4_{T}, 7 * {L});
            for (; u <= n - {L}; u += {L}) {{
                int at = srcOff + 4 * u;
                {V} v0 = {V}.fromArray({SP}, src, at);
                {V} v1 = {V}.fromArray({SP}, src, at + {L});
                {V} v2 = {V}.fromArray({SP}, src, at + 2 * {L});
                {V} v3 = {V}.fromArray({SP}, src, at + 3 * {L});
                lo0.selectFrom(v0, v1).blend(hi0.selectFrom(v2, v3), upper).intoArray(dst, dstOff + u);
                lo1.selectFrom(v0, v1).blend(hi1.selectFrom(v2, v3), upper).intoArray(dst, dstOff + dstStride + u);
                lo2.selectFrom(v0, v1).blend(hi2.selectFrom(v2, v3), upper).intoArray(dst, dstOff + 2 * dstStride + u);
                lo3.selectFrom(v0, v1).blend(hi3.selectFrom(v2, v3), upper).intoArray(dst, dstOff + 3 * dstStride + u);
            }}
        }}
        for (int f = 0; f < stride; f++) {{
            for (int i = u; i < n; i++) {{
                dst[dstOff + f * dstStride + i] = src[srcOff + i * stride + f];
            }}
        }}
    }}"""


def base():
    parts = [BASE.rstrip('\n')]
    for T, V, SP, L, prim in TYPES:
        parts.append(depthwise(T, V, SP, L, prim))
        parts.append(dot(T, V, prim, 8 if T == 'F32' else 4, 'F8' if T == 'F32' else 'D4'))
        parts.append(dot_tiles(T, V, prim, 16 if T == 'F32' else 8))
        parts.append(transpose(T, V, SP, L, prim, 16 if T == 'F32' else 8))
        parts.append(deinterleave(T, V, SP, L, prim, 16 if T == 'F32' else 8, 'Float' if T == 'F32' else 'Double'))
    parts.append(WINOGRAD.rstrip('\n'))
    parts.append(FMA_LOOP)
    return '\n'.join(parts)


WINOGRAD = '''
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
'''

FMA_LOOP = '''
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
'''

def write(folder, name, text):
    with open(f'{folder}/{name}.java', 'w') as f:
        f.write(text)

write(sys.argv[1], 'PanamaConvMath', base())
for mr, nv, why in [(5, 2, 'ten accumulators, for 16 vector registers (AVX2).'),
                    (8, 2, 'sixteen accumulators, for 32 vector registers (AVX-512).')]:
    write(sys.argv[1], *subclass(mr, nv, why))
