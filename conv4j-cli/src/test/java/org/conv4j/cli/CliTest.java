package org.conv4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.conv4j.functional.Gradients;
import org.conv4j.io.Npy;
import org.conv4j.nn.Conv1d;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path write(String name, Tensor t) throws IOException {
        Path p = dir.resolve(name);
        Npy.write(p, t);
        return p;
    }

    @Test
    void explainWithoutArgumentsTakesTheClassicExampleApart() {
        Run r = run("explain");
        assertEquals(0, r.code(), r.err());
        String o = r.out();
        assertTrue(o.startsWith("Conv1d(3, 2, kernel_size=(4,), stride=(1,))"), o);
        assertTrue(o.contains("weight  [2, 3, 4] = (out_channels, in_channels / groups, kernel_size)"), o);
        assertTrue(o.contains("one row of 4 taps for every (output channel, input channel) pair: 2 x 3 = 6 rows"), o);
        assertTrue(o.contains("bias    [2] = (out_channels)"), o);
        assertTrue(o.contains("output  [1, 2, 7] = (N, out_channels, L_out)"), o);
        assertTrue(o.contains("= floor((10 + 2*0 - 1*(4 - 1) - 1) / 1) + 1"), o);
        assertTrue(o.contains("= floor(6 / 1) + 1 = 7"), o);
        assertTrue(o.contains("output[0, 0, 0] taken apart"), o);
        assertEquals(3, o.split("\n  input channel ", -1).length - 1, o);
        assertTrue(o.contains("+ bias[0]"), o);
        assertTrue(o.contains("output[0, 0, 0] by the layer"), o);
        assertTrue(o.contains("difference"), o);
    }

    @Test
    void explainShowsPaddingGroupsAndWhatFillsPaddedPositions() {
        Run r = run("explain", "--in-channels", "4", "--out-channels", "4", "--kernel-size", "3", "--padding", "same",
                "--padding-mode", "reflect", "--dilation", "2", "--groups", "2", "--element", "0,3,0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("groups=2: output channel 3 is in group 1, which sees input channels 2..3"),
                r.out());
        assertTrue(r.out().matches("(?s).*\n +position +-2 +0 +2\n.*"), r.out());
        assertTrue(r.out().contains("copy of 2"), r.out());
        assertTrue(r.out().contains("padding='same' pads dilation*(kernel_size - 1) = 4 positions: 2 left, 2 right"),
                r.out());
    }

    @Test
    void explainRejectsABadSpecWithPyTorchsMessage() {
        Run r = run("explain", "--groups", "2");
        assertEquals(1, r.code());
        assertEquals("conv4j explain: error: in_channels must be divisible by groups\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void shapeCountsParametersAndFlops() {
        Run r = run("shape");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("output      [1, 2, 7]"), r.out());
        assertTrue(r.out().contains("parameters  26"), r.out());
        assertTrue(r.out().contains("MACs        168"), r.out());
        assertTrue(r.out().contains("FLOPs       336"), r.out());
        Run same = run("shape", "--in-channels", "16", "--out-channels", "33", "--kernel-size", "3", "--stride", "2",
                "--input-shape", "20,16,50");
        assertTrue(same.out().contains("output      [20, 33, 24]"), same.out());
        Run bad = run("shape", "--input-shape", "1,3,2");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("Calculated padded input size per channel: (2). Kernel size: (4)."), bad.err());
    }

    @Test
    void forwardAndBackwardComputeWhatTheLibraryComputes() throws IOException {
        ConvSpec spec = ConvSpec.conv1d(3, 4, 3).padding(1).paddingMode("circular").dtype(DType.FLOAT64).build();
        Conv1d layer = Conv1d.create(spec, 9);
        Tensor x = Tensor.of(DType.FLOAT64, new double[] {1, -2, 3, 0.5, 4, -1, 2, 2, 0, 1, -3, 5}, 1, 3, 4);
        Path xf = write("x.npy", x);
        Path wf = write("w.npy", layer.weight());
        Path bf = write("b.npy", layer.bias());
        Path yf = dir.resolve("y.npy");
        String[] specArgs = {"--in-channels", "3", "--out-channels", "4", "--kernel-size", "3", "--padding", "1",
            "--padding-mode", "circular", "--dtype", "float64", "--weight", wf.toString(), "--bias-file", bf.toString()};
        Run f = run(concat(new String[] {"forward", "--input", xf.toString(), "--output", yf.toString()}, specArgs));
        assertEquals(0, f.code(), f.err());
        assertTrue(layer.forward(x).contentEquals(Npy.read(yf)));

        Tensor gy = Tensor.of(DType.FLOAT64, new double[16], 1, 4, 4);
        gy.doubleData()[5] = 1;
        Path gyf = write("gy.npy", gy);
        Path gi = dir.resolve("gi.npy");
        Path gw = dir.resolve("gw.npy");
        Path gb = dir.resolve("gb.npy");
        Run b = run(concat(new String[] {"backward", "--input", xf.toString(), "--grad-output", gyf.toString(),
            "--grad-input", gi.toString(), "--grad-weight", gw.toString(), "--grad-bias", gb.toString()}, specArgs));
        assertEquals(0, b.code(), b.err());
        Gradients g = layer.backward(x, gy);
        assertTrue(g.gradInput().contentEquals(Npy.read(gi)));
        assertTrue(g.gradWeight().contentEquals(Npy.read(gw)));
        assertTrue(g.gradBias().contentEquals(Npy.read(gb)));
    }

    @Test
    void forwardWithACaseJsonReproducesPyTorch() throws IOException {
        Path c = Path.of(System.getProperty("conv4j.root", "..")).resolve("conformance/cases/pt_cn_pad_same2_f32");
        Path yf = dir.resolve("y.npy");
        Run r = run("forward", "--case", c.resolve("case.json").toString(), "--input", c.resolve("input.npy").toString(),
                "--weight", c.resolve("weight.npy").toString(), "--bias-file", c.resolve("bias.npy").toString(),
                "--output", yf.toString());
        assertEquals(0, r.code(), r.err());
        Tensor expected = Npy.read(c.resolve("output.npy"));
        Tensor actual = Npy.read(yf);
        assertArrayEquals(expected.shape(), actual.shape());
        for (int i = 0; i < expected.numel(); i++) {
            assertEquals(expected.getDouble(i), actual.getDouble(i), 1e-5);
        }
    }

    @Test
    void badInputFailsWithPyTorchsMessageAndWritesNothing() throws IOException {
        Path xf = write("x.npy", Tensor.zeros(DType.FLOAT32, 1, 5, 10));
        Path yf = dir.resolve("y.npy");
        Run r = run("forward", "--input", xf.toString(), "--output", yf.toString());
        assertEquals(1, r.code());
        assertEquals("conv4j forward: error: Given groups=1, weight of size [2, 3, 4], expected input[1, 5, 10] to "
                + "have 3 channels, but got 5 channels instead\n", r.err());
        assertFalse(Files.exists(yf));
    }

    @Test
    void unreadableFilesAreNamedAndNothingIsWritten() throws IOException {
        Path xf = write("x.npy", Tensor.zeros(DType.FLOAT32, 1, 3, 10));
        Path gyf = dir.resolve("gy.npy");
        Files.writeString(gyf, "not numpy");
        Path gi = dir.resolve("gi.npy");
        Path gw = dir.resolve("gw.npy");
        Run r = run("backward", "--input", xf.toString(), "--grad-output", gyf.toString(), "--grad-input",
                gi.toString(), "--grad-weight", gw.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(gyf.toString() + ": not a .npy file"), r.err());
        assertFalse(Files.exists(gi));
        assertFalse(Files.exists(gw));

        Path wrongShape = write("gy2.npy", Tensor.zeros(DType.FLOAT32, 1, 2, 5));
        Run s = run("backward", "--input", xf.toString(), "--grad-output", wrongShape.toString(), "--grad-input",
                gi.toString());
        assertEquals(1, s.code());
        assertTrue(s.err().contains("Mismatch in shape: grad_output[0] has a shape of torch.Size([1, 2, 5]) and "
                + "output[0] has a shape of torch.Size([1, 2, 7])."), s.err());
        assertFalse(Files.exists(gi));
    }

    @Test
    void conformanceWritesResultsOrErrors() throws IOException {
        Path cases = Path.of(System.getProperty("conv4j.root", "..")).resolve("conformance/cases");
        Path some = dir.resolve("cases");
        for (String id : new String[] {"tut_3_2_4", "err_groups_in"}) {
            Path to = some.resolve(id);
            Files.createDirectories(to);
            try (var files = Files.list(cases.resolve(id))) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        Path results = dir.resolve("results");
        Run r = run("conformance", "--cases", some.toString(), "--results", results.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("2 cases: 1 computed, 1 raised an error"), r.out());
        for (String f : new String[] {"output.npy", "grad_input.npy", "grad_weight.npy", "grad_bias.npy"}) {
            assertTrue(Files.exists(results.resolve("tut_3_2_4").resolve(f)), f);
        }
        assertEquals("ValueError: in_channels must be divisible by groups\n",
                Files.readString(results.resolve("err_groups_in/error.txt")));
    }

    @Test
    void benchTimesASuiteAndWritesCsv() throws IOException {
        Path shapes = dir.resolve("shapes.csv");
        Files.writeString(shapes, "name,N,C_in,C_out,L,K,stride,padding,dilation,groups\n"
                + "# a comment\n"
                + "tiny,1,4,4,32,3,1,same,1,1\n"
                + "strided,2,3,5,40,4,2,1,1,1\n");
        Path csv = dir.resolve("out/bench.csv");
        Run r = run("bench", "--shapes", shapes.toString(), "--mode", "fwd,fwdbwd", "--rounds", "1", "--warmup", "0",
                "--min-time", "0", "--min-reps", "3", "--threads", "1", "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("FMA peak"), r.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("name,mode,threads,ms,gflops,peak_pct", lines.get(0));
        assertEquals(5, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("tiny,fwd,1,"), lines.get(1));
        assertTrue(lines.get(4).startsWith("strided,fwdbwd,1,"), lines.get(4));
        Run bad = run("bench", "--shapes", shapes.toString(), "--mode", "sideways");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("--mode"), bad.err());
    }

    @Test
    void badUsageExitsWithTwo() {
        Run r = run("explain", "--no-such-option");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown option: '--no-such-option'"), r.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
