package org.conv4j.kernel.fast;

import org.conv4j.kernel.fast.ImplicitGemmConvKernel.Geometry;

/**
 * Note [Weight gradient from the transposed input]: with dilation 1, the weight gradient's B with its columns in
 * tap-major order, B[(n, t)][k*Cg + c] = x[n, g*Cg + c, t*S + k - P], is xT[g, n][t*S + k][c], where xT holds each
 * group's input channels-last, positions from -P, zero-padded: row (n, t) of B is the contiguous run of K*Cg
 * elements of xT from position t*S, and consecutive rows are S positions apart ({@link #positionStride}). So B
 * needs no packing (a packed row of B gathers each channel's taps from its own input row: on textcnn_k5 that took
 * nearly as long as the GEMM), only the transposed copy, one input's size, made once per call, and the tiles
 * follow the runs of rows (or B is repacked into panels: GemmWeightGradient.PACK_B_FROM_OUTPUTS).
 * {@link GemmWeightGradient} uses it with stride 1: for audio front-ends (one channel, long strides) the copy and
 * the runs' tiles cost more than packing the runs of taps (audio_k400_s160: 0.38 against 0.33 ms).
 * {@link InPlaceWeightGradient} reads it with any stride and dilation, one tap at a time: a plane then holds every
 * position a tap reads, {@code (T - 1)*S + (K - 1)*D + 1}.
 */
final class TransposedInput {
    private TransposedInput() {
    }

    /** Positions of one (group, batch element) plane of xT: those B's rows read, from -P. */
    static int positions(Geometry q) {
        return (q.t() - 1) * q.s() + (q.k() - 1) * q.d() + 1;
    }

    /**
     * Elements from one position of a plane to the next: {@code Cg}, so that a row of B runs on through the taps;
     * with one tap and from 128 channels, an odd number of cache lines instead (under two lines more), so that
     * the rows of a block do not share L1 sets (512 channels: rows 2 KiB apart): pointwise_512's weight gradient
     * ran 5% faster so.
     */
    static int positionStride(Typed t, Geometry q) {
        return q.k() == 1 && q.cg() >= 128 ? ImplicitGemmConvKernel.scratchStride(t, q.cg()) : q.cg();
    }

    /**
     * xT of the input {@code x}: plane {@code (g, n)} at {@code (g*N + n)*W*positionStride}, then {@code slack}
     * zeros, which ragged tiles read past the last plane; in a buffer taken from {@link CallBuffers}, for the caller
     * to give back. With one tap, the elements past {@code Cg} of each position are not written: only the columns
     * past the last channel of a ragged tile read them, and those are dropped.
     */
    static Object copy(Typed t, ConvMath math, Object x, Geometry q, int slack) {
        int w = positions(q);
        int ps = positionStride(t, q);
        int plane = w * ps;
        int planes = q.g() * q.n();
        Object xT = CallBuffers.take(t, planes * plane + slack); // Note [Call buffers]: not zeroed
        t.fill(xT, planes * plane, planes * plane + slack, 0.0);
        // Position u of the plane is input position u - P; those inside [0, L) are copied, the others are zeros.
        int u0 = Math.min(w, q.p());
        int u1 = Math.max(u0, Math.min(w, q.l() + q.p()));
        Parallel.forEach(planes, (long) planes * plane * 16, item -> {
            int g = item / q.n();
            int n = item % q.n();
            t.fill(xT, item * plane, item * plane + u0 * ps, 0.0);
            // The group's channels (rows of x) by the positions inside the input, transposed.
            int src = (n * q.cIn() + g * q.cg()) * q.l() + u0 - q.p();
            t.transpose(math, x, src, q.l(), xT, item * plane + u0 * ps, ps, q.cg(), u1 - u0);
            t.fill(xT, item * plane + u1 * ps, (item + 1) * plane, 0.0);
        });
        return xT;
    }

    /** B from xT: row {@code r = (n, t)} at column {@code j0} starts at {@code (g*N + n)*W*Cg + t*S*Cg + j0}. */
    static TileGemm.BSource rows(Typed t, Object xT, int g, Geometry q) {
        int ps = positionStride(t, q);
        int plane = positions(q) * ps;
        return (tt, s, j0, jn, r0, rn, nr, block) -> {
            for (int r = 0; r < rn; r++) {
                int n = (r0 + r) / q.t();
                int pos = (r0 + r) % q.t();
                block.rows[r] = (g * q.n() + n) * plane + pos * q.s() * ps + j0;
            }
            block.array = xT;
            block.panelStep = nr;
            block.packed = false;
        };
    }
}
