#!/usr/bin/env python3
# Writes conv4j-simd/src/main/java/org/conv4j/simd/PanamaConvMath.java: its register tiles are ten named
# accumulators each, in eight variants (two dtypes, two B addressings, whole or ragged), too repetitive to keep
# consistent by hand. The build never runs this; the Java it writes is committed. Usage:
#   python3 tools/gen_panama_conv_math.py conv4j-simd/src/main/java/org/conv4j/simd/PanamaConvMath.java
HEADER = '''package org.conv4j.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import org.conv4j.kernel.fast.ConvMath;

/**
 * {@link ConvMath} with the Vector API. The register tile is 5 rows by 2 vectors: ten accumulators, two B vectors
 * and a broadcast fit AVX2's 16 registers (a 6 x 2 tile spills and runs at half speed; measured on Zen 4 with C2).
 * Every element follows Note [Bit-identical tiles]: one fused multiply-add per reduction step, in order, so the
 * results equal the scalar implementation's bit for bit.
 *
 * <p>Written out by {@code tools/gen_panama_conv_math.py}. The tiles come in two addressings of B, written out
 * separately because C2 hoists the bounds checks only out of the first: packed panels (row {@code r} at
 * {@code bOff + r*NR}, about 98% of the FMA peak) and a table of row starts (shifted runs of the input, about
 * 80%).
 */
public final class PanamaConvMath implements ConvMath {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Dot products use 256-bit vectors on every machine, so that their order of summation is fixed. */
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;
    private static final int LF = F.length();
    private static final int LD = D.length();
    private static final int MR = 5;

    public PanamaConvMath() {
        if (F.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("no vector registers (preferred species " + F + ")");
        }
    }

    @Override
    public String isa() {
        return "vector" + F.vectorBitSize();
    }

    @Override
    public int tileRows() {
        return MR;
    }

    @Override
    public int tileColsF32() {
        return 2 * LF;
    }

    @Override
    public int tileColsF64() {
        return 2 * LD;
    }
'''

def tile(T, V, SP, L, prim, rows, table):
    if table:
        params = f'int kc, {prim}[] a, int aOff, {prim}[] b, int[] bRows, int bRowsOff, int bCol,\n            {prim}[] c, int cOff, int ldc' + (', int rows' if rows else '')
    else:
        params = f'int kc, {prim}[] a, int aOff, {prim}[] b, int bOff, {prim}[] c, int cOff, int ldc' + (',\n            int rows' if rows else '')
    out = ['', '    @Override', f'    public void tile{T}({params}) {{']
    n = 4 if rows else 5
    if not table:
        out.append(f'        final int nr = 2 * {L};')
    for i in range(n):
        off = f'cOff + {i} * ldc' if i else 'cOff'
        if rows:
            out.append(f'        {V} acc{i}0 = rows > {i} ? {V}.fromArray({SP}, c, {off}) : {V}.zero({SP});')
            out.append(f'        {V} acc{i}1 = rows > {i} ? {V}.fromArray({SP}, c, {off} + {L}) : {V}.zero({SP});')
        else:
            out.append(f'        {V} acc{i}0 = {V}.fromArray({SP}, c, {off});')
            out.append(f'        {V} acc{i}1 = {V}.fromArray({SP}, c, {off} + {L});')
    out.append('        for (int r = 0; r < kc; r++) {')
    out.append('            int bi = ' + ('bRows[bRowsOff + r] + bCol;' if table else 'bOff + r * nr;'))
    out.append('            int ai = aOff + r * MR;')
    out.append(f'            {V} b0 = {V}.fromArray({SP}, b, bi);')
    out.append(f'            {V} b1 = {V}.fromArray({SP}, b, bi + {L});')
    for i in range(n):
        out.append(f'            {V} w{i} = {V}.broadcast({SP}, a[ai' + (f' + {i}' if i else '') + '] );'.replace(' );', ');'))
        out.append(f'            acc{i}0 = w{i}.fma(b0, acc{i}0);')
        out.append(f'            acc{i}1 = w{i}.fma(b1, acc{i}1);')
    out.append('        }')
    for i in range(n):
        off = f'cOff + {i} * ldc' if i else 'cOff'
        if rows:
            out.append(f'        if (rows > {i}) {{')
            out.append(f'            acc{i}0.intoArray(c, {off});')
            out.append(f'            acc{i}1.intoArray(c, {off} + {L});')
            out.append('        }')
        else:
            out.append(f'        acc{i}0.intoArray(c, {off});')
            out.append(f'        acc{i}1.intoArray(c, {off} + {L});')
    out.append('    }')
    return '\n'.join(out)

def frame_tile(T, V, SP, L, prim):
    # Rows past `rows` read a copy of the last frame (always in range) and are stored but never used: no branch
    # in the loop.
    out = ['', '    @Override',
           f'    public void frameTile{T}(int kc, {prim}[] a, int aOff, int aStride, {prim}[] b, int bOff, {prim}[] c,',
           '            int cOff, int ldc, int rows) {',
           f'        final int nr = 2 * {L};']
    for i in range(5):
        out.append(f'        int a{i} = aOff' + (f' + Math.min({i}, rows - 1) * aStride;' if i else ';'))
    for i in range(5):
        off = f'cOff + {i} * ldc' if i else 'cOff'
        out.append(f'        {V} acc{i}0 = {V}.fromArray({SP}, c, {off});')
        out.append(f'        {V} acc{i}1 = {V}.fromArray({SP}, c, {off} + {L});')
    out.append('        for (int r = 0; r < kc; r++) {')
    out.append('            int bi = bOff + r * nr;')
    out.append(f'            {V} b0 = {V}.fromArray({SP}, b, bi);')
    out.append(f'            {V} b1 = {V}.fromArray({SP}, b, bi + {L});')
    for i in range(5):
        out.append(f'            {V} w{i} = {V}.broadcast({SP}, a[a{i} + r]);')
        out.append(f'            acc{i}0 = w{i}.fma(b0, acc{i}0);')
        out.append(f'            acc{i}1 = w{i}.fma(b1, acc{i}1);')
    out.append('        }')
    for i in range(5):
        off = f'cOff + {i} * ldc' if i else 'cOff'
        out.append(f'        acc{i}0.intoArray(c, {off});')
        out.append(f'        acc{i}1.intoArray(c, {off} + {L});')
    out.append('    }')
    return '\n'.join(out)

def depthwise(T, V, SP, L, prim):
    return f"""
    @Override
    public void depthwise{T}(int count, int taps, {prim}[] w, int wOff, {prim}[] x, int xOff, int[] xTaps,
            {prim}[] y, int yOff) {{
        int j = 0;
        // Four vectors of outputs per pass over the taps: one broadcast serves four loads and FMAs.
        for (; j <= count - 4 * {L}; j += 4 * {L}) {{
            {V} acc0 = {V}.fromArray({SP}, y, yOff + j);
            {V} acc1 = {V}.fromArray({SP}, y, yOff + j + {L});
            {V} acc2 = {V}.fromArray({SP}, y, yOff + j + 2 * {L});
            {V} acc3 = {V}.fromArray({SP}, y, yOff + j + 3 * {L});
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
            {V} acc = {V}.fromArray({SP}, y, yOff + j);
            for (int k = 0; k < taps; k++) {{
                {V} xk = {V}.fromArray({SP}, x, xOff + xTaps[k] + j);
                acc = {V}.broadcast({SP}, w[wOff + k]).fma(xk, acc);
            }}
            acc.intoArray(y, yOff + j);
        }}
        for (; j < count; j++) {{
            {prim} acc = y[yOff + j];
            for (int k = 0; k < taps; k++) {{
                acc = Math.fma(w[wOff + k], x[xOff + xTaps[k] + j], acc);
            }}
            y[yOff + j] = acc;
        }}
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

parts = [HEADER.rstrip('\n')]
for T, V, SP, L, prim in [('F32', 'FloatVector', 'F', 'LF', 'float'), ('F64', 'DoubleVector', 'D', 'LD', 'double')]:
    for table in (False, True):
        for rows in (False, True):
            parts.append(tile(T, V, SP, L, prim, rows, table))
    parts.append(frame_tile(T, V, SP, L, prim))
    parts.append(depthwise(T, V, SP, L, prim))
    parts.append(dot(T, V, prim, 8 if T == 'F32' else 4, 'F8' if T == 'F32' else 'D4'))
parts.append('''
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
''')
import sys
open(sys.argv[1], 'w').write('\n'.join(parts))
