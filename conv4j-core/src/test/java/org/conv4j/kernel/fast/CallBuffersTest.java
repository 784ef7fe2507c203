package org.conv4j.kernel.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.conv4j.kernel.ConvProblem;
import org.conv4j.kernel.KernelWeight;
import org.conv4j.kernel.ReferenceConvKernel;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The pool of large per-call operands (Note [Call buffers]): what it hands out, and that the weight gradient,
 * which takes its transposed input, packed output gradient and chunk sums from it, gives the same bits whatever a
 * previous user left in the pooled arrays.
 */
class CallBuffersTest {

    @Test
    void aGivenArrayIsTakenAgainAndSmallOnesAreNotPooled() {
        drain(Typed.F32);
        drain(Typed.F64);
        int n = CallBuffers.MIN_POOLED_ELEMENTS + 123;
        Object a = CallBuffers.take(Typed.F32, n);
        assertTrue(((float[]) a).length >= n);
        CallBuffers.give(a);
        // Identity, not contents: assertSame would print whole arrays.
        assertTrue(a == CallBuffers.take(Typed.F32, n), "the pooled array");
        assertTrue(a != CallBuffers.take(Typed.F32, n), "taken arrays are the taker's alone");
        CallBuffers.give(a);
        assertTrue(CallBuffers.take(Typed.F64, n) instanceof double[], "float64 has its own pool");

        Object small = CallBuffers.take(Typed.F32, 100);
        CallBuffers.give(small);
        assertTrue(small != CallBuffers.take(Typed.F32, 100), "small arrays are not pooled");
    }

    @Test
    void thePoolKeepsTheLargestArraysUpToItsBound() {
        drain(Typed.F64);
        List<Object> arrays = new ArrayList<>();
        for (int i = 0; i < CallBuffers.MAX_POOLED + 3; i++) {
            arrays.add(Typed.F64.alloc(CallBuffers.MIN_POOLED_ELEMENTS + i));
        }
        arrays.forEach(CallBuffers::give);
        List<Object> kept = drain(Typed.F64);
        assertEquals(CallBuffers.MAX_POOLED, kept.size());
        for (Object k : kept) {
            assertTrue(arrays.indexOf(k) >= 3, "the three smallest went");
        }
    }

    /**
     * Weight gradients through the transposed input (short rows, and pointwise with many channels: xT, packed gy
     * and the sums pooled) and through dot products in chunks (long rows: the chunk sums pooled), in float32 and
     * float64: the same bits with the pool full of NaN as with fresh arrays, and close to the reference.
     */
    @Test
    void theWeightGradientIgnoresWhatPooledArraysHeld() {
        ImplicitGemmConvKernel kernel = new ImplicitGemmConvKernel(ConvMaths.scalar());
        ConvProblem transposed = new ConvProblem(16, 320, 72, 1, new int[] {64}, new int[] {3}, new int[] {1},
                new int[] {1}, new int[] {1}, new int[] {1}, new int[] {64});
        ConvProblem chunked = new ConvProblem(1, 64, 64, 1, new int[] {8200}, new int[] {8}, new int[] {1},
                new int[] {0}, new int[] {0}, new int[] {1}, new int[] {8193});
        // Long rows, pointwise, many channels: the GEMM from the transposed input (GemmWeightGradient.pointwiseGemm).
        ConvProblem pointwise = new ConvProblem(2, 128, 128, 1, new int[] {300}, new int[] {1}, new int[] {1},
                new int[] {0}, new int[] {0}, new int[] {1}, new int[] {300});
        assertTrue(GemmWeightGradient.pointwiseGemm(ImplicitGemmConvKernel.Geometry.of(pointwise)));
        for (ConvProblem p : List.of(transposed, chunked, pointwise)) {
            for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
                Typed t = Typed.of(dtype);
                Tensor x = random(dtype, 1, p.batch(), p.inChannels(), p.inputSize()[0]);
                Tensor gy = random(dtype, 2, p.batch(), p.outChannels(), p.outputSize()[0]);
                drain(t);
                double[] fresh = weightGradient(kernel, p, x, gy);
                poison(t);
                double[] afterNaN = weightGradient(kernel, p, x, gy);
                assertArrayEquals(fresh, afterNaN, p + " " + dtype);
                assertTrue(Arrays.stream(afterNaN).allMatch(Double::isFinite), p + " " + dtype);
                double[] reference = weightGradient(new ReferenceConvKernel(), p, x, gy);
                for (int i = 0; i < reference.length; i++) {
                    assertEquals(reference[i], afterNaN[i], 1e-4 * Math.sqrt(p.batch() * p.outputSize()[0]),
                            p + " " + dtype + " element " + i);
                }
            }
        }
    }

    private static double[] weightGradient(org.conv4j.kernel.ConvKernel kernel, ConvProblem p, Tensor x, Tensor gy) {
        Tensor gw = Tensor.zeros(x.dtype(), p.outChannels(), p.inChannels() / p.groups(), p.kernelSize()[0]);
        kernel.backwardWeight(p, x, gy, gw);
        return gw.toDoubleArray();
    }

    /** Fills the pool with NaN-filled arrays of every size the tests take. */
    private static void poison(Typed t) {
        drain(t);
        for (int i = 0; i < CallBuffers.MAX_POOLED; i++) {
            Object a = t.alloc(CallBuffers.MIN_POOLED_ELEMENTS << (i % 5));
            t.fill(a, 0, t.length(a), Double.NaN);
            CallBuffers.give(a);
        }
    }

    private static List<Object> drain(Typed t) {
        return CallBuffers.takeAll(t);
    }

    private static Tensor random(DType dtype, long seed, int... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] data = new double[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        Arrays.setAll(data, i -> r.nextDouble(-1, 1));
        return Tensor.of(dtype, data, shape);
    }
}
