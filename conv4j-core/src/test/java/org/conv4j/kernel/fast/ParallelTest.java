package org.conv4j.kernel.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

/**
 * {@link Parallel#forEach} runs every item exactly once, whatever the split into runs (Note [Runs of items]), also
 * when called from inside an item or from several threads at once (WorkerTeam), and hands an item's failure to
 * its caller.
 */
class ParallelTest {

    @Test
    void everyItemRunsOnceForAnyItemAndThreadCount() {
        int before = Parallel.threads();
        try {
            for (int threads : new int[] {1, 2, 3, 5, 8}) {
                Parallel.setThreads(threads);
                for (int items : new int[] {0, 1, 2, 3, 7, 16, 17, 100, 2048, 2049}) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(items);
                    // Far above MIN_PARALLEL_FLOPS, so that the helpers take part.
                    Parallel.forEach(items, 1L << 40, runs::incrementAndGet);
                    for (int i = 0; i < items; i++) {
                        assertEquals(1, runs.get(i), "item " + i + " of " + items + " on " + threads + " threads");
                    }
                }
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void anItemsFailureReachesTheCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forEach(64, 1L << 40,
                i -> {
                    if (i == 40) {
                        throw new IllegalStateException("item 40");
                    }
                }));
        assertEquals("item 40", e.getMessage()); // the item's own exception, on whichever thread it ran
    }

    @Test
    void aCallFromInsideAnItemRunsItsItemsOnce() {
        AtomicIntegerArray runs = new AtomicIntegerArray(16 * 16);
        Parallel.forEach(16, 1L << 40, outer -> Parallel.forEach(16, 1L << 40, inner -> runs.incrementAndGet(
                outer * 16 + inner)));
        for (int i = 0; i < runs.length(); i++) {
            assertEquals(1, runs.get(i), "item " + i);
        }
    }

    @Test
    void callsFromSeveralThreadsAtOnceEachRunTheirItemsOnce() throws InterruptedException {
        int callers = 4;
        int calls = 200;
        AtomicIntegerArray runs = new AtomicIntegerArray(callers * calls * 37);
        Thread[] threads = new Thread[callers];
        for (int c = 0; c < callers; c++) {
            int caller = c;
            threads[c] = new Thread(() -> {
                for (int call = 0; call < calls; call++) {
                    int base = (caller * calls + call) * 37;
                    Parallel.forEach(37, 1L << 40, i -> runs.incrementAndGet(base + i));
                }
            });
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (int i = 0; i < runs.length(); i++) {
            assertEquals(1, runs.get(i), "item " + i);
        }
    }
}
