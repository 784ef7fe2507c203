package org.conv4j.kernel.fast;

import static org.conv4j.kernel.fast.GemmWeightGradient.REDUCTION_CHUNK;
import static org.conv4j.kernel.fast.ImplicitGemmConvKernel.cdiv;
import static org.conv4j.kernel.fast.ImplicitGemmConvKernel.roundUp;

import org.conv4j.kernel.fast.ImplicitGemmConvKernel.Geometry;

/**
 * Note [Weight gradient as dot products]: {@code gw[o, (c, k)] = sum over (n, t) of gy[n, o, t] *
 * x[n, c, t*S + k*D - P]} is, per element, a dot product of a row of the output gradient with a shifted row of
 * the input (split into stride phases and zero-padded by {@link Spans}, so contiguous), vectorised along the
 * positions ({@link ConvMath#dotTileF32}): nothing is transposed or packed. Each element keeps 16 (float64: 8)
 * partial sums, position {@code t} of a segment in lane {@code t mod 16}, which are added in lane order at
 * the end of the chunk (Note [Weight gradient chunks]).
 */
final class DotWeightGradient {
    private DotWeightGradient() {
    }

    /**
     * Output positions from which the weight gradient is computed as dot products (Note [Weight gradient as dot
     * products]). In calls alternating with the GEMM on Zen 5, 2 threads, two runs: grouped_g8 -60%,
     * pointwise_750_14 -45%, resnet1d_k3 -35%, audio_k80_s4 -34 to -38%, tcn -23 to -25%, large_256_k3 -18 to
     * -20%, pointwise_512 -2 to +1%; with 60 or 98 positions (textcnn, audio_k400_s160) it ran 2-4 times slower.
     */
    static final int MIN_POSITIONS = 256;
    /**
     * Positions of one batch element that a dot tile takes at a time (a multiple of the lanes): long, so that the
     * partial sums are loaded and stored rarely; 4096 ran 25-40% faster than 512 on the suite's shapes.
     */
    static final int PIECE = 4096;

    /**
     * Each chunk's sums into {@code partial}, chunk {@code i} from {@code i * C_out * Cg * K} on, as
     * {@link GemmWeightGradient} adds them up.
     */
    static void compute(ConvMath math, Geometry q, Typed t, Object x, Object gy, Object partial, int chunks) {
        int tileRows = math.dotTileRows();
        int tileCols = math.dotTileCols();
        int lanes = t.dotLanes();
        int columns = q.cg() * q.k();
        int reduction = q.n() * q.t();
        int size = q.cOut() * columns;
        // Blocks of (o, (c, k)) whose partial sums (16 per element) stay in L2 while the pieces stream past.
        int rowBlock = Math.min(roundUp(q.og(), tileRows), 16 * tileRows);
        int colBlock = Math.min(roundUp(columns, tileCols), Math.max(tileCols, 4096 / rowBlock / tileCols * tileCols));
        int[] blocks = GemmWeightGradient.itemBlocks(q, chunks, rowBlock, tileRows, colBlock, tileCols, 2);
        int mb = blocks[0];
        int cb = blocks[1];
        int rowBlocks = cdiv(q.og(), mb);
        int colBlocks = cdiv(columns, cb);
        Spans layout = new Spans(t, math, x, 0, q.l(), q.s(), Spans.forwardOffsets(q.k(), q.d(), q.p()));
        Parallel.forEach(chunks * q.g() * rowBlocks * colBlocks, q.flops(), item -> {
            GemmWeightGradient.Item it = GemmWeightGradient.Item.of(item, q, mb, cb);
            int g = it.g();
            int chunk = it.chunk();
            int mFrom = it.mFrom();
            int mTo = it.mTo();
            int jFrom = it.jFrom();
            int jTo = it.jTo();
            int c0 = jFrom / q.k();
            int c1 = (jTo - 1) / q.k() + 1;
            int oTiles = cdiv(mTo - mFrom, tileRows);
            int cTiles = cdiv(jTo - jFrom, tileCols);
            Scratch s = Scratch.get();
            int tileLanes = tileRows * tileCols * lanes;
            Object acc = s.out(t, oTiles * cTiles * tileLanes);
            t.fill(acc, 0, oTiles * cTiles * tileLanes, 0.0);
            int[] aRows = new int[tileRows];
            int[] bRows = new int[tileCols];
            int rFrom = chunk * REDUCTION_CHUNK;
            int rTo = Math.min(reduction, rFrom + REDUCTION_CHUNK);
            for (int r = rFrom; r < rTo;) {
                int n = r / q.t();
                int segmentEnd = Math.min(rTo, (n + 1) * q.t());
                int t0 = r % q.t();
                Spans spans = layout.at((n * q.cIn() + g * q.cg()) * q.l());
                for (int p0 = t0; p0 < t0 + segmentEnd - r; p0 += PIECE) {
                    int count = Math.min(PIECE, t0 + segmentEnd - r - p0);
                    Object buf = s.b(t, (c1 - c0) * spans.channelStride(count));
                    spans.copy(c0, c1, p0, count, buf, 0);
                    for (int ot = 0; ot < oTiles; ot++) {
                        for (int i = 0; i < tileRows; i++) {
                            int o = Math.min(mTo - 1, mFrom + ot * tileRows + i); // past the block: repeat
                            aRows[i] = (n * q.cOut() + g * q.og() + o) * q.t() + p0;
                        }
                        for (int ct = 0; ct < cTiles; ct++) {
                            for (int j = 0; j < tileCols; j++) {
                                int col = Math.min(jTo - 1, jFrom + ct * tileCols + j);
                                bRows[j] = spans.rowStart(col / q.k() - c0, col % q.k(), count);
                            }
                            t.dotTile(math, count, gy, aRows, buf, bRows, acc, (ot * cTiles + ct) * tileLanes);
                        }
                    }
                }
                r = segmentEnd;
            }
            // Each element's lanes in order, in the tensor's precision.
            int cOff = chunk * size + g * q.og() * columns;
            for (int o = mFrom; o < mTo; o++) {
                for (int col = jFrom; col < jTo; col++) {
                    int ot = (o - mFrom) / tileRows;
                    int ct = (col - jFrom) / tileCols;
                    int at = (ot * cTiles + ct) * tileLanes
                            + (((o - mFrom) % tileRows) * tileCols + (col - jFrom) % tileCols) * lanes;
                    t.set(partial, cOff + o * columns + col, t.sumInOrder(acc, at, lanes));
                }
            }
        });
    }
}
