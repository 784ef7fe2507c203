package org.conv4j.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.conv4j.ConvException;
import org.conv4j.nn.Conv1d;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Error inputs and the exact messages PyTorch 1.13 gives for them (each one was run through real PyTorch,
 * {@code torch.set_num_threads(1)}), in the style of PyTorch's OpInfo error inputs. Most pin down which check
 * fires first when several could.
 */
class TorchErrorsTest {
    private static final DType F32 = DType.FLOAT32;
    private static final DType F64 = DType.FLOAT64;

    private static Tensor zeros(DType d, int... shape) {
        return Tensor.zeros(d, shape);
    }

    /** {@code nn.Conv1d(spec)(zeros(inputShape, inputDType))}. */
    private static Supplier<Tensor> module(ConvSpec.Builder spec, DType inputDType, int... inputShape) {
        return () -> Conv1d.create(spec.build(), 0).forward(zeros(inputDType, inputShape));
    }

    private static Supplier<Tensor> functional(int[] input, DType inputDType, int[] weight, DType weightDType,
            int[] bias, DType biasDType, ConvArgs args) {
        return () -> Functional.conv1d(zeros(inputDType, input), zeros(weightDType, weight),
                bias == null ? null : zeros(biasDType, bias), args);
    }

    private static Arguments error(String message, Supplier<Tensor> call) {
        return Arguments.of(message, call);
    }

    static Stream<Arguments> moduleErrors() {
        return Stream.of(
                error("Given groups=1, weight of size [5, 4, 3], expected input[1, 3, 10] to have 4 channels, but got "
                        + "3 channels instead", module(ConvSpec.conv1d(4, 5, 3), F32, 3, 10)),
                error("Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: [2, 4, 10, 1]",
                        module(ConvSpec.conv1d(4, 5, 3), F32, 2, 4, 10, 1)),
                error("Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: []",
                        module(ConvSpec.conv1d(4, 5, 3), F32)),
                error("negative padding is not supported", module(ConvSpec.conv1d(4, 5, 3).padding(-1), F32, 2, 4, 10)),
                error("non-positive stride is not supported", module(ConvSpec.conv1d(2, 3, 3).stride(0), F32, 1, 2, 5)),
                error("Calculated padded input size per channel: (2). Kernel size: (3). Kernel size can't be greater "
                        + "than actual input size", module(ConvSpec.conv1d(1, 1, 3), F64, 3, 1, 2)),
                error("Calculated padded input size per channel: (5). Kernel size: (201). Kernel size can't be "
                        + "greater than actual input size", module(ConvSpec.conv1d(2, 3, 3).dilation(100), F32, 1, 2, 5)),
                error("Given groups=1, expected weight to be at least 1 at dimension 0, but got weight of size "
                        + "[0, 0, 3] instead", module(ConvSpec.conv1d(0, 0, 3), F32, 1, 0, 5)),
                error("expected stride to be a single integer value or a list of 1 values to match the convolution "
                        + "dimensions, but got stride=[1, 2]",
                        module(ConvSpec.conv1d(2, 3, 3).stride(new int[] {1, 2}), F32, 1, 2, 5)),
                error("expected padding to be a single integer value or a list of 1 values to match the convolution "
                        + "dimensions, but got padding=[1, 2]",
                        module(ConvSpec.conv1d(2, 3, 3).padding(new int[] {1, 2}), F32, 1, 2, 5)),
                error("weight should have at least three dimensions",
                        module(ConvSpec.conv1d(2, 3, new int[0]), F32, 1, 2, 5)),
                // Backend checks: float64 (and small float32 problems) go to THNN's slow kernels ...
                error("kernel size should be greater than zero, but got kernel_height: 1 kernel_width: 0",
                        module(ConvSpec.conv1d(4, 5, 0).dtype(F64), F64, 2, 4, 10)),
                error("kernel size should be greater than zero, but got [1, 0]",
                        module(ConvSpec.conv1d(4, 5, 0).dilation(2).dtype(F64), F64, 1, 4, 5)),
                error("dilation should be greater than zero, but got [1, 0]",
                        module(ConvSpec.conv1d(4, 5, 3).dilation(0).dtype(F64), F64, 2, 4, 10)),
                error("expected scalar type Float but found Double",
                        module(ConvSpec.conv1d(2, 3, 3).dtype(F64), F32, 1, 2, 5)),
                error("expected scalar type Double but found Float", module(ConvSpec.conv1d(2, 3, 3), F64, 3, 2, 5)),
                // ... and float32 with groups or a batch goes to oneDNN, which checks other things.
                error("could not create a descriptor for a dilated convolution forward propagation primitive",
                        module(ConvSpec.conv1d(2, 4, 0).groups(2), F32, 1, 2, 5)),
                error("non-positive dilation is not supported",
                        module(ConvSpec.conv1d(2, 4, 3).groups(2).dilation(0), F32, 1, 2, 5)),
                error("Input type (torch.FloatTensor) and weight type (torch.DoubleTensor) should be the same or "
                        + "input should be a MKLDNN tensor and weight is a dense tensor",
                        module(ConvSpec.conv1d(2, 4, 3).dtype(F64), F32, 20, 2, 5)),
                error("Only zero batch or zero channel inputs are supported, but got input shape: [1, 2, 1, 0]",
                        module(ConvSpec.conv1d(2, 3, 3).padding(2), F32, 1, 2, 0)),
                // 'same' with kernel 0: the negative padding left over is rejected.
                error("negative padding is not supported", module(ConvSpec.conv1d(2, 3, 0).padding("same"), F32, 1, 2, 5)),
                error("Expected 4-dimensional input for 4-dimensional weight[5, 4, 3, 3], but got 3-dimensional input "
                        + "of size [2, 4, 10] instead",
                        module(ConvSpec.conv1d(4, 5, new int[] {3, 3}).padding("same"), F32, 2, 4, 10)),
                error("Expected 4-dimensional input for 4-dimensional weight [5, 4, 3, 3], but got 3-dimensional input "
                        + "of size [2, 4, 10] instead", module(ConvSpec.conv1d(4, 5, new int[] {3, 3}), F32, 2, 4, 10)),
                error("Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: [1, 1, 10, 10]",
                        module(ConvSpec.conv1d(1, 1, new int[] {3, 3}).padding("same"), F32, 1, 1, 10, 10)),
                error("dilation cannot broadcast to 1 dimensions",
                        module(ConvSpec.conv1d(2, 3, 3).dilation(new int[] {1, 1}).padding("same"), F32, 1, 2, 5)),
                // Padding modes: F.pad's own checks come first.
                error("Padding value causes wrapping around more than once.",
                        module(ConvSpec.conv1d(2, 3, 3).padding(5).paddingMode("circular"), F32, 2, 2, 4)),
                error("Negative padding value is resulting in an empty dimension",
                        module(ConvSpec.conv1d(2, 3, 1).padding(-3).paddingMode("circular"), F32, 1, 2, 4)),
                error("Invalid padding size, expected 2 but got 4",
                        module(ConvSpec.conv1d(2, 3, 3).padding(new int[] {1, 1}).paddingMode("circular"), F32, 1, 2, 5)),
                error("Argument #4: Padding size should be less than the corresponding input dimension, but got: "
                        + "padding (4, 4) at dimension 2 of input [2, 2, 4]",
                        module(ConvSpec.conv1d(2, 3, 3).padding(4).paddingMode("reflect"), F32, 2, 2, 4)),
                error("Argument #6: Padding size should be less than the corresponding input dimension, but got: "
                        + "padding (3, 3) at dimension 1 of input 3",
                        module(ConvSpec.conv1d(2, 3, 3).padding(new int[] {3, 1}).paddingMode("reflect"), F32, 1, 2, 5)),
                error("2D or 3D (batch mode) tensor expected for input, but got: [ torch.FloatTensor{1,0,5} ]",
                        module(ConvSpec.conv1d(0, 3, 3).padding(1).paddingMode("reflect"), F32, 1, 0, 5)),
                error("2input (W: 4)is too small. Calculated output W: 0",
                        module(ConvSpec.conv1d(2, 3, 1).padding(-2).paddingMode("reflect"), F32, 1, 2, 4)),
                error("Expected 2D or 3D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions "
                        + "for input, but got: [1, 2, 0]",
                        module(ConvSpec.conv1d(2, 3, 3).padding(1).paddingMode("replicate"), F32, 1, 2, 0)),
                error("input (W: 4) is too small. Calculated output W: 0",
                        module(ConvSpec.conv1d(2, 3, 1).padding(-2).paddingMode("replicate"), F32, 1, 2, 4)),
                // A 2-tuple padding pads the channel axis too, as F.pad reads it.
                error("Given groups=1, weight of size [3, 2, 3], expected input[1, 4, 6] to have 2 channels, but got "
                        + "4 channels instead",
                        module(ConvSpec.conv1d(2, 3, 3).padding(new int[] {1, 1}).paddingMode("reflect"), F32, 1, 2, 4)),
                // ... by a negative amount, too: each mode words the empty or negative result its own way.
                error("input (H: 1, W: 2)is too small. Calculated output H: -5 W: -2",
                        module(ConvSpec.conv1d(1, 2, 1).padding(new int[] {-3, -2}).paddingMode("reflect"), F64, 1, 1,
                                2)),
                error("input (H: 1, W: 2 ) is too small. Calculated output H: -5 W: -2",
                        module(ConvSpec.conv1d(1, 2, 1).padding(new int[] {-3, -2}).paddingMode("replicate"), F64, 1,
                                1, 2)),
                error("numel: integer multiplication overflow", module(ConvSpec.conv1d(1, 2, 1)
                        .padding(new int[] {-3, -1}).paddingMode("reflect"), F64, 1, 1, 4)),
                error("Trying to create tensor with negative dimension -5: [1, -5, 2]",
                        module(ConvSpec.conv1d(1, 2, 1).padding(new int[] {-3, -1}).paddingMode("replicate"), F64, 1,
                                1, 4)),
                error("Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now",
                        module(ConvSpec.conv1d(4, 5, 3).padding(1).paddingMode("reflect"), F32, 10)),
                error("Padding length too large", module(ConvSpec.conv1d(2, 3, 3).paddingMode("reflect"), F32)));
    }

    static Stream<Arguments> functionalErrors() {
        ConvArgs d = ConvArgs.defaults();
        int[] x = {1, 2, 5};
        int[] w = {3, 2, 3};
        return Stream.of(
                error("Invalid padding string: 'full'", functional(x, F32, w, F32, null, null, d.withPadding("full"))),
                error("padding='same' is not supported for strided convolutions",
                        functional(x, F32, w, F32, null, null, d.withPadding("same").withStride(2))),
                error("non-positive groups is not supported",
                        functional(new int[] {33, 16, 30}, F32, new int[] {20, 16, 5}, F32, null, null, d.withGroups(0))),
                error("non-positive groups is not supported",
                        functional(x, F32, w, F32, null, null, d.withGroups(0).withStride(-1))),
                error("Given weight of size [1, 1, 3], expected bias to be 1-dimensional with 1 elements, but got bias "
                        + "of size [2] instead", functional(new int[] {1, 1, 4}, F32, new int[] {1, 1, 3}, F32,
                                new int[] {2}, F32, d)),
                error("Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size "
                        + "[[5, 2, 3]] instead",
                        functional(new int[] {1, 4, 10}, F32, new int[] {5, 2, 3}, F32, null, null, d.withGroups(2))),
                error("Given groups=3, expected weight to be at least 3 at dimension 0, but got weight of size "
                        + "[2, 2, 2] instead", functional(new int[] {2, 2, 4}, F32, new int[] {2, 2, 2}, F32,
                                new int[] {2}, F32, d.withGroups(3).withPadding("same"))),
                error("expected padding to be a single integer value or a list of 1 values to match the convolution "
                        + "dimensions, but got padding=[1, 2]",
                        functional(new int[] {1, 4, 10}, F32, new int[] {5, 4, 3}, F32, null, null,
                                d.withStride(-1).withPadding(1, 2))),
                error("weight should have at least three dimensions",
                        functional(x, F32, new int[] {3, 2}, F32, null, null, d.withPadding("same"))),
                error("Input type (torch.FloatTensor) and bias type (torch.DoubleTensor) should be the same or input "
                        + "should be a MKLDNN tensor and bias is a dense tensor",
                        functional(new int[] {2, 2, 5}, F32, w, F32, new int[] {3}, F64, d)),
                error("select(): index 0 out of range for tensor of size [0] at dimension 0",
                        functional(new int[] {0, 2, 5}, F32, new int[] {3, 2, 0}, F32, null, null, d)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moduleErrors")
    void moduleRaisesPyTorchsMessage(String message, Supplier<Tensor> call) {
        assertEquals(message, assertThrows(ConvException.class, call::get).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functionalErrors")
    void functionalRaisesPyTorchsMessage(String message, Supplier<Tensor> call) {
        assertEquals(message, assertThrows(ConvException.class, call::get).getMessage());
    }

    @Test
    void emptyInputsComputeNothingAndFollowPyTorchsShapes() {
        // No channels: no output channels, whatever out_channels is (and the dtypes promote).
        Tensor y = Functional.conv1d(zeros(F32, 2, 0, 5), zeros(F64, 3, 0, 2), null, ConvArgs.defaults());
        assertArrayEquals(new int[] {2, 0, 4}, y.shape());
        assertEquals(F64, y.dtype());
        // No batch: the input's dtype, and no check of kernel or dilation.
        y = Functional.conv1d(zeros(F32, 0, 2, 5), zeros(F64, 3, 2, 3), null, ConvArgs.defaults().withDilation(-1));
        assertArrayEquals(new int[] {0, 3, 7}, y.shape());
        assertEquals(F32, y.dtype());
    }

    @Test
    void aBiasOfAnotherDtypeIsCastOnTheSlowPath() {
        // PyTorch 1.13 accepts this on one batch element (THNN) and rejects it with a batch (oneDNN, above).
        Tensor y = Functional.conv1d(zeros(F32, 1, 2, 5), zeros(F32, 3, 2, 3), Tensor.of(new double[] {1, 2, 3}, 3),
                ConvArgs.defaults());
        assertEquals(F32, y.dtype());
        assertEquals(3.0, y.get(0, 2, 0));
    }
}
