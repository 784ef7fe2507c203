package org.conv4j.kernel.fast;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

import org.conv4j.ConfigurationException;

/**
 * The helper threads behind {@link Parallel#forEach}: a fixed team that takes one call's items at a time, beside
 * the calling thread, and after a call spins a little while for the next one before it parks.
 *
 * <p>Note [Spinning helpers]: a parked thread takes tens of microseconds to wake (about 25 µs here for a call
 * whose two items were trivial, against 0.4 µs on one thread), and a forward and backward pass makes several
 * calls back to back, each of which waited for that. Helpers that spin for {@value #DEFAULT_SPIN_MICROS} µs
 * after their last call (OpenMP runtimes, which PyTorch uses, spin too) start the next at once; the cost is that
 * much busy waiting on each helper's core after a burst of calls. {@code -Dconv4j.spinMicros=N} sets it, 0 parks
 * at once.
 *
 * <p>One call at a time uses the team: a call made while it is busy (from another thread, or from inside an
 * item) runs its items on its own thread, which gives the same results (items own their outputs).
 */
final class WorkerTeam {
    static final int DEFAULT_SPIN_MICROS = 200;

    private final Helper[] helpers;
    private final ReentrantLock busy = new ReentrantLock();
    private final long spinNanos;
    private volatile Job job;
    private volatile long generation;
    private volatile boolean closed;

    WorkerTeam(int helperCount) {
        this.spinNanos = spinMicros() * 1000L;
        this.helpers = new Helper[helperCount];
        for (int i = 0; i < helperCount; i++) {
            helpers[i] = new Helper(i + 1);
            helpers[i].thread.start();
        }
    }

    private static long spinMicros() {
        return ConfigurationException.intProperty("conv4j.spinMicros", 0, DEFAULT_SPIN_MICROS);
    }

    /**
     * Runs {@code body} for every item in {@code [0, items)} on the team and the calling thread, or on the calling
     * thread alone where the team is busy. Returns once every item has run; rethrows the first failure.
     */
    void run(int items, IntConsumer body) {
        if (closed || busy.isHeldByCurrentThread() || !busy.tryLock()) {
            for (int i = 0; i < items; i++) {
                body.accept(i);
            }
            return;
        }
        Job j = new Job(items, body, helpers.length + 1);
        try {
            job = j;
            generation++; // only the lock holder writes it
            for (Helper h : helpers) {
                if (h.parked) {
                    LockSupport.unpark(h.thread);
                }
            }
            j.take();
            // Every item is claimed; wait for the helpers that claimed some (Note [Joining a call]).
            while (j.active.get() > 0) {
                Thread.onSpinWait();
            }
        } finally {
            job = null;
            busy.unlock();
        }
        Throwable failure = j.failure.get();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Stops the helpers once they are idle; calls after this run on their callers' threads. */
    void close() {
        closed = true;
        for (Helper h : helpers) {
            LockSupport.unpark(h.thread);
        }
    }

    /*
     * Note [Joining a call]: a helper counts itself in (active + 1) before it claims any item and out after its
     * last, so once the caller has seen every item claimed, active == 0 means every claimed item has run: a
     * helper that counts itself in later finds nothing left to claim. The caller does not wait for helpers that
     * never woke up in time; they find the job finished, or a later one.
     */
    private static final class Job {
        final int items;
        final IntConsumer body;
        final int workers;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger active = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(int items, IntConsumer body, int workers) {
            this.items = items;
            this.body = body;
            this.workers = workers;
        }

        /** Claims runs of items until none is left (Note [Runs of items] in Parallel). */
        void take() {
            try {
                for (int start = next.get(); start < items; start = next.get()) {
                    int end = start + Math.max(1, (items - start) / (2 * workers));
                    if (next.compareAndSet(start, end)) {
                        for (int i = start; i < end; i++) {
                            body.accept(i);
                        }
                    }
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                next.set(items); // no new runs; those already claimed finish
            }
        }
    }

    private final class Helper implements Runnable {
        final Thread thread;
        volatile boolean parked;

        Helper(int index) {
            thread = new Thread(this, "conv4j-" + index);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            while (!closed) {
                long idleSince = System.nanoTime();
                while (generation == seen && !closed) {
                    if (System.nanoTime() - idleSince < spinNanos) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (generation == seen && !closed) {
                            LockSupport.park(this);
                        }
                        parked = false;
                    }
                }
                seen = generation;
                Job j = job;
                if (j != null) {
                    j.active.incrementAndGet();
                    try {
                        j.take();
                    } finally {
                        j.active.decrementAndGet();
                    }
                }
            }
        }
    }
}
