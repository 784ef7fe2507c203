package org.conv4j.kernel.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

/** {@link Parallel#forEach} runs every item exactly once, whatever the split into runs (Note [Runs of items]). */
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
        // On a pool thread the join throws a copy with the caller's stack, whose cause is the item's own exception.
        Throwable own = e.getCause() instanceof IllegalStateException ? e.getCause() : e;
        assertEquals("item 40", own.getMessage());
    }
}
