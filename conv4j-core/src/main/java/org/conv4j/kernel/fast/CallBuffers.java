package org.conv4j.kernel.fast;

import java.lang.ref.SoftReference;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * Note [Call buffers]: large operands that one call's work items share (the weight gradient's transposed input, its
 * packed output gradient, the chunk sums), kept from call to call in a small pool rather than allocated anew. A
 * new array of a few MiB is zeroed by the allocating thread before the work items start, and in G1 it is a
 * humongous object, whose allocations start collections: a JFR recording of textcnn_k3's weight gradient
 * allocating them (4.9 MiB transposed input, 1.6 MiB packed output gradient) showed 24 "G1 Humongous Allocation"
 * collections a second. Taking them from the pool was 5-16% faster there and on textcnn_k5 (2 threads, calls
 * alternating with allocating them, either first), the layers' forward and backward 6-8% faster.
 *
 * <p>A taken array is the caller's alone until it gives it back; its contents are whatever its last user left, so
 * callers write every element they read. The pool holds at most {@link #MAX_POOLED} arrays of each element type,
 * through soft references, so the collector may reclaim them before it runs out of memory; arrays under
 * {@link #MIN_POOLED_ELEMENTS} are not pooled (they are cheap to allocate).
 */
final class CallBuffers {
    /** Arrays kept per element type: a call takes a few (one per group for the packed output gradient). */
    static final int MAX_POOLED = 8;
    /** Smaller arrays are allocated each time: 256 KiB of float32. */
    static final int MIN_POOLED_ELEMENTS = 65536;

    private static final List<SoftReference<float[]>> FLOATS = new ArrayList<>();
    private static final List<SoftReference<double[]>> DOUBLES = new ArrayList<>();

    private CallBuffers() {
    }

    /** An array of at least {@code n} elements of {@code t}'s type, with arbitrary contents. */
    static Object take(Typed t, int n) {
        if (n >= MIN_POOLED_ELEMENTS) {
            Object pooled = t == Typed.F32 ? takeFrom(FLOATS, n) : takeFrom(DOUBLES, n);
            if (pooled != null) {
                return pooled;
            }
        }
        return t.alloc(n);
    }

    /** Returns an array from {@link #take}; the caller must not use it afterwards. */
    static void give(Object array) {
        if (array instanceof float[] f && f.length >= MIN_POOLED_ELEMENTS) {
            giveTo(FLOATS, f);
        } else if (array instanceof double[] d && d.length >= MIN_POOLED_ELEMENTS) {
            giveTo(DOUBLES, d);
        }
    }

    /** Removes and returns every pooled array of {@code t}'s type (for tests). */
    static List<Object> takeAll(Typed t) {
        List<? extends SoftReference<?>> pool = t == Typed.F32 ? FLOATS : DOUBLES;
        synchronized (pool) {
            List<Object> all = new ArrayList<>();
            for (SoftReference<?> r : pool) {
                Object a = r.get();
                if (a != null) {
                    all.add(a);
                }
            }
            pool.clear();
            return all;
        }
    }

    /** The smallest pooled array of at least {@code n} elements, removed from the pool; null if none. */
    private static <A> A takeFrom(List<SoftReference<A>> pool, int n) {
        synchronized (pool) {
            pool.removeIf(r -> r.get() == null);
            int best = -1;
            A bestArray = null;
            for (int i = 0; i < pool.size(); i++) {
                A a = pool.get(i).get();
                if (a != null && Array.getLength(a) >= n
                        && (bestArray == null || Array.getLength(a) < Array.getLength(bestArray))) {
                    best = i;
                    bestArray = a;
                }
            }
            if (best >= 0) {
                pool.remove(best);
            }
            return bestArray;
        }
    }

    /** Adds the array; past {@link #MAX_POOLED}, the smallest array goes (large ones cost the most to make). */
    private static <A> void giveTo(List<SoftReference<A>> pool, A array) {
        synchronized (pool) {
            pool.removeIf(r -> r.get() == null);
            pool.add(new SoftReference<>(array));
            if (pool.size() > MAX_POOLED) {
                int smallest = 0;
                for (int i = 1; i < pool.size(); i++) {
                    if (lengthOf(pool.get(i)) < lengthOf(pool.get(smallest))) {
                        smallest = i;
                    }
                }
                pool.remove(smallest);
            }
        }
    }

    private static int lengthOf(SoftReference<?> r) {
        Object a = r.get();
        return a == null ? -1 : Array.getLength(a);
    }
}
