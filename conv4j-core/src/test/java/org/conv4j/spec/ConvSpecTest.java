package org.conv4j.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.conv4j.ConvException;
import org.conv4j.ConvException.PythonType;
import org.conv4j.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ConvSpecTest {

    private static void assertRejects(PythonType type, String message, Executable build) {
        ConvException e = assertThrows(ConvException.class, build);
        assertEquals(message, e.getMessage());
        assertEquals(type, e.pythonType());
    }

    @Test
    void defaultsAreNnConv1dDefaults() {
        ConvSpec s = ConvSpec.conv1d(3, 2, 4).build();
        assertArrayEquals(new int[] {4}, s.kernelSize());
        assertArrayEquals(new int[] {1}, s.stride());
        assertEquals(Padding.of(0), s.padding());
        assertArrayEquals(new int[] {1}, s.dilation());
        assertEquals(1, s.groups());
        assertEquals(true, s.bias());
        assertEquals(PaddingMode.ZEROS, s.paddingMode());
        assertEquals(DType.FLOAT32, s.dtype());
        assertEquals("3, 2, kernel_size=(4,), stride=(1,)", s.torchArguments());
    }

    @Test
    void weightHasAnInChannelAxisPerGroup() {
        ConvSpec s = ConvSpec.conv1d(6, 4, 5).groups(2).build();
        assertArrayEquals(new int[] {4, 3, 5}, s.weightShape());
        assertArrayEquals(new int[] {4}, s.biasShape());
        assertEquals(15, s.fanIn());
    }

    @Test
    void tupleKernelMakesPyTorchsFourDimensionalWeight() {
        ConvSpec s = ConvSpec.conv1d(1, 1, new int[] {3, 3}).padding("same").build();
        assertArrayEquals(new int[] {1, 1, 3, 3}, s.weightShape());
        assertEquals(2, s.rank());
    }

    @Test
    void integerArgumentsExpandToTheModulesRank() {
        ConvSpec s = ConvSpec.conv2d(2, 4, 3).stride(2).padding(1).dilation(2).build();
        assertArrayEquals(new int[] {3, 3}, s.kernelSize());
        assertArrayEquals(new int[] {2, 2}, s.stride());
        assertEquals(Padding.of(1, 1), s.padding());
        assertArrayEquals(new int[] {2, 2}, s.dilation());
        // A one-element tuple is kept as given, as _pair((2,)) keeps it.
        assertArrayEquals(new int[] {2}, ConvSpec.conv2d(2, 4, 3).stride(new int[] {2}).build().stride());
    }

    @Test
    void rejectsNonPositiveGroups() {
        assertRejects(PythonType.ValueError, "groups must be a positive integer",
                () -> ConvSpec.conv1d(2, 3, 3).groups(0).build());
        assertRejects(PythonType.ValueError, "groups must be a positive integer",
                () -> ConvSpec.conv1d(2, 3, 3).groups(-1).build());
    }

    @Test
    void rejectsChannelsNotDivisibleByGroupsWithPythonsModulo() {
        assertRejects(PythonType.ValueError, "in_channels must be divisible by groups",
                () -> ConvSpec.conv1d(4, 6, 3).groups(3).build());
        assertRejects(PythonType.ValueError, "out_channels must be divisible by groups",
                () -> ConvSpec.conv1d(4, 5, 3).groups(2).build());
        // -3 % 2 == 1 in Python: not divisible. -4 % 2 == 0: divisible, then the weight size -2 fails.
        assertRejects(PythonType.ValueError, "in_channels must be divisible by groups",
                () -> ConvSpec.conv1d(-3, 6, 3).groups(2).build());
        assertRejects(PythonType.RuntimeError, "Trying to create tensor with negative dimension -2: [6, -2, 3]",
                () -> ConvSpec.conv1d(-4, 6, 3).groups(2).build());
    }

    @Test
    void rejectsInvalidPaddingStringWithPythonsRepr() {
        assertRejects(PythonType.ValueError, "Invalid padding string 'full', should be one of {'same', 'valid'}",
                () -> ConvSpec.conv1d(2, 2, 3).padding("full").build());
        assertRejects(PythonType.ValueError, "Invalid padding string 'SAME', should be one of {'same', 'valid'}",
                () -> ConvSpec.conv1d(2, 2, 3).padding("SAME").build());
        assertRejects(PythonType.ValueError, "Invalid padding string \"it's\", should be one of {'same', 'valid'}",
                () -> ConvSpec.conv1d(2, 2, 3).padding("it's").build());
    }

    @Test
    void rejectsSamePaddingWithStride() {
        assertRejects(PythonType.ValueError, "padding='same' is not supported for strided convolutions",
                () -> ConvSpec.conv1d(2, 3, 3).padding("same").stride(2).build());
    }

    @Test
    void rejectsUnknownPaddingModeCaseSensitively() {
        assertRejects(PythonType.ValueError, "padding_mode must be one of {'replicate', 'reflect', 'zeros', "
                + "'circular'}, but got padding_mode='Reflect'", () -> ConvSpec.conv1d(3, 3, 3).paddingMode("Reflect")
                        .build());
    }

    @Test
    void rejectsNegativeSizesWhereTheWeightIsAllocated() {
        assertRejects(PythonType.RuntimeError, "Trying to create tensor with negative dimension -1: [5, 4, -1]",
                () -> ConvSpec.conv1d(4, 5, -1).build());
        assertRejects(PythonType.RuntimeError, "Trying to create tensor with negative dimension -3: [-3, -2, 3]",
                () -> ConvSpec.conv1d(-2, -3, 3).build());
    }

    @Test
    void checksInNnConv1dsOrder() {
        // groups, then divisibility, then the padding string, then 'same' with stride, then the mode.
        assertRejects(PythonType.ValueError, "groups must be a positive integer",
                () -> ConvSpec.conv1d(2, 3, 3).groups(0).padding("x").paddingMode("y").build());
        assertRejects(PythonType.ValueError, "in_channels must be divisible by groups",
                () -> ConvSpec.conv1d(3, 4, 3).groups(2).padding("x").build());
        assertRejects(PythonType.ValueError, "Invalid padding string 'x', should be one of {'same', 'valid'}",
                () -> ConvSpec.conv1d(2, 3, 3).padding("x").paddingMode("y").build());
        assertRejects(PythonType.ValueError, "padding='same' is not supported for strided convolutions",
                () -> ConvSpec.conv1d(2, 3, 3).padding("same").stride(2).paddingMode("y").build());
        assertRejects(PythonType.ValueError, "padding_mode must be one of {'replicate', 'reflect', 'zeros', "
                + "'circular'}, but got padding_mode='y'", () -> ConvSpec.conv1d(2, 3, -1).paddingMode("y").build());
    }

    @Test
    void acceptsWhatPyTorchDefersToTheCall() {
        // nn.Conv1d(2, 3, 0), stride 0, dilation 0, negative padding and mismatched tuples construct fine.
        ConvSpec.conv1d(2, 3, 0).build();
        ConvSpec.conv1d(2, 3, 3).stride(0).dilation(0).padding(-1).build();
        ConvSpec.conv1d(2, 3, 3).stride(new int[] {1, 2}).padding(new int[] {1, 2}).build();
    }

    @Test
    void modulePadsForNonZeroModesLikeReversedPaddingRepeatedTwice() {
        assertArrayEquals(new int[] {2, 2}, ConvSpec.conv1d(1, 1, 3).padding(2).build().reversedPaddingRepeatedTwice());
        assertArrayEquals(new int[] {2, 2, 1, 1},
                ConvSpec.conv1d(1, 1, 3).padding(new int[] {1, 2}).build().reversedPaddingRepeatedTwice());
        // 'same' with an even kernel: Python's floor division puts the odd element on the right.
        assertArrayEquals(new int[] {1, 2},
                ConvSpec.conv1d(1, 1, 4).padding("same").build().reversedPaddingRepeatedTwice());
        assertArrayEquals(new int[] {4, 5},
                ConvSpec.conv1d(1, 1, 4).padding("same").dilation(3).build().reversedPaddingRepeatedTwice());
        assertArrayEquals(new int[] {0, 0},
                ConvSpec.conv1d(1, 1, 4).padding("valid").build().reversedPaddingRepeatedTwice());
    }

    @Test
    void equalityIsByValue() {
        ConvSpec a = ConvSpec.conv1d(3, 2, 4).padding(1).build();
        ConvSpec b = ConvSpec.conv1d(3, 2, 4).padding(new int[] {1}).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.withDType(DType.FLOAT64));
    }

    @Test
    void reprFollowsPyTorch() {
        ConvSpec s = ConvSpec.conv1d(4, 4, 3).padding("same").dilation(2).groups(2).bias(false)
                .paddingMode("reflect").build();
        assertEquals("4, 4, kernel_size=(3,), stride=(1,), padding='same', dilation=(2,), groups=2, bias=False, "
                + "padding_mode=reflect", s.torchArguments());
    }
}
