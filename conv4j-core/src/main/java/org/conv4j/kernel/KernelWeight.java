package org.conv4j.kernel;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.conv4j.tensor.Tensor;

/**
 * A weight tensor as kernels receive it, with room for the forms a kernel derives from it once and reuses (packed
 * for register tiles, transposed for the input gradient). A layer keeps one for its lifetime, so packing happens
 * once per layer; a functional call wraps its weight afresh. The tensor must not change while this object is in
 * use.
 */
public final class KernelWeight {
    private final Tensor tensor;
    private final ConcurrentHashMap<Object, Object> derived = new ConcurrentHashMap<>();

    private KernelWeight(Tensor tensor) {
        this.tensor = Objects.requireNonNull(tensor);
    }

    public static KernelWeight of(Tensor tensor) {
        return new KernelWeight(tensor);
    }

    public Tensor tensor() {
        return tensor;
    }

    /**
     * The derived form stored under {@code key}, made by {@code make} on first use (thread-safe; made at most once
     * per key).
     */
    public <T> T derived(Object key, Class<T> type, Function<Tensor, T> make) {
        return type.cast(derived.computeIfAbsent(key, k -> make.apply(tensor)));
    }
}
