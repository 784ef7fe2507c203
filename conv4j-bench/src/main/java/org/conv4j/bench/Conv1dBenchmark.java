package org.conv4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.conv4j.functional.Gradients;
import org.conv4j.kernel.fast.Parallel;
import org.conv4j.nn.Conv1d;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;

/**
 * Conv1d forward and forward+backward on the shapes of {@code shared/bench/shapes.csv} (a copy is a resource of this
 * module), results written into reused buffers as a service would. {@code -p shape=large_256_k3,tiny_16_k3} picks
 * shapes, {@code -p threads=1} the threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
public class Conv1dBenchmark {

    @Param({"audio_k80_s4", "audio_k400_s160", "tcn_d1", "tcn_d2", "tcn_d4", "tcn_d8", "textcnn_k3", "textcnn_k5",
        "depthwise_k9", "grouped_g8", "pointwise_750_14", "pointwise_512", "resnet1d_k3", "large_256_k3",
        "tiny_16_k3"})
    public String shape;

    @Param({"2"})
    public int threads;

    private Conv1d layer;
    private Tensor x;
    private Tensor y;
    private Tensor gy;
    private Gradients grads;

    @Setup
    public void setUp() throws IOException {
        Parallel.setThreads(threads);
        String[] f = row(shape);
        int n = Integer.parseInt(f[1]);
        int cIn = Integer.parseInt(f[2]);
        int cOut = Integer.parseInt(f[3]);
        int l = Integer.parseInt(f[4]);
        ConvSpec.Builder b = ConvSpec.conv1d(cIn, cOut, Integer.parseInt(f[5])).stride(Integer.parseInt(f[6]))
                .dilation(Integer.parseInt(f[8])).groups(Integer.parseInt(f[9]));
        if (f[7].equals("same") || f[7].equals("valid")) {
            b.padding(f[7]);
        } else {
            b.padding(Integer.parseInt(f[7]));
        }
        layer = Conv1d.create(b.build(), 0);
        Random r = new Random(1);
        x = gaussian(r, n, cIn, l);
        gy = gaussian(r, layer.outputShape(n, cIn, l));
        y = Tensor.zeros(DType.FLOAT32, gy.shape());
        grads = new Gradients(Tensor.zeros(DType.FLOAT32, x.shape()), layer.weight(), layer.bias());
    }

    private static String[] row(String name) throws IOException {
        try (var in = Objects.requireNonNull(Conv1dBenchmark.class.getResourceAsStream("/shapes.csv"));
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> rows = reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(",")).toList();
            return rows.stream().filter(r -> r[0].equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no shape " + name + " in shapes.csv; have "
                            + Arrays.toString(rows.stream().skip(1).map(r -> r[0]).toArray())));
        }
    }

    private static Tensor gaussian(Random r, int... shape) {
        Tensor t = Tensor.zeros(DType.FLOAT32, shape);
        float[] d = t.floatData();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextGaussian();
        }
        return t;
    }

    @Benchmark
    public Tensor forward() {
        layer.forward(x, y);
        return y;
    }

    @Benchmark
    public Gradients forwardBackward() {
        layer.forward(x, y);
        layer.backward(x, gy, grads);
        return grads;
    }
}
