package org.conv4j.functional;

import static org.conv4j.ConvException.check;

import org.conv4j.ConvException;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Shapes;
import org.conv4j.tensor.TensorMeta;

/**
 * The call-time checks of {@code at::_convolution}, in PyTorch 1.13's order and with its messages: parameter
 * list expansion, {@code check_shape_forward}, and the checks of the CPU backend PyTorch would have picked.
 * Kernels run only after all of these pass, so they never see an illegal problem.
 */
final class ConvChecks {
    private ConvChecks() {
    }

    /** A list of one value applies to every spatial dimension; otherwise it needs one value per dimension. */
    static int[] expandParam(int[] values, String name, int dims) {
        if (values.length == 1) {
            int[] r = new int[dims];
            java.util.Arrays.fill(r, values[0]);
            return r;
        }
        check(values.length == dims, () -> "expected " + name + " to be a single integer value or a list of " + dims
                + " values to match the convolution dimensions, but got " + name + "=" + Shapes.format(values));
        return values.clone();
    }

    /** ATen's {@code check_shape_forward} for a (non-transposed) convolution; spatial lists are already expanded. */
    static void checkShapeForward(TensorMeta input, int[] weight, TensorMeta bias, int[] stride, int[] padding,
            int[] dilation, int groups) {
        int k = input.dim();
        for (int p : padding) {
            check(p >= 0, () -> "negative padding is not supported");
        }
        for (int s : stride) {
            check(s > 0, () -> "non-positive stride is not supported");
        }
        check(weight.length == k, () -> "Expected " + weight.length + "-dimensional input for " + weight.length
                + "-dimensional weight " + Shapes.format(weight) + ", but got " + k + "-dimensional input of size "
                + input.shapeString() + " instead");
        check(weight[0] >= groups, () -> "Given groups=" + groups + ", expected weight to be at least " + groups
                + " at dimension 0, but got weight of size " + Shapes.format(weight) + " instead");
        // (The doubled brackets are PyTorch's.)
        check(weight[0] % groups == 0, () -> "Given groups=" + groups + ", expected weight to be divisible by "
                + groups + " at dimension 0, but got weight of size [" + Shapes.format(weight) + "] instead");
        long expectedChannels = (long) weight[1] * groups;
        check(input.size(1) == expectedChannels, () -> "Given groups=" + groups + ", weight of size "
                + Shapes.format(weight) + ", expected input" + input.shapeString() + " to have " + expectedChannels
                + " channels, but got " + input.size(1) + " channels instead");
        check(bias == null || (bias.dim() == 1 && bias.size(0) == weight[0]), () -> "Given weight of size "
                + Shapes.format(weight) + ", expected bias to be 1-dimensional with " + weight[0]
                + " elements, but got bias of size "
                + bias.shapeString() + " instead");
        long[] padded = new long[k - 2];
        long[] extent = new long[k - 2];
        boolean fits = true;
        for (int i = 2; i < k; i++) {
            padded[i - 2] = input.size(i) + 2L * padding[i - 2];
            extent[i - 2] = (long) dilation[i - 2] * (weight[i] - 1) + 1;
            fits &= padded[i - 2] >= extent[i - 2];
        }
        if (!fits) {
            throw ConvException.runtimeError("Calculated padded input size per channel: (" + join(padded)
                    + "). Kernel size: (" + join(extent) + "). Kernel size can't be greater than actual input size");
        }
    }

    private static String join(long[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : " x ").append(values[i]);
        }
        return b.toString();
    }

    /**
     * The CPU backend PyTorch 1.13 (one thread, as the conformance cases were generated) picks. conv4j computes
     * every case with its own kernels; the backend matters only because each checks different things, and a
     * faithful error message needs the same check to fire first.
     */
    enum TorchBackend {
        EMPTY, MKLDNN, SLOW_2D, SLOW_DILATED_2D, SLOW_3D, SLOW_DILATED_3D;

        /**
         * @param input  shape with 2 or 3 spatial dimensions (1-D already viewed as 2-D, as ATen does)
         * @param weight the weight's shape, viewed the same way
         */
        static TorchBackend select(int[] input, DType inputDType, int[] weight, int[] stride, int[] dilation,
                int groups) {
            if (input[0] == 0 || input[1] == 0) {
                return EMPTY;
            }
            ConvException.check(Shapes.numel(input) != 0, () -> "Only zero batch or zero channel inputs are "
                    + "supported, but got input shape: " + Shapes.format(input));
            boolean strided = anyNot(stride, 1);
            boolean dilated = anyNot(dilation, 1);
            int kw = weight[weight.length - 1];
            int kh = weight[weight.length - 2];
            long n = input[0];
            // use_mkldnn for float32 on one thread; "native is faster" for tiny problems keeps them on THNN.
            boolean mkldnn = inputDType == DType.FLOAT32
                    && (strided || dilated || n >= 16 || kw != 1 || kh != 1)
                    && (groups > 1 || (kw > 3 && kh > 3) || n > 1 || n * input[1] * input[2] * input[3] > 20480);
            if (mkldnn) {
                return MKLDNN;
            }
            if (input.length == 5) {
                return dilated ? SLOW_DILATED_3D : SLOW_3D;
            }
            return dilated ? SLOW_DILATED_2D : SLOW_2D;
        }

        /** The backend's own checks, in its order; arguments are viewed as for {@link #select}. */
        void checkCall(DType inputDType, DType weightDType, DType biasDType, int[] weight, int[] dilation) {
            int[] kernel = java.util.Arrays.copyOfRange(weight, 2, weight.length);
            switch (this) {
                case EMPTY -> {
                }
                case MKLDNN -> {
                    ConvException.check(weightDType == inputDType, () -> "Input type ("
                            + inputDType.legacyTensorTypeName() + ") and weight type ("
                            + weightDType.legacyTensorTypeName()
                            + ") should be the same or input should be a MKLDNN tensor and weight is a dense tensor");
                    ConvException.check(biasDType == null || biasDType == inputDType, () -> "Input type ("
                            + inputDType.legacyTensorTypeName() + ") and bias type ("
                            + (biasDType == null ? "" : biasDType.legacyTensorTypeName())
                            + ") should be the same or input should be a MKLDNN tensor and bias is a dense tensor");
                    ConvException.check(!anyBelow(dilation, 1), () -> "non-positive dilation is not supported");
                    ConvException.check(!anyBelow(kernel, 1), () -> "could not create a descriptor for a dilated "
                            + "convolution forward propagation primitive");
                }
                case SLOW_2D -> {
                    ConvException.check(!anyBelow(kernel, 1), () -> "kernel size should be greater than zero, but got "
                            + "kernel_height: " + kernel[0] + " kernel_width: " + kernel[1]);
                    checkScalarType(inputDType, weightDType);
                }
                case SLOW_3D -> {
                    ConvException.check(!anyBelow(kernel, 1), () -> "kernel size should be greater than zero, but got "
                            + "kT: " + kernel[0] + " kH: " + kernel[1] + " kW: " + kernel[2]);
                    checkScalarType(inputDType, weightDType);
                }
                case SLOW_DILATED_2D, SLOW_DILATED_3D -> {
                    ConvException.check(!anyBelow(kernel, 1), () -> "kernel size should be greater than zero, but got "
                            + Shapes.format(kernel));
                    ConvException.check(!anyBelow(dilation, 1), () -> "dilation should be greater than zero, but got "
                            + Shapes.format(dilation));
                    checkScalarType(inputDType, weightDType);
                }
            }
        }

        private static void checkScalarType(DType input, DType weight) {
            ConvException.check(input == weight, () -> "expected scalar type " + input.scalarTypeName()
                    + " but found " + weight.scalarTypeName());
        }

        private static boolean anyNot(int[] values, int v) {
            for (int x : values) {
                if (x != v) {
                    return true;
                }
            }
            return false;
        }

        private static boolean anyBelow(int[] values, int min) {
            for (int x : values) {
                if (x < min) {
                    return true;
                }
            }
            return false;
        }
    }
}
