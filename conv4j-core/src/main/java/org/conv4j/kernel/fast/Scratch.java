package org.conv4j.kernel.fast;

/**
 * Per-thread buffers of the GEMM kernels ({@link TileGemm}), one of each kind per dtype: A and B blocks, a padded C
 * region, a kernel's own.
 */
final class Scratch {
    private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);
    private final Object[] buffers = new Object[12];
    final BBlock block = new BBlock();

    static Scratch get() {
        return LOCAL.get();
    }

    private Object buffer(Typed t, int kind, int n) {
        int i = 2 * kind + (t == Typed.F32 ? 0 : 1);
        Object o = buffers[i];
        if (o == null || t.length(o) < n) {
            o = t.alloc(n);
            buffers[i] = o;
        }
        return o;
    }

    Object a(Typed t, int n) {
        return buffer(t, 0, n);
    }

    Object b(Typed t, int n) {
        return buffer(t, 1, n);
    }

    /** A region of C padded to whole tiles. */
    Object c(Typed t, int n) {
        return buffer(t, 2, n);
    }

    /** B repacked into panels. */
    Object panels(Typed t, int n) {
        return buffer(t, 3, n);
    }

    /** An item's own result buffer (e.g. one residue of the input gradient). */
    Object out(Typed t, int n) {
        return buffer(t, 4, n);
    }

    /** A row of an item's partial results besides {@link #out} (col2im's sums of one residue). */
    Object line(Typed t, int n) {
        return buffer(t, 5, n);
    }
}
