package org.conv4j.tensor;

import java.util.Arrays;
import java.util.Objects;

import org.conv4j.ConvException;

/**
 * A dense, contiguous, row-major float32 or float64 tensor: a shape plus one flat Java array. No views, no
 * strides, no autograd.
 *
 * <p>conv4j treats tensors as values: the library never changes a tensor after handing it out, and callers
 * should not change one they passed in while the library may still read it. {@link #floatData()} and
 * {@link #doubleData()} expose the backing array (no copy) for fast bulk access.
 */
public final class Tensor {
    private final DType dtype;
    private final int[] shape;
    private final float[] f32; // set iff dtype == FLOAT32
    private final double[] f64; // set iff dtype == FLOAT64

    private Tensor(DType dtype, int[] shape, float[] f32, double[] f64) {
        this.dtype = dtype;
        this.shape = shape;
        this.f32 = f32;
        this.f64 = f64;
    }

    /** A tensor of zeros. Negative sizes are rejected with PyTorch's message. */
    public static Tensor zeros(DType dtype, int... shape) {
        int[] s = checkedShape(shape);
        int n = Shapes.numel(s);
        return dtype == DType.FLOAT32 ? new Tensor(dtype, s, new float[n], null)
                : new Tensor(dtype, s, null, new double[n]);
    }

    /** A float32 tensor holding a copy of {@code data}. */
    public static Tensor of(float[] data, int... shape) {
        return wrap(data.clone(), shape);
    }

    /** A float64 tensor holding a copy of {@code data}. */
    public static Tensor of(double[] data, int... shape) {
        return wrap(data.clone(), shape);
    }

    /** A float32 tensor backed by {@code data} itself (no copy). */
    public static Tensor wrap(float[] data, int... shape) {
        int[] s = checkedShape(shape);
        checkLength(data.length, s);
        return new Tensor(DType.FLOAT32, s, data, null);
    }

    /** A float64 tensor backed by {@code data} itself (no copy). */
    public static Tensor wrap(double[] data, int... shape) {
        int[] s = checkedShape(shape);
        checkLength(data.length, s);
        return new Tensor(DType.FLOAT64, s, null, data);
    }

    /** A tensor of the given dtype with values converted from {@code data} (a copy). */
    public static Tensor of(DType dtype, double[] data, int... shape) {
        if (dtype == DType.FLOAT64) {
            return of(data, shape);
        }
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        return wrap(f, shape);
    }

    private static int[] checkedShape(int[] shape) {
        for (int s : shape) {
            if (s < 0) {
                throw ConvException.runtimeError("Trying to create tensor with negative dimension " + s + ": "
                        + Shapes.format(shape));
            }
        }
        return shape.clone();
    }

    private static void checkLength(int length, int[] shape) {
        if (length != Shapes.numel(shape)) {
            throw new IllegalArgumentException("shape " + Shapes.format(shape) + " needs " + Shapes.numel(shape)
                    + " elements, but the data has " + length);
        }
    }

    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    public int dim() {
        return shape.length;
    }

    /** Size of dimension {@code d}; negative {@code d} counts from the end, as in PyTorch. */
    public int size(int d) {
        int i = d < 0 ? d + shape.length : d;
        if (i < 0 || i >= shape.length) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of ["
                    + (-shape.length) + ", " + (shape.length - 1) + "], but got " + d + ")");
        }
        return shape[i];
    }

    public int numel() {
        return f32 != null ? f32.length : f64.length;
    }

    public boolean hasShape(int... s) {
        return Arrays.equals(shape, s);
    }

    /** The shape as PyTorch prints it: {@code [2, 3, 10]}. */
    public String shapeString() {
        return Shapes.format(shape);
    }

    /** The element at a flat (row-major) index, as a double. */
    public double getDouble(int flatIndex) {
        return f32 != null ? f32[flatIndex] : f64[flatIndex];
    }

    /** The element at a multi-dimensional index. */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index of " + index.length + " dimensions for a tensor of size "
                    + shapeString());
        }
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            Objects.checkIndex(index[d], shape[d]);
            flat = flat * shape[d] + index[d];
        }
        return getDouble(flat);
    }

    /** The backing array of a float32 tensor (no copy). */
    public float[] floatData() {
        if (f32 == null) {
            throw new IllegalStateException("tensor is " + dtype + ", not float32");
        }
        return f32;
    }

    /** The backing array of a float64 tensor (no copy). */
    public double[] doubleData() {
        if (f64 == null) {
            throw new IllegalStateException("tensor is " + dtype + ", not float64");
        }
        return f64;
    }

    /** A fresh array with the values widened (or copied) to double. */
    public double[] toDoubleArray() {
        if (f64 != null) {
            return f64.clone();
        }
        double[] d = new double[f32.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f32[i];
        }
        return d;
    }

    /** A fresh array with the values rounded (or copied) to float. */
    public float[] toFloatArray() {
        if (f32 != null) {
            return f32.clone();
        }
        float[] f = new float[f64.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) f64[i];
        }
        return f;
    }

    /** This tensor in another dtype (this same tensor when the dtype already matches). */
    public Tensor to(DType target) {
        if (target == dtype) {
            return this;
        }
        return target == DType.FLOAT32 ? new Tensor(target, shape, toFloatArray(), null)
                : new Tensor(target, shape, null, toDoubleArray());
    }

    /** The same data under another shape with the same number of elements (shares the array). */
    public Tensor reshape(int... newShape) {
        int[] s = checkedShape(newShape);
        checkLength(numel(), s);
        return new Tensor(dtype, s, f32, f64);
    }

    /** An independent copy. */
    public Tensor copy() {
        return f32 != null ? new Tensor(dtype, shape, f32.clone(), null) : new Tensor(dtype, shape, null, f64.clone());
    }

    /** Whether both tensors have the same dtype, shape and bit-identical values. */
    public boolean contentEquals(Tensor other) {
        return dtype == other.dtype && Arrays.equals(shape, other.shape)
                && (f32 != null ? Arrays.equals(f32, other.f32) : Arrays.equals(f64, other.f64));
    }

    @Override
    public String toString() {
        return "Tensor(" + dtype + ", " + shapeString() + ")";
    }
}
