package org.conv4j.kernel.fast;

import static org.conv4j.kernel.fast.GemmWeightGradient.REDUCTION_CHUNK;
import static org.conv4j.kernel.fast.ImplicitGemmConvKernel.cdiv;

import org.conv4j.kernel.fast.ImplicitGemmConvKernel.Geometry;

/**
 * Note [Weight gradient read in place]: the weight gradient as a GEMM whose operands are both read in place,
 * {@code gw[o, (k, c)] = sum over (n, t) of gy[n, o, t] * xT[n][t*S + k*D][c]}: the rows of A are the output
 * gradient's own rows ({@link ConvMath#frameTileF32} broadcasts {@code MR} of them, {@code T} apart), B is the input
 * channels-last ({@link TransposedInput}), one row per position, {@code S*Cg} apart. Per block of
 * {@link #POSITIONS} positions, each row panel of A stays in L1 while the tiles of B stream past it from L2; the sums
 * stay in scratch, tap-major, and are untangled into the weight's order at the end. Nothing but the input is copied.
 * Each element receives its products in increasing (n, t) within its chunk (Note [Weight gradient chunks]).
 *
 * <p>Against the dot products of {@link DotWeightGradient}, in calls alternating between them (2 threads, Zen 5):
 * faster on rows of at most 1024 positions (resnet1d_k3 4.0 against 5.0 ms, grouped_g8 2.1 against 2.6; 128
 * channels and K = 7 -10%, 64 to 128 channels and K = 7 -14 to -17%, 32 or 64 channels -2 to -5%) but slower with
 * 256 output channels (+6 to +10%) or 14 (pointwise_750_14: twice as slow), and slower on longer rows (tcn, 4096
 * positions: +5 to +20%; 128 channels and 2048 positions +20%; large_256_k3 +7%; audio_k80_s4, 3981 positions,
 * +9%, where with 1000 positions it was 17% faster), where the dot products' fixed cost per row is spread over
 * more positions. In a layer's forward and backward, alternating in one JVM: resnet1d_k3 -5%, grouped_g8 -3%.
 */
final class InPlaceWeightGradient {
    /**
     * Positions per reduction block: a row panel of A ({@code MR x POSITIONS}) of 32 KiB for float32; 256 was 5-10%
     * slower on resnet1d_k3, tcn and grouped_g8.
     */
    static final int POSITIONS = 1024;
    /** Work items per thread at least: 4 was 5-10% slower than 2 (every column block reads all of A again). */
    static final int ITEMS_PER_THREAD = 2;

    private InPlaceWeightGradient() {
    }

    /**
     * Where it was measured faster than the dot products (Note [Weight gradient read in place]): rows of 256 to
     * 1024 positions with 32 to 128 output channels per group; with dilation, tiles must stay within one tap (32
     * input channels per group, a multiple of every tile's width).
     */
    static boolean suits(Geometry q) {
        return q.t() >= DotWeightGradient.MIN_POSITIONS && q.t() <= 1024 && q.og() >= 32 && q.og() <= 128
                && (q.d() == 1 || q.cg() % 32 == 0);
    }

    static void compute(ConvMath math, Geometry q, Typed t, Object x, Object gy, Object partial, int chunks) {
        int mr = math.tileRows();
        int nr = t.tileCols(math);
        int columns = q.cg() * q.k();
        int reduction = q.n() * q.t();
        int size = q.cOut() * columns;
        Object xT = TransposedInput.copy(t, math, x, q, nr);
        int ps = TransposedInput.positionStride(t, q);
        int plane = TransposedInput.positions(q) * ps;
        // Note [Call buffers]: every item zeroes its block of the sums before it adds to them.
        Object sums = CallBuffers.take(t, chunks * size);
        // Items: (chunk, group, row block, column block), blocks halved (the longer side first) until every thread
        // has several.
        int rowTiles = cdiv(q.og(), mr);
        int colTiles = cdiv(columns, nr);
        int rb = rowTiles;
        int ct = colTiles;
        int want = Parallel.threadsFor(q.flops()) == 1 ? 1 : ITEMS_PER_THREAD * Parallel.threads();
        while ((long) chunks * q.g() * cdiv(rowTiles, rb) * cdiv(colTiles, ct) < want && (rb > 1 || ct > 1)) {
            if (ct > 1 && (ct * nr >= rb * mr || rb == 1)) {
                ct = cdiv(ct, 2);
            } else {
                rb = cdiv(rb, 2);
            }
        }
        int mb = rb * mr;
        int cb = ct * nr;
        int rowBlocks = cdiv(q.og(), mb);
        int colBlocks = cdiv(columns, cb);
        Parallel.forEach(chunks * q.g() * rowBlocks * colBlocks, q.flops(), item -> {
            GemmWeightGradient.Item it = GemmWeightGradient.Item.of(item, q, mb, cb);
            int g = it.g();
            int cOff = it.chunk() * size + g * q.og() * columns;
            for (int o = it.mFrom(); o < it.mTo(); o++) {
                t.fill(sums, cOff + o * columns + it.jFrom(), cOff + o * columns + it.jTo(), 0.0);
            }
            Object edge = Scratch.get().c(t, mr * nr);
            int rFrom = it.chunk() * REDUCTION_CHUNK;
            int rTo = Math.min(reduction, rFrom + REDUCTION_CHUNK);
            for (int r = rFrom; r < rTo;) {
                int n = r / q.t();
                int t0 = r % q.t();
                int kc = Math.min(POSITIONS, Math.min(rTo - r, q.t() - t0));
                int bBase = (g * q.n() + n) * plane + t0 * q.s() * ps;
                for (int m = it.mFrom(); m < it.mTo(); m += mr) {
                    int rows = Math.min(mr, it.mTo() - m);
                    int aOff = (n * q.cOut() + g * q.og() + m) * q.t() + t0;
                    for (int j = it.jFrom(); j < it.jTo(); j += nr) {
                        int bOff = bBase + (j / q.cg()) * q.d() * ps + j % q.cg();
                        int cols = Math.min(nr, it.jTo() - j);
                        int at = cOff + m * columns + j;
                        if (rows == mr && cols == nr) {
                            t.frameTile(math, kc, gy, aOff, q.t(), xT, bOff, q.s() * ps, sums, at, columns, mr);
                        } else { // an edge tile: in scratch, which holds all MR rows of NR columns
                            for (int i = 0; i < mr; i++) {
                                if (i < rows) {
                                    t.copy(sums, at + i * columns, 1, edge, i * nr, cols);
                                }
                                t.fill(edge, i * nr + (i < rows ? cols : 0), (i + 1) * nr, 0.0);
                            }
                            t.frameTile(math, kc, gy, aOff, q.t(), xT, bOff, q.s() * ps, edge, 0, nr, rows);
                            for (int i = 0; i < rows; i++) {
                                t.copy(edge, i * nr, 1, sums, at + i * columns, cols);
                            }
                        }
                    }
                }
                r += kc;
            }
        });
        GemmWeightGradient.untangleTaps(t, q, sums, partial, chunks);
        CallBuffers.give(xT);
        CallBuffers.give(sums);
    }
}
