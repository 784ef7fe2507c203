package org.conv4j.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.conv4j.functional.Gradients;
import org.conv4j.io.AtomicFiles;
import org.conv4j.kernel.ConvKernels;
import org.conv4j.kernel.ConvProblem;
import org.conv4j.kernel.fast.ConvMath;
import org.conv4j.kernel.fast.ConvMaths;
import org.conv4j.kernel.fast.Parallel;
import org.conv4j.nn.Conv1d;
import org.conv4j.spec.ConvShapes;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;
import org.conv4j.tensor.TensorMeta;

/**
 * {@code conv4j bench}: times Conv1d on a suite of shapes the way {@code shared/bench/torch_bench.py} times PyTorch
 * (warm-up, then the median of timed calls; the best of several interleaved rounds), beside the machine's FMA
 * peak measured in the same run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time Conv1d forward (and forward+backward) on a suite of shapes; print ms, GFLOP/s and %% of "
            + "the FMA peak measured in the same run.",
            "Calls write into buffers reused across calls (Conv1d.forward(x, out), backward(x, gy, into)).",
            "FLOPs per forward call: 2*N*C_out*L_out*(C_in/groups)*K; forward+backward counts 3x that."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(names = "--shapes", required = true, paramLabel = "CSV",
            description = "name,N,C_in,C_out,L,K,stride,padding,dilation,groups (padding: integer, same or valid)")
    Path shapes;

    @Option(names = "--threads", paramLabel = "N", description = "threads (default: available cores)")
    Integer threads;

    @Option(names = "--mode", defaultValue = "fwd", paramLabel = "MODES",
            description = "fwd, fwdbwd, or both as fwd,fwdbwd (default: fwd)")
    String mode;

    @Option(names = "--csv", paramLabel = "OUT", description = "write name,mode,threads,ms,gflops,peak_pct here")
    Path csv;

    @Option(names = "--compare", paramLabel = "TORCH_CSV",
            description = "PyTorch's results from torch_bench.py --out, shown beside conv4j's")
    Path compare;

    @Option(names = "--only", paramLabel = "NAMES", description = "comma-separated shape names")
    String only;

    @Option(names = "--dtype", defaultValue = "float32", description = "float32 or float64 (default: float32)")
    String dtype;

    @Option(names = "--rounds", defaultValue = "3", description = "interleaved passes over the suite (default: 3)")
    int rounds;

    @Option(names = "--min-time", defaultValue = "0.5", description = "seconds of timed calls per shape and round")
    double minTime;

    @Option(names = "--min-reps", defaultValue = "10", description = "timed calls per shape and round (at least)")
    int minReps;

    @Option(names = "--warmup", defaultValue = "0.2", description = "seconds of warm-up per shape and round")
    double warmup;

    /** A timed case: median and fastest call of the timed calls of one round. */
    record Timing(double medianMs, double minMs) {
    }

    private Timing time(Runnable call) {
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        int n = 0;
        while (n < 2 || System.nanoTime() < warmEnd) {
            call.run();
            n++;
        }
        List<Double> times = new ArrayList<>();
        long end = System.nanoTime() + (long) (minTime * 1e9);
        while (times.size() < minReps || (System.nanoTime() < end && times.size() < 2000)) {
            long t0 = System.nanoTime();
            call.run();
            times.add((System.nanoTime() - t0) / 1e6);
        }
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return new Timing(median, sorted[0]);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        if (threads != null) {
            Parallel.setThreads(threads);
        }
        int nThreads = Parallel.threads();
        DType dt = DType.parse(dtype);
        if (rounds < 1 || minReps < 1) {
            throw new IllegalArgumentException("--rounds and --min-reps must be at least 1, got " + rounds + " and "
                    + minReps);
        }
        if (!(minTime >= 0) || !(warmup >= 0)) {
            throw new IllegalArgumentException("--min-time and --warmup must be at least 0, got " + minTime + " and "
                    + warmup);
        }
        if (csv != null && Files.isDirectory(csv)) {
            throw new IllegalArgumentException("--csv " + csv + " is a directory");
        }
        if (csv != null && Files.exists(csv) && Files.isSameFile(csv, shapes)) {
            throw new IllegalArgumentException("--csv is the --shapes file: the results would overwrite the suite");
        }
        List<String> modes = Arrays.stream(mode.split(",")).map(String::trim).distinct().toList();
        for (String m : modes) {
            if (!m.equals("fwd") && !m.equals("fwdbwd")) {
                throw new IllegalArgumentException("--mode: expected fwd, fwdbwd or fwd,fwdbwd, got '" + mode + "'");
            }
        }
        List<BenchFiles.Shape> suite = BenchFiles.readShapes(shapes);
        if (only != null) {
            Set<String> keep = Set.of(only.split(","));
            Set<String> unknown = new TreeSet<>(keep);
            suite.forEach(s -> unknown.remove(s.name()));
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("--only: no shape named " + String.join(", ", unknown) + " in "
                        + shapes);
            }
            suite = suite.stream().filter(s -> keep.contains(s.name())).toList();
        }
        // Every shape is checked before anything is timed, with PyTorch's message for an illegal one.
        for (BenchFiles.Shape s : suite) {
            if (s.n() < 1 || s.cIn() < 1) {
                throw new IllegalArgumentException(shapes + ": " + s.name() + ": N and C_in must be at least 1 to "
                        + "time a call, got " + s.n() + " and " + s.cIn());
            }
            try {
                Conv1d.outputShape(s.spec(dt), s.n(), s.cIn(), s.l());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(shapes + ": " + s.name() + ": " + e.getMessage(), e);
            }
        }
        Map<String, Double> torch = compare == null ? Map.of() : BenchFiles.readTorch(compare);
        ConvMath math = ConvMaths.best();
        // Measured before every round and after the last (Note [Highest peak] in FmaPeak).
        List<FmaPeak> peaks = new ArrayList<>();
        peaks.add(FmaPeak.measure(math, nThreads));
        out.printf(Locale.ROOT, "# conv4j bench: %s, %d thread(s), FMA peak %.1f GFLOP/s (%s FMA loop, same run, "
                + "highest of %d runs; median %.1f), java %s, %d round(s)%n", dt, nThreads, peaks.get(0).highest(),
                math.isa(), FmaPeak.RUNS, peaks.get(0).median(), Runtime.version(), rounds);
        out.flush();

        Map<String, List<Timing>> results = new HashMap<>();
        Map<String, String> kernelOf = new HashMap<>();
        Random rnd = new Random(1);
        for (int round = 0; round < rounds; round++) {
            for (BenchFiles.Shape s : suite) {
                ConvSpec spec = s.spec(dt);
                Conv1d layer = Conv1d.create(spec, 0);
                int[] inShape = {s.n(), s.cIn(), s.l()};
                Tensor x = gaussian(rnd, dt, inShape);
                Tensor gy = gaussian(rnd, dt, layer.outputShape(inShape));
                ConvProblem problem = layer.plan(TensorMeta.of(x)).conv().conv().problem();
                kernelOf.put(s.name(), ConvKernels.select(problem, dt).forwardAlgorithm(problem, dt));
                // Results go into buffers reused across calls, as a service would (and as PyTorch's caching
                // allocator reuses memory); Java would otherwise zero a fresh result array on every call.
                Tensor y = Tensor.zeros(dt, gy.shape());
                Gradients grads = new Gradients(Tensor.zeros(dt, inShape), layer.weight(), layer.bias());
                for (String m : modes) {
                    Runnable call = m.equals("fwd") ? () -> layer.forward(x, y) : () -> {
                        layer.forward(x, y);
                        layer.backward(x, gy, grads);
                    };
                    results.computeIfAbsent(s.name() + "/" + m, k -> new ArrayList<>()).add(time(call));
                }
            }
            peaks.add(FmaPeak.measure(math, nThreads));
            out.printf(Locale.ROOT, "# round %d/%d done, FMA peak after it %.1f GFLOP/s (median %.1f)%n", round + 1,
                    rounds, peaks.get(peaks.size() - 1).highest(), peaks.get(peaks.size() - 1).median());
            out.flush();
        }

        double peak = peaks.stream().mapToDouble(FmaPeak::highest).max().orElseThrow();
        out.printf(Locale.ROOT, "# FMA peak before each round and after the last: %s GFLOP/s (highest run / median "
                + "of %d); %% of peak is of the highest, %.1f (Note [Highest peak] in FmaPeak)%n", String.join(", ",
                peaks.stream().map(p -> String.format(Locale.ROOT, "%.1f/%.1f", p.highest(), p.median())).toList()),
                FmaPeak.RUNS, peak);
        String cmp = torch.isEmpty() ? "" : String.format(Locale.ROOT, " %10s %8s", "torch ms", "speedup");
        out.printf(Locale.ROOT, "%-18s %-7s %6s %9s %10s %9s %6s%s  %s%n", "shape", "mode", "L_out", "MFLOP", "ms",
                "GFLOP/s", "%peak", cmp, "kernel");
        List<String> csvRows = new ArrayList<>();
        csvRows.add("name,mode,threads,ms,gflops,peak_pct");
        Map<String, List<Double>> speedups = new LinkedHashMap<>();
        for (BenchFiles.Shape s : suite) {
            ConvSpec spec = s.spec(dt);
            int[] outShape = Conv1d.create(spec, 0).outputShape(s.n(), s.cIn(), s.l());
            long flops = ConvShapes.flops(spec, outShape);
            for (String m : modes) {
                double ms = results.get(s.name() + "/" + m).stream().mapToDouble(Timing::medianMs).min().orElseThrow();
                double f = (m.equals("fwd") ? 1 : 3) * (double) flops;
                double gflops = f / (ms * 1e-3) / 1e9;
                String side = "";
                Double tms = torch.get(s.name() + "/" + m);
                if (tms != null) {
                    side = String.format(Locale.ROOT, " %10.3f %7.2fx", tms, tms / ms);
                    speedups.computeIfAbsent(m, k -> new ArrayList<>()).add(tms / ms);
                } else if (!torch.isEmpty()) {
                    side = String.format(Locale.ROOT, " %10s %8s", "-", "-");
                }
                out.printf(Locale.ROOT, "%-18s %-7s %6d %9.1f %10.3f %9.1f %5.1f%%%s  %s%n", s.name(), m,
                        outShape[2], flops / 1e6, ms, gflops, 100 * gflops / peak, side, kernelOf.get(s.name()));
                csvRows.add(String.format(Locale.ROOT, "%s,%s,%d,%.4f,%.2f,%.1f", s.name(), m, nThreads, ms, gflops,
                        100 * gflops / peak));
            }
        }
        for (Map.Entry<String, List<Double>> e : speedups.entrySet()) {
            double logSum = 0;
            double worst = Double.MAX_VALUE;
            for (double v : e.getValue()) {
                logSum += Math.log(v);
                worst = Math.min(worst, v);
            }
            out.printf(Locale.ROOT, "# %s: geometric mean speedup over PyTorch %.2fx, lowest %.2fx (%d shapes)%n",
                    e.getKey(), Math.exp(logSum / e.getValue().size()), worst, e.getValue().size());
        }
        if (csv != null) {
            Path parent = csv.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicFiles.writeAll(Map.of(csv, (String.join("\n", csvRows) + "\n").getBytes(StandardCharsets.UTF_8)));
            out.println("# wrote " + csv);
        }
        return 0;
    }

    private static Tensor gaussian(Random rnd, DType dtype, int[] shape) {
        double[] v = new double[org.conv4j.tensor.Shapes.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        return Tensor.of(dtype, v, shape);
    }
}
