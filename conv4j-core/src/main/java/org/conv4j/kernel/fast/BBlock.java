package org.conv4j.kernel.fast;

/**
 * One block of B ({@link TileGemm}) as the tiles read it: row {@code r}, column {@code j} of panel {@code p} is
 * {@code array[rows[r] + p*panelStep + j]}; when {@code packed}, {@code rows[r] = r*NR} and the tiles use
 * linear addressing instead of the table.
 */
final class BBlock {
    /** Rows per run, on average, from which the tiles follow runs rather than the table of row starts. */
    static final int MIN_RUN = 32;
    Object array;
    final int[] rows = new int[TileGemm.MAX_KC];
    int panelStep;
    boolean packed;
    /**
     * The table as runs of rows (start, step, count), where {@link #findRuns} found them long enough, for the
     * faster tile ({@link ConvMath#tileF32(int[], int, float[], int, float[], int, float[], int, int, float[],
     * int, int)}); {@code runCount == 0} otherwise.
     */
    final int[] runs = new int[3 * TileGemm.MAX_KC];
    int runCount;
    /**
     * Bytes of memory the block's reads touch: {@code rn x jn} elements unless its source says less (rows read in
     * place from a copy of the input overlap); decides the order of the tiles (Note [Row panels outer]).
     */
    long bytes;

    /** Splits {@code rows[0, rn)} into maximal arithmetic runs, kept if they average {@link #MIN_RUN} rows. */
    void findRuns(int rn) {
        int count = 0;
        for (int i = 0; i < rn;) {
            int step = i + 1 < rn ? rows[i + 1] - rows[i] : 0;
            int len = 1;
            while (i + len < rn && rows[i + len] - rows[i + len - 1] == step) {
                len++;
            }
            runs[3 * count] = rows[i];
            runs[3 * count + 1] = step;
            runs[3 * count + 2] = len;
            count++;
            i += len;
        }
        runCount = (long) count * MIN_RUN <= rn ? count : 0;
    }
}
