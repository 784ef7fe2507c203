package org.conv4j.kernel.fast;

import java.util.function.IntConsumer;

import org.conv4j.ConfigurationException;

/**
 * The threads the fast kernels use: {@code -Dconv4j.threads=N} or {@link #setThreads}, by default the available
 * cores. Work is split into items that each own their outputs; no result depends on which thread ran an item or
 * on how many threads there are (see Note [Bit-identical tiles] in {@link ConvMath}).
 *
 * <p>Note [Runs of items]: threads claim items from one shared counter, in runs that are each a share of the
 * items left ({@code left / (2 * threads)}, at least one), so a call makes a few dozen claims rather than one per
 * item, and the last runs are short enough to even out the threads' ends. Claiming item by item made the
 * counter's cache line move between the two cores on every claim: depthwise_k9's 2048 rows of about 0.4 µs each
 * took 0.95 ms on 2 threads, about what they took on one; in runs, 0.58 ms.
 */
public final class Parallel {
    /** 0 until {@link #threads} reads {@code -Dconv4j.threads} (a bad value fails that call, not class loading). */
    private static volatile int threads;
    private static volatile WorkerTeam team;

    private Parallel() {
    }

    /** Threads the kernels use. */
    public static int threads() {
        int n = threads;
        if (n == 0) {
            synchronized (Parallel.class) {
                n = threads;
                if (n == 0) {
                    n = ConfigurationException.intProperty("conv4j.threads", 1,
                            Runtime.getRuntime().availableProcessors());
                    threads = n;
                }
            }
        }
        return n;
    }

    /** Sets the number of threads (at least 1) for all later calls. */
    public static synchronized void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + n);
        }
        if (n != threads()) {
            threads = n;
            WorkerTeam old = team;
            team = null;
            if (old != null) {
                old.close();
            }
        }
    }

    private static WorkerTeam team() {
        WorkerTeam w = team;
        if (w == null) {
            synchronized (Parallel.class) {
                w = team;
                if (w == null) {
                    w = new WorkerTeam(threads() - 1);
                    team = w;
                }
            }
        }
        return w;
    }

    /** Below this many floating-point operations a call runs on its caller's thread: threads cost more than that. */
    static final long MIN_PARALLEL_FLOPS = 2_000_000L;

    /** The threads worth using for a call of this many floating-point operations: 1 for small calls. */
    public static int threadsFor(long flops) {
        return flops < MIN_PARALLEL_FLOPS ? 1 : threads();
    }

    /**
     * Runs {@code body} for every item in {@code [0, items)}, in parallel when there is more than one item and
     * {@link #threadsFor} the call's floating-point operations is more than one.
     */
    public static void forEach(int items, long flops, IntConsumer body) {
        int helpers = Math.min(items, threadsFor(flops)) - 1;
        if (helpers <= 0) {
            for (int i = 0; i < items; i++) {
                body.accept(i);
            }
            return;
        }
        // The caller takes items too, so that work starts at once (WorkerTeam: Note [Spinning helpers]).
        team().run(items, body);
    }
}
