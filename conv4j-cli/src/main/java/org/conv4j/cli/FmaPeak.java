package org.conv4j.cli;

import java.util.Arrays;

import org.conv4j.kernel.fast.ConvMath;

/**
 * One measurement of the FMA peak in GFLOP/s for {@code conv4j bench}: the median and the highest of {@link #RUNS}
 * runs of the kernels' own FMA loop on a number of threads (about 36 ms a run on a Zen 5 core with AVX-512).
 *
 * <p>Note [Highest peak]: on a shared machine single runs of the FMA loop swing widely (on 2 Zen 5 cores, runs
 * 0.25 s apart read 236 to 434 GFLOP/s), and so do their medians (in one suite 384-387 GFLOP/s in each of its four
 * measurements, with single runs up to 431). No call can beat the machine's real peak, and the highest run is the
 * best lower bound of it, so the shares of the peak are of the highest run of all the measurements, made before
 * every round and after the last; a median would credit the kernels with the machine's slow phases (large_256_k3
 * would have read 99.6% against that suite's medians, 89.3% against its highest run).
 */
record FmaPeak(double median, double highest) {
    /** Timed runs of the FMA loop per measurement (after one that compiles it). */
    static final int RUNS = 11;

    static FmaPeak measure(ConvMath math, int threads) throws InterruptedException {
        long iterations = 20_000_000L;
        double[] runs = new double[RUNS];
        for (int rep = -1; rep < RUNS; rep++) { // run -1 compiles the loop
            Thread[] ts = new Thread[threads];
            float[] sink = new float[threads];
            long t0 = System.nanoTime();
            for (int i = 0; i < threads; i++) {
                int id = i;
                ts[i] = new Thread(() -> sink[id] = math.fmaLoopF32(iterations));
                ts[i].start();
            }
            for (Thread t : ts) {
                t.join();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (rep >= 0) {
                runs[rep] = (double) threads * iterations * math.fmaLoopFlopsPerStep() / seconds / 1e9;
            }
        }
        Arrays.sort(runs);
        return new FmaPeak(runs[RUNS / 2], runs[RUNS - 1]);
    }
}
