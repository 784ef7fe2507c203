package org.conv4j.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.conv4j.TestTensors;
import org.conv4j.functional.Gradients;
import org.conv4j.nn.Conv1d;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * One layer serving many request threads at once: every call gives, bit for bit, what the same call gives alone.
 * Each round starts on a fresh layer, so that the threads also race for its first packing of the weights (cached
 * in the layer), and the calls are large enough for the kernels' own helper threads (which one caller gets while
 * the others run their items on their own threads).
 */
class SharedLayerTest {
    private static final int CALLERS = 4;
    private static final int CALLS = 4;

    private static List<ConvSpec> specs() {
        return List.of(
                ConvSpec.conv1d(32, 32, 3).padding(2).dilation(2).build(), // implicit GEMM, tap-major
                ConvSpec.conv1d(48, 48, 9).padding(4).groups(48).build(), // depthwise
                ConvSpec.conv1d(64, 64, 3).padding(new int[] {1}).groups(8).paddingMode("reflect").build(),
                ConvSpec.conv1d(1, 24, 80).stride(4).dtype(DType.FLOAT64).build(), // an audio front-end
                ConvSpec.conv1d(96, 40, 1).build()); // pointwise
    }

    private static int[] inputShape(ConvSpec spec) {
        return new int[] {3, spec.inChannels(), spec.inChannels() == 1 ? 2000 : 400};
    }

    private record Call(Tensor output, Gradients gradients) {
    }

    private static Call call(Conv1d layer, Tensor x, Tensor gy) {
        return new Call(layer.forward(x), layer.backward(x, gy));
    }

    @Test
    void callsFromManyThreadsAtOnceEqualTheSameCallsAlone() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            long seed = 1;
            for (ConvSpec spec : specs()) {
                SplittableRandom rnd = new SplittableRandom(seed++);
                Conv1d template = Conv1d.create(spec, seed);
                int[] shape = inputShape(spec);
                int[] outShape = template.outputShape(shape);
                Tensor[] xs = new Tensor[CALLERS];
                Tensor[] gys = new Tensor[CALLERS];
                Call[] alone = new Call[CALLERS];
                for (int c = 0; c < CALLERS; c++) {
                    xs[c] = TestTensors.random(rnd, spec.dtype(), shape);
                    gys[c] = TestTensors.random(rnd, spec.dtype(), outShape);
                    alone[c] = call(template.withParameters(template.weight(), template.bias()), xs[c], gys[c]);
                }
                Conv1d shared = template.withParameters(template.weight(), template.bias());
                CyclicBarrier start = new CyclicBarrier(CALLERS);
                List<Future<List<Call>>> results = new ArrayList<>();
                for (int c = 0; c < CALLERS; c++) {
                    int caller = c;
                    results.add(pool.submit(() -> {
                        start.await();
                        List<Call> calls = new ArrayList<>();
                        for (int i = 0; i < CALLS; i++) {
                            calls.add(call(shared, xs[caller], gys[caller]));
                        }
                        return calls;
                    }));
                }
                for (int c = 0; c < CALLERS; c++) {
                    List<Call> calls = results.get(c).get();
                    assertEquals(CALLS, calls.size());
                    for (int i = 0; i < CALLS; i++) {
                        String what = spec + ", caller " + c + ", call " + i;
                        assertSame(alone[c].output(), calls.get(i).output(), what + ": output");
                        assertSame(alone[c].gradients().gradInput(), calls.get(i).gradients().gradInput(),
                                what + ": grad_input");
                        assertSame(alone[c].gradients().gradWeight(), calls.get(i).gradients().gradWeight(),
                                what + ": grad_weight");
                        assertSame(alone[c].gradients().gradBias(), calls.get(i).gradients().gradBias(),
                                what + ": grad_bias");
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Bit-identical (the kernels' reduction order does not depend on threads), naming the first difference. */
    private static void assertSame(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        TestTensors.assertClose(expected, actual, 0, 0, what);
    }
}
