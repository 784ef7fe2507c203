package org.conv4j.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.conv4j.kernel.ConvKernel;
import org.conv4j.kernel.ConvKernels;
import org.conv4j.kernel.ConvProblem;
import org.conv4j.kernel.KernelDifferential;
import org.conv4j.kernel.fast.ConvMaths;
import org.conv4j.kernel.fast.DepthwiseConvKernel;
import org.conv4j.kernel.fast.ImplicitGemmConvKernel;
import org.conv4j.kernel.fast.Parallel;
import org.conv4j.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Vector API kernels against the reference, against the scalar kernels (bit for bit), across threads. */
class VectorKernelsTest {

    static Stream<Integer> seeds() {
        return IntStream.range(0, 1500).boxed();
    }

    private static List<ConvKernel> vector() {
        List<ConvKernel> k = ConvKernels.ordered("simd");
        assertFalse(k.isEmpty(), "the Vector API kernels did not load: " + ConvMaths.vectorUnavailableReason());
        return k;
    }

    @Test
    void loadWhenTheIncubatorModuleIsPresent() {
        assertTrue(ConvMaths.vector() instanceof PanamaConvMath, ConvMaths.vectorUnavailableReason());
        assertTrue(vector().get(0).name().endsWith("/" + ConvMaths.vector().isa()));
        assertEquals("reference", vector().get(vector().size() - 1).name());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void matchTheReference(int seed) {
        ConvProblem p = KernelDifferential.randomProblem(new SplittableRandom(seed));
        DType dtype = seed % 2 == 0 ? DType.FLOAT32 : DType.FLOAT64;
        for (ConvKernel k : vector()) {
            if (k.supports(p, dtype) && k != ConvKernels.reference()) {
                KernelDifferential.assertMatchesReference(k, p, dtype, seed);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void equalTheScalarKernelsBitForBit(int seed) {
        if (seed % 3 != 0) {
            return; // a third of the seeds is plenty: the contract is structural (Note [Bit-identical tiles])
        }
        ConvProblem p = KernelDifferential.randomProblem(new SplittableRandom(seed));
        DType dtype = seed % 2 == 0 ? DType.FLOAT32 : DType.FLOAT64;
        List<ConvKernel> scalar = ConvKernels.ordered("scalar");
        List<ConvKernel> simd = vector();
        for (int i = 0; i < simd.size() - 1; i++) {
            if (simd.get(i).supports(p, dtype)) {
                var a = KernelDifferential.run(simd.get(i), p, dtype, seed);
                var b = KernelDifferential.run(scalar.get(i), p, dtype, seed);
                assertTrue(a.bitIdentical(b), simd.get(i).name() + " vs " + scalar.get(i).name() + " on " + p);
            }
        }
    }

    /**
     * Both register tile shapes, whichever this machine picks by default: the 5 x 2 tile of AVX2 machines and the
     * 8 x 2 tile of AVX-512 machines (the Vector API emulates wider vectors where the hardware lacks them).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyTileShapeMatchesTheReferenceAndTheScalarKernels(int seed) {
        if (seed % 5 != 0) {
            return;
        }
        ConvProblem p = KernelDifferential.randomProblem(new SplittableRandom(seed));
        DType dtype = seed % 2 == 0 ? DType.FLOAT32 : DType.FLOAT64;
        List<ConvKernel> scalar = ConvKernels.ordered("scalar");
        for (PanamaConvMath math : List.of(new PanamaConvMath5x2(), new PanamaConvMath8x2())) {
            List<ConvKernel> kernels = List.of(new DepthwiseConvKernel(math), new ImplicitGemmConvKernel(math));
            for (int i = 0; i < kernels.size(); i++) {
                ConvKernel k = kernels.get(i);
                if (k.supports(p, dtype)) {
                    KernelDifferential.assertMatchesReference(k, p, dtype, seed);
                    var a = KernelDifferential.run(k, p, dtype, seed);
                    var b = KernelDifferential.run(scalar.get(i), p, dtype, seed);
                    assertTrue(a.bitIdentical(b), math.tileRows() + "-row " + k.name() + " vs " + scalar.get(i).name()
                            + " on " + p);
                }
            }
        }
    }

    @Test
    void areBitIdenticalForAnyThreadCountAndRunToRun() {
        int before = Parallel.threads();
        try {
            for (int seed = 0; seed < 40; seed++) {
                ConvProblem p = KernelDifferential.randomProblem(new SplittableRandom(seed));
                for (ConvKernel k : vector()) {
                    if (!k.supports(p, DType.FLOAT32)) {
                        continue;
                    }
                    Parallel.setThreads(1);
                    var one = KernelDifferential.run(k, p, DType.FLOAT32, seed);
                    Parallel.setThreads(2);
                    var two = KernelDifferential.run(k, p, DType.FLOAT32, seed);
                    Parallel.setThreads(5);
                    var five = KernelDifferential.run(k, p, DType.FLOAT32, seed);
                    var again = KernelDifferential.run(k, p, DType.FLOAT32, seed);
                    assertTrue(one.bitIdentical(two) && one.bitIdentical(five) && five.bitIdentical(again),
                            k.name() + " on " + p);
                }
            }
        } finally {
            Parallel.setThreads(before);
        }
    }
}
