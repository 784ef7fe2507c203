package org.conv4j.kernel.fast;

/**
 * The rows a convolution's implicit im2col is made of. Row {@code (channel, tap)} of B reads position
 * {@code j*S + offset[tap]} of a source row at column {@code j}: the input for the forward pass ({@code offset =
 * k*D - P}), the output gradient for the input gradient. A block copies, per channel, the span of the source its
 * columns read, zero-padded at the source's ends and split into stride phases (Note [Stride phases]), so that
 * every row of the block is a contiguous run of the copy.
 *
 * <p>Note [Stride phases]: position {@code j*S + o} of the source is element {@code j + floor(o / S)} of phase
 * {@code o mod S}, where phase {@code φ} lists positions {@code φ, φ + S, φ + 2S, ...}. With stride 1 there is one
 * phase, the span itself.
 */
final class Spans {
    private final Typed t;
    private final ConvMath math;
    private final Object src;
    private final int rowBase; // offset of channel 0's row
    private final int rowLength;
    private final int stride;
    private final int[] offsets; // per tap: position read at column 0
    private final int lowest; // min over taps of floor(offset / S)
    private final int highest; // max over taps of floor(offset / S)
    private final int[] phase; // per tap: offset mod S
    private final int[] element; // per tap: floor(offset / S) - lowest
    private final int[] tapOrder; // see tapOrder()

    Spans(Typed t, ConvMath math, Object src, int rowBase, int rowLength, int stride, int[] offsets) {
        this.t = t;
        this.math = math;
        this.src = src;
        this.rowBase = rowBase;
        this.rowLength = rowLength;
        this.stride = stride;
        this.offsets = offsets;
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int o : offsets) {
            lo = Math.min(lo, Math.floorDiv(o, stride));
            hi = Math.max(hi, Math.floorDiv(o, stride));
        }
        this.lowest = lo;
        this.highest = hi;
        this.phase = new int[offsets.length];
        this.element = new int[offsets.length];
        for (int k = 0; k < offsets.length; k++) {
            phase[k] = Math.floorMod(offsets[k], stride);
            element[k] = Math.floorDiv(offsets[k], stride) - lo;
        }
        this.tapOrder = orderTaps();
    }

    private Spans(Spans layout, int rowBase) {
        this.t = layout.t;
        this.math = layout.math;
        this.src = layout.src;
        this.rowBase = rowBase;
        this.rowLength = layout.rowLength;
        this.stride = layout.stride;
        this.offsets = layout.offsets;
        this.lowest = layout.lowest;
        this.highest = layout.highest;
        this.phase = layout.phase;
        this.element = layout.element;
        this.tapOrder = layout.tapOrder;
    }

    /**
     * These spans with channel 0's row at {@code rowBase}: the same layout without working it out again, which
     * for long kernels (K = 80, per work item) took a few percent of a call.
     */
    Spans at(int rowBase) {
        return new Spans(this, rowBase);
    }

    /** Taps {@code k*D - P} for {@code k < K}: the forward pass's reads. */
    static int[] forwardOffsets(int k, int d, int p) {
        int[] o = new int[k];
        for (int i = 0; i < k; i++) {
            o[i] = i * d - p;
        }
        return o;
    }

    /** Elements of one phase row a block of {@code columns} needs. */
    int width(int columns) {
        return columns + highest - lowest;
    }

    /** Distance between phase rows: an odd number of cache lines, so that rows do not alias in L1. */
    static int rowStride(int width) {
        int s = (width + 15) / 16 * 16;
        return (s / 16) % 2 == 0 ? s + 16 : s;
    }

    int channelStride(int columns) {
        return stride * rowStride(width(columns));
    }

    /** Copies channels {@code [c0, c1)} for columns {@code [j0, j0 + columns)} into {@code dst} from {@code dstOff}. */
    void copy(int c0, int c1, int j0, int columns, Object dst, int dstOff) {
        int width = width(columns);
        int rs = rowStride(width);
        int u0 = j0 + lowest;
        // Elements every phase has (all but the edges'): split into phases at once (Note [Phases in registers]).
        int common0 = 0;
        int common1 = width;
        for (int phase = 0; phase < stride; phase++) {
            common0 = Math.max(common0, first(u0 * stride + phase, width));
            common1 = Math.min(common1, end(u0 * stride + phase, width));
        }
        boolean split = stride > 1 && common0 < common1;
        for (int c = c0; c < c1; c++) {
            int base = rowBase + c * rowLength;
            int at0 = dstOff + (c - c0) * stride * rs;
            if (split) {
                t.deinterleave(math, src, base + (u0 + common0) * stride, stride, common1 - common0, dst,
                        at0 + common0, rs);
            }
            for (int phase = 0; phase < stride; phase++) {
                int at = at0 + phase * rs;
                int pos0 = u0 * stride + phase;
                int lo = first(pos0, width);
                int hi = end(pos0, width);
                if (lo >= hi) {
                    t.fill(dst, at, at + width, 0.0);
                    continue;
                }
                t.fill(dst, at, at + lo, 0.0);
                if (split) {
                    t.copy(src, base + pos0 + lo * stride, stride, dst, at + lo, common0 - lo);
                    t.copy(src, base + pos0 + common1 * stride, stride, dst, at + common1, hi - common1);
                } else {
                    t.copy(src, base + pos0 + lo * stride, stride, dst, at + lo, hi - lo);
                }
                t.fill(dst, at + hi, at + width, 0.0);
            }
        }
    }

    /** Of the elements {@code u < width} of a phase row whose element 0 is source position {@code pos0}: the first
     * with {@code 0 <= pos0 + u*S}. */
    private int first(int pos0, int width) {
        return pos0 >= 0 ? 0 : Math.min(width, (-pos0 + stride - 1) / stride);
    }

    /** ... and one past the last with {@code pos0 + u*S < length}. */
    private int end(int pos0, int width) {
        return pos0 >= rowLength ? 0 : Math.min(width, (rowLength - pos0 + stride - 1) / stride);
    }

    /** Where row {@code (c - c0, tap)}'s column 0 lies in a copy made for {@code columns} columns. */
    int rowStart(int channelInCopy, int tap, int columns) {
        int rs = rowStride(width(columns));
        return (channelInCopy * stride + phase[tap]) * rs + element[tap];
    }

    /**
     * The taps in order of (stride phase, element), so that taps reading the same phase row of a channel are
     * adjacent and their rows form one arithmetic run (for stride 1, the taps in order).
     */
    int[] tapOrder() {
        return tapOrder.clone();
    }

    /** {@link #tapOrder}, worked out once per layout (per work item, its stream took 1% of resnet1d_k3's forward). */
    private int[] orderTaps() {
        if (stride == 1) { // one phase, elements in order
            int[] order = new int[offsets.length];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            return order;
        }
        Integer[] order = new Integer[offsets.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingInt(k -> phase[k])
                .thenComparingInt(k -> element[k]));
        return java.util.Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * B for a GEMM whose reduction runs tap by tap, taps in the order of {@link #tapOrder}, and over the
     * {@code channels} channels within a tap: {@code r = i*channels + c} reads channel {@code c} through tap
     * {@code tapOrder[i]}. The rows of one tap are one channel stride apart, so a block's rows form a few long
     * arithmetic runs, which it hands to the tiles as such (working them out from a table of row starts,
     * {@link BBlock#findRuns}, took 2-3% of textcnn_k5's forward, sampled with JFR; handing them over was
     * 2-4% faster on textcnn, 1.5% on resnet1d_k3, in alternating calls). Every block needs all channels: they are
     * copied once per block of columns, on its first reduction block, and reused by the others, unless the block
     * can read the source in place (Note [Short rows in place]). Columns from {@code columns} on are not used
     * ({@code -1}: not known, always copy).
     */
    TileGemm.BSource tapMajorBSource(int channels, int columns) {
        int[] order = tapOrder;
        int[] copied = {-1, -1}; // (j0, jn) of the copy in the thread's scratch
        return (tt, s, j0, jn, r0, rn, nr, block) -> {
            boolean inPlace = readsInPlace(channels, columns, j0, jn);
            int base; // where column j0 of tap 0's row of channel 0 would be, less the tap's own offset
            int cs; // distance between channels
            if (inPlace) {
                base = rowBase + j0;
                cs = rowLength;
                block.array = src;
                block.bytes = (long) channels * rowLength * tt.bytes();
            } else {
                Object buf = s.b(tt, channels * channelStride(jn));
                if (copied[0] != j0 || copied[1] != jn || block.array != buf) {
                    copy(0, channels, j0, jn, buf, 0);
                    copied[0] = j0;
                    copied[1] = jn;
                }
                base = 0;
                cs = channelStride(jn);
                block.array = buf;
                block.bytes = (long) channels * cs * tt.bytes();
            }
            int rs = rowStride(width(jn));
            // Each tap's rows are one run, one channel stride apart; the block may cut the first and the last.
            int count = 0;
            for (int r = r0; r < r0 + rn;) {
                int tap = order[r / channels];
                int c = r % channels;
                int len = Math.min(channels - c, r0 + rn - r);
                block.runs[3 * count] = base + c * cs + (inPlace ? offsets[tap] : phase[tap] * rs + element[tap]);
                block.runs[3 * count + 1] = cs;
                block.runs[3 * count + 2] = len;
                count++;
                r += len;
            }
            if ((long) count * BBlock.MIN_RUN <= rn) {
                block.runCount = count;
            } else { // too short for the runs' tile: the table of row starts
                for (int q = 0, r = 0; q < count; q++) {
                    for (int i = 0; i < block.runs[3 * q + 2]; i++) {
                        block.rows[r++] = block.runs[3 * q] + i * cs;
                    }
                }
            }
            block.panelStep = nr;
            block.packed = false;
        };
    }

    /**
     * Note [Short rows in place]: the copy of the input span pays for itself where it makes a block's rows
     * contiguous and their reads sequential; where the block's columns span whole source rows (textcnn: 64
     * positions, 256 bytes a row), the source already is that, and the tiles read it in place: in alternating
     * calls textcnn_k3's forward -7 to -8% (-2% in one run of four), textcnn_k5's -4 to -6%. Rows that a block
     * covers only in part ran slower in place (tcn, 4096 positions: +19%; 4100: +10%; 1030: +8%; 1000: even).
     * In place needs stride 1, every used column's reads inside its row (no padding there), and the unused
     * columns of the last tile inside the array: they read the start of the next row, finite or not, whose
     * products land only in the columns dropped.
     */
    private boolean readsInPlace(int channels, int columns, int j0, int jn) {
        return columns > 0 && stride == 1 && jn + highest - lowest >= rowLength && j0 + lowest >= 0
                && Math.min(j0 + jn, columns) - 1 + highest < rowLength
                && (long) rowBase + (long) (channels - 1) * rowLength + j0 + jn - 1 + highest < t.length(src);
    }

    /**
     * B for a GEMM whose reduction runs over (channel, tap), tap fastest: each block copies the channels it
     * touches and points its rows at the copy.
     */
    TileGemm.BSource bSource() {
        int taps = offsets.length;
        return (tt, s, j0, jn, r0, rn, nr, block) -> {
            int c0 = r0 / taps;
            int c1 = (r0 + rn - 1) / taps + 1;
            Object buf = s.b(tt, (c1 - c0) * channelStride(jn));
            copy(c0, c1, j0, jn, buf, 0);
            int rs = rowStride(width(jn));
            int c = 0;
            int k = r0 % taps;
            for (int r = 0; r < rn; r++) {
                block.rows[r] = (c * stride + phase[k]) * rs + element[k];
                if (++k == taps) {
                    k = 0;
                    c++;
                }
            }
            block.array = buf;
            block.bytes = (long) (c1 - c0) * channelStride(jn) * tt.bytes();
            block.panelStep = nr;
            block.packed = false;
        };
    }
}
