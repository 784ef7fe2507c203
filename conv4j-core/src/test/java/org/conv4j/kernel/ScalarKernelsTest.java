package org.conv4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.conv4j.kernel.fast.Parallel;
import org.conv4j.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast kernels with scalar inner loops (what runs without the Vector API) against the reference. */
class ScalarKernelsTest {

    static Stream<Integer> seeds() {
        return IntStream.range(0, 400).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyFastKernelMatchesTheReference(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ConvProblem p = KernelDifferential.randomProblem(r);
        DType dtype = seed % 2 == 0 ? DType.FLOAT32 : DType.FLOAT64;
        for (ConvKernel k : ConvKernels.ordered("scalar")) {
            if (k.supports(p, dtype) && k != ConvKernels.reference()) {
                KernelDifferential.assertMatchesReference(k, p, dtype, seed);
            }
        }
    }

    @Test
    void theListEndsWithTheReferenceWhichSupportsEverything() {
        var list = ConvKernels.ordered("scalar");
        assertEquals("reference", list.get(list.size() - 1).name());
        assertTrue(list.stream().anyMatch(k -> k.name().startsWith("implicit-gemm/scalar")));
        assertTrue(list.stream().anyMatch(k -> k.name().startsWith("depthwise/scalar")));
    }

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        int before = Parallel.threads();
        try {
            for (int seed = 0; seed < 30; seed++) {
                ConvProblem p = KernelDifferential.randomProblem(new SplittableRandom(seed));
                for (ConvKernel k : ConvKernels.ordered("scalar")) {
                    if (!k.supports(p, DType.FLOAT32)) {
                        continue;
                    }
                    Parallel.setThreads(1);
                    var one = KernelDifferential.run(k, p, DType.FLOAT32, seed);
                    Parallel.setThreads(3);
                    var three = KernelDifferential.run(k, p, DType.FLOAT32, seed);
                    assertTrue(one.bitIdentical(three), k.name() + " on " + p);
                }
            }
        } finally {
            Parallel.setThreads(before);
        }
    }
}
