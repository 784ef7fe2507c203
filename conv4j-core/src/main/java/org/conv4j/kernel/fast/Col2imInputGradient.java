package org.conv4j.kernel.fast;

import static org.conv4j.kernel.fast.ImplicitGemmConvKernel.cdiv;
import static org.conv4j.kernel.fast.ImplicitGemmConvKernel.roundUp;

import org.conv4j.kernel.KernelWeight;
import org.conv4j.kernel.fast.ImplicitGemmConvKernel.Geometry;
import org.conv4j.kernel.fast.ImplicitGemmConvKernel.Packing;
import org.conv4j.tensor.Tensor;

/**
 * The input gradient of {@link GemmInputGradient} for few input channels per group and many output channels (audio
 * front-ends): the unfolded gradient as a GEMM over the output channels, then col2im.
 */
final class Col2imInputGradient {
    private Col2imInputGradient() {
    }

    /** Whether the shape takes this form: few input channels per group, enough unfolded rows and output channels. */
    static boolean suits(Geometry q) {
        return q.cg() * q.k() >= COL2IM_MIN_ROWS && q.cg() <= COL2IM_MAX_CHANNELS && q.og() >= COL2IM_MIN_OUTPUTS;
    }

    /** Few input channels per group and many output channels: see {@link #compute}. */
    static final int COL2IM_MAX_CHANNELS = 4;
    /**
     * Unfolded rows ({@code Cg * K}) from which col2im is worth it. A constant, not a number of register tiles: the
     * choice of algorithm must not depend on the tile shape, or kernels with different tiles would round
     * differently (Note [Bit-identical tiles]).
     */
    static final int COL2IM_MIN_ROWS = 10;
    static final int COL2IM_MIN_OUTPUTS = 16;
    /** Output positions whose columns one work item of {@link #compute} computes, at least. */
    static final int COL2IM_BLOCK = 256;

    /**
     * The input gradient for few input channels per group and many output channels (audio front-ends): first the
     * unfolded gradient {@code cols[(c, k)][t] = sum over o of w[o, c, k] * gy[o, t]}, a GEMM whose reduction runs
     * over the many output channels, then each column added back at its input position {@code t*S + k*D - P}
     * (col2im, Note [Col2im by residue]). Items own ranges of input positions and compute the columns their
     * positions need, in whole tiles (the columns past the last one read the zero padding of the copied rows and
     * are not used); every position receives its taps in order of {@code k}.
     */
    static void compute(ConvMath math, Geometry q, Tensor gradOutput, KernelWeight weight, Tensor gradInput) {
        Typed t = Typed.of(gradOutput.dtype());
        int mr = math.tileRows();
        int nr = t.tileCols(math);
        Object[] packed = weight.derived(new Packing("columns", q.g(), 0, 0, 0, mr, gradOutput.dtype()),
                Object[].class, w -> packTransposed(t, w, q, mr));
        Object gy = t.data(gradOutput);
        Object gx = t.data(gradInput);
        int rows = q.cg() * q.k();
        int block = COL2IM_BLOCK * q.s(); // input positions per item
        int blocks = cdiv(q.l(), block);
        int span = (q.k() - 1) * q.d();
        int[][] residueTaps = residueTaps(q); // null: scatter the columns instead
        TileGemm.View zeros = new TileGemm.View(t.alloc(nr), 0, 0, 0); // every tile starts from 0
        Parallel.forEach(q.n() * q.g() * blocks, q.flops(), item -> {
            int ib = item % blocks;
            int g = (item / blocks) % q.g();
            int n = item / blocks / q.g();
            int i0 = ib * block;
            int i1 = Math.min(q.l(), i0 + block);
            int xBase = (n * q.cIn() + g * q.cg()) * q.l();
            // Output positions t whose taps reach [i0, i1): i = t*S + k*D - P.
            int tFrom = Math.max(0, cdiv(i0 + q.p() - span, q.s()));
            int tTo = Math.min(q.t(), Math.floorDiv(i1 - 1 + q.p(), q.s()) + 1);
            if (tFrom >= tTo) {
                for (int c = 0; c < q.cg(); c++) {
                    t.fill(gx, xBase + c * q.l() + i0, xBase + c * q.l() + i1, 0.0);
                }
                return;
            }
            int width = roundUp(tTo - tFrom, nr);
            int ld = ImplicitGemmConvKernel.scratchStride(t, width); // Note [Output in scratch]
            Scratch s = Scratch.get();
            Object cols = s.out(t, rows * ld);
            Spans spans = new Spans(t, math, gy, (n * q.cOut() + g * q.og()) * q.t(), q.t(), 1, new int[] {0});
            TileGemm.View into = TileGemm.View.matrix(cols, -tFrom, ld);
            TileGemm.run(t, math, new TileGemm.Prepacked(packed[g], q.og()), spans.bSource(), q.og(), 0, rows, tFrom,
                    tFrom + width, zeros, into, into, tFrom + width);
            if (residueTaps == null) {
                scatterColumns(t, q, cols, ld, tFrom, tTo, i0, i1, gx, xBase);
                return;
            }
            Object line = s.line(t, cdiv(i1 - i0, q.s()) + 1);
            for (int c = 0; c < q.cg(); c++) {
                for (int rho = 0; rho < q.s(); rho++) {
                    // Positions i = S*j + rho - P in [i0, i1), for j in [j0, j1).
                    int j0 = cdiv(i0 + q.p() - rho, q.s());
                    int j1 = cdiv(i1 + q.p() - rho, q.s());
                    if (j0 >= j1) {
                        continue;
                    }
                    t.fill(line, 0, j1 - j0, 0.0);
                    for (int k : residueTaps[rho]) {
                        int e = (k * q.d() - rho) / q.s(); // tap k reaches position j from t = j - e
                        int from = Math.max(j0, tFrom + e);
                        int to = Math.min(j1, tTo + e);
                        if (from < to) {
                            t.add(cols, (c * q.k() + k) * ld + from - e - tFrom, line, from - j0, to - from);
                        }
                    }
                    t.copyStrided(line, 0, gx, xBase + c * q.l() + q.s() * j0 + rho - q.p(), q.s(), j1 - j0);
                }
            }
        });
    }

    /**
     * Note [Col2im by residue]: input position {@code i} receives tap {@code k} from output position
     * {@code t = (i + P - k*D) / S} where that divides, that is where {@code k*D = (i + P) mod S} modulo S. So the
     * positions of one residue {@code rho} of {@code i + P}, {@code i = S*j + rho - P}, receive the same taps, tap
     * {@code k} from {@code t = j - (k*D - rho) / S}: one contiguous run of a column per tap, added into one row of
     * the residue's sums, which is then stored at its positions. Scattering each column with stride S element by
     * element into the gradient took a quarter of audio_k80_s4's input gradient (JFR samples); by residue (20 taps
     * each), with the columns computed in whole tiles (before, a ragged block was copied to scratch and back, 11%
     * of the samples), it ran 15-21% faster in alternating runs (2.30-2.49 -> 1.97-2.09 ms). With few taps per
     * residue (audio_k400_s160: 400 taps over 160 residues) the residues' fixed costs outweigh that, 4-10% slower
     * than the scatter, so residues from {@link #RESIDUE_MIN_TAPS} taps per residue on average, the scatter below
     * (there the whole tiles alone were 7-10% faster). Either way every position receives its taps in increasing
     * {@code k}, starting from 0: the same bits.
     *
     * <p>Per residue {@code rho < S}, the taps {@code k} with {@code k*D mod S = rho}, in increasing order; null
     * where the residues average fewer than {@link #RESIDUE_MIN_TAPS}.
     */
    static int[][] residueTaps(Geometry q) {
        int[] count = new int[q.s()];
        int used = 0;
        for (int k = 0; k < q.k(); k++) {
            used += count[k * q.d() % q.s()]++ == 0 ? 1 : 0;
        }
        if (q.k() < RESIDUE_MIN_TAPS * used) {
            return null;
        }
        int[][] taps = new int[q.s()][];
        for (int rho = 0; rho < q.s(); rho++) {
            taps[rho] = new int[count[rho]];
            count[rho] = 0;
        }
        for (int k = 0; k < q.k(); k++) {
            int rho = k * q.d() % q.s();
            taps[rho][count[rho]++] = k;
        }
        return taps;
    }

    /** Taps per residue, on average, from which col2im runs by residue (Note [Col2im by residue]). */
    static final int RESIDUE_MIN_TAPS = 4;

    /** col2im column by column: each tap's column added with stride S at its input positions, taps in order. */
    private static void scatterColumns(Typed t, Geometry q, Object cols, int ld, int tFrom, int tTo, int i0,
            int i1, Object gx, int xBase) {
        for (int c = 0; c < q.cg(); c++) {
            t.fill(gx, xBase + c * q.l() + i0, xBase + c * q.l() + i1, 0.0);
            for (int k = 0; k < q.k(); k++) {
                int off = k * q.d() - q.p();
                // t in [tFrom, tTo) with i0 <= t*S + off < i1.
                int lo = Math.max(tFrom, cdiv(i0 - off, q.s()));
                int hi = Math.min(tTo, cdiv(i1 - off, q.s()));
                if (lo < hi) {
                    t.addStrided(cols, (c * q.k() + k) * ld + lo - tFrom, gx, xBase + c * q.l() + lo * q.s() + off,
                            q.s(), hi - lo);
                }
            }
        }
    }

    /** Per group, the weights as A panels for the unfolded gradient: {@code [(c, k) / MR][o][(c, k) % MR]}. */
    private static Object[] packTransposed(Typed t, Tensor weight, Geometry q, int mr) {
        Object w = t.data(weight);
        int rows = q.cg() * q.k();
        int panels = cdiv(rows, mr);
        Object[] packed = new Object[q.g()];
        for (int g = 0; g < q.g(); g++) {
            Object a = t.alloc(panels * q.og() * mr);
            for (int row = 0; row < rows; row++) {
                int base = (row / mr) * q.og() * mr + row % mr;
                for (int o = 0; o < q.og(); o++) {
                    t.set(a, base + o * mr, t.get(w, (g * q.og() + o) * rows + row));
                }
            }
            packed[g] = a;
        }
        return packed;
    }
}
