package org.conv4j.tensor;

import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor's shape and dtype without its data: what the checks and shape arithmetic need, so that output shapes
 * and errors can be computed without allocating anything.
 */
public record TensorMeta(int[] shape, DType dtype) {
    public TensorMeta {
        shape = shape.clone();
        Objects.requireNonNull(dtype);
    }

    public static TensorMeta of(Tensor t) {
        return t == null ? null : new TensorMeta(t.shape(), t.dtype());
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public int dim() {
        return shape.length;
    }

    public int size(int d) {
        return shape[d];
    }

    public int numel() {
        return Shapes.numel(shape);
    }

    public String shapeString() {
        return Shapes.format(shape);
    }

    /** PyTorch's print of a tensor in some pad errors, {@code [ torch.FloatTensor{1,0,5} ]}. */
    public String legacyString() {
        StringBuilder b = new StringBuilder("[ ").append(dtype.legacyTensorTypeName()).append('{');
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ",").append(shape[i]);
        }
        return b.append("} ]").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorMeta m && Arrays.equals(shape, m.shape) && dtype == m.dtype;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + dtype.hashCode();
    }

    @Override
    public String toString() {
        return dtype + Shapes.format(shape);
    }
}
