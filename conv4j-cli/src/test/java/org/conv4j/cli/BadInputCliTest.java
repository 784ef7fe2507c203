package org.conv4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.conv4j.io.Npy;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input found by probing the command line: each gets a clear error and exit code 1, never an internal error
 * or a stack trace, and leaves no output (nor an earlier run's output) behind.
 */
class BadInputCliTest {
    @TempDir
    Path dir;

    private static CliTest.Run fails(String... args) {
        CliTest.Run r = CliTest.run(args);
        assertEquals(1, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("internal error") || r.err().contains("\tat "), r.err());
        return r;
    }

    private Path npy(String name, int... shape) throws IOException {
        Path p = dir.resolve(name);
        Npy.write(p, Tensor.zeros(DType.FLOAT32, shape));
        return p;
    }

    @Test
    void sizesBeyondAnArrayAreRefusedNotOverflowed() {
        assertEquals("conv4j shape: error: output size 2147483651 is more than a Java array can hold\n",
                fails("shape", "--padding", "1073741822").err());
        assertEquals("conv4j shape: error: padding='same' with dilation 1073741824 and kernel size 3 pads by "
                + "2147483648 in all, more than conv4j can handle\n",
                fails("shape", "--padding", "same", "--dilation", "1073741824", "--kernel-size", "3").err());
        assertEquals("conv4j compare: error: at most 1000 layers, got 2147483647\n",
                fails("compare", "--layers", "2147483647").err());
        assertTrue(fails("compare", "--batch", "2147483647", "--seqs", "2147483647", "--embed", "2147483647").err()
                .contains("the counts do not fit in 64 bits"));
    }

    @Test
    void shapeArithmeticAllocatesNoWeight() {
        // 40000 x 40000 float32 weights would be 6.4 GB.
        CliTest.Run r = CliTest.run("shape", "--in-channels", "40000", "--out-channels", "40000", "--kernel-size",
                "1", "--input-shape", "1,40000,10");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("parameters  1,600,040,000"), r.out());
    }

    @Test
    void aDirectoryIsNamedWhereAFileIsExpected() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertEquals("conv4j forward: error: " + sub + ": is a directory, not a file\n",
                fails("forward", "--input", sub.toString(), "--output", dir.resolve("o.npy").toString()).err());
    }

    @Test
    void noOutputIsWrittenUnlessEveryOutputCanBe() throws IOException {
        Path x = npy("x.npy", 1, 3, 10);
        Path gy = npy("gy.npy", 1, 2, 7);
        Path gi = dir.resolve("gi.npy");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertTrue(fails("backward", "--input", x.toString(), "--grad-output", gy.toString(), "--grad-input",
                gi.toString(), "--grad-weight", sub.toString()).err().contains(sub + ": is a directory"));
        assertFalse(Files.exists(gi));
        assertTrue(fails("backward", "--input", x.toString(), "--grad-output", gy.toString(), "--grad-input",
                gi.toString(), "--grad-weight", dir.resolve(".").resolve("gi.npy").toString()).err()
                .contains("given twice as an output"));
        assertFalse(Files.exists(gi));
        assertTrue(fails("forward", "--input", x.toString(), "--output", dir.resolve("none/o.npy").toString()).err()
                .contains("none/o.npy: no such folder: "));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.filter(p -> p.getFileName().toString().endsWith(".tmp")).count());
        }
    }

    @Test
    void benchChecksEveryShapeAndOptionBeforeTimingAnything() throws IOException {
        String header = "name,N,C_in,C_out,L,K,stride,padding,dilation,groups\n";
        Path csv = dir.resolve("s.csv");
        Files.writeString(csv, header + "a,1,2,2,16,3,1,0,1,1\nb,1,2,2,16,3,2,same,1,1\n");
        assertEquals("conv4j bench: error: " + csv + ": b: padding='same' is not supported for strided "
                + "convolutions\n", fails("bench", "--shapes", csv.toString()).err());
        Files.writeString(csv, header + "a,0,2,2,16,3,1,0,1,1\n");
        assertTrue(fails("bench", "--shapes", csv.toString()).err().contains("a: N and C_in must be at least 1"));
        Files.writeString(csv, header + "a,1,2,2,16,3,1,0,1,1\na,1,2,2,16,3,1,0,1,1\n");
        assertTrue(fails("bench", "--shapes", csv.toString()).err().contains("line 3: a second shape named a"));
        Files.writeString(csv, header + "a,1,2,2,16,3,1,0,1,1\n");
        assertTrue(fails("bench", "--shapes", csv.toString(), "--rounds", "0").err()
                .contains("--rounds and --min-reps must be at least 1"));
        assertTrue(fails("bench", "--shapes", csv.toString(), "--only", "b").err().contains("no shape named b"));
        Path torch = Files.writeString(dir.resolve("t.csv"), "name,mode,median_ms\na,fwd\n");
        assertTrue(fails("bench", "--shapes", csv.toString(), "--compare", torch.toString()).err()
                .contains("the row 'a,fwd' has 2 fields, the header 3"));
    }

    @Test
    void conformanceLeavesNoStaleResultsAndNeverWritesIntoItsCases() throws IOException {
        Path cases = dir.resolve("cases");
        Path source = Path.of("..", "conformance", "cases", "tut_3_2_4");
        Path one = Files.createDirectories(cases.resolve("tut_3_2_4"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, one.resolve(f.getFileName()));
            }
        }
        Path results = dir.resolve("results");
        assertEquals(0, CliTest.run("conformance", "--cases", cases.toString(), "--results", results.toString())
                .code());
        assertTrue(Files.exists(results.resolve("tut_3_2_4/output.npy")));
        Files.write(one.resolve("weight.npy"), new byte[50]); // the case breaks: its old results must go
        CliTest.Run r = fails("conformance", "--cases", cases.toString(), "--results", results.toString());
        assertTrue(r.err().contains("tut_3_2_4: could not run: "), r.err());
        assertFalse(Files.exists(results.resolve("tut_3_2_4/output.npy")));
        assertTrue(fails("conformance", "--cases", cases.toString(), "--results", cases.toString()).err()
                .contains("--results is the --cases folder"));
        Files.writeString(one.resolve("case.json"), Files.readString(one.resolve("case.json"))
                .replace("\"id\": \"tut_3_2_4\"", "\"id\": \"../../escaped\""));
        assertTrue(fails("conformance", "--cases", cases.toString(), "--results", results.toString()).err()
                .contains("case.json's id '../../escaped' is not its folder's name"));
        try (Stream<Path> all = Files.walk(dir)) {
            assertFalse(all.anyMatch(p -> p.getFileName().toString().equals("escaped")));
        }
        try (Stream<Path> all = Files.walk(cases)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void malformedJsonIsReportedInOneLineWithItsPlace() throws IOException {
        Path model = Files.writeString(dir.resolve("m.json"), "{\"input_shape\": [1, 2");
        assertEquals("conv4j summary: error: " + model + ": not valid JSON: Unexpected end-of-input: expected close "
                + "marker for Array (start marker at [line: 1, column: 17]) (line 1, column 22)\n",
                fails("summary", model.toString()).err());
    }

    @Test
    void aCaseFileSaysWhichApiItNeeds() throws IOException {
        Path source = Path.of("..", "conformance", "cases", "tut_3_2_4");
        Path json = Files.writeString(dir.resolve("case.json"), Files.readString(source.resolve("case.json"))
                .replace("\"api\": \"module\"", "\"api\": \"bogus\""));
        assertEquals("conv4j forward: error: tut_3_2_4: api must be \"module\" or \"functional\", got \"bogus\"\n",
                fails("forward", "--case", json.toString(), "--input", source.resolve("input.npy").toString(),
                        "--output", dir.resolve("o.npy").toString()).err());
        assertFalse(Files.exists(dir.resolve("o.npy")));
    }

    @Test
    void dropoutOutsideZeroToOneIsRejectedAsPyTorchWordsIt() throws IOException {
        for (String[] c : new String[][] {{"7", "7"}, {"-0.00001", "-1e-05"}, {"1.5", "1.5"}, {"2.0", "2.0"}}) {
            Path model = Files.writeString(dir.resolve("d.json"), "{\"input_shape\": [1, 3, 10], \"layers\": "
                    + "[{\"type\": \"Dropout\", \"p\": " + c[0] + "}]}");
            assertEquals("conv4j summary: error: " + model + ": layers[0] (Dropout): dropout probability has to be "
                    + "between 0 and 1, but got " + c[1] + "\n", fails("summary", model.toString()).err());
        }
    }

    @Test
    void aNullArgumentInACaseIsPythonsNoneNotTheDefault() throws IOException {
        Path source = Path.of("..", "conformance", "cases", "tut_3_2_4");
        String json = Files.readString(source.resolve("case.json"));
        assertTrue(json.contains("\"padding_mode\": \"zeros\""));
        Path c = Files.writeString(dir.resolve("case.json"), json.replace("\"padding_mode\": \"zeros\"",
                "\"padding_mode\": null"));
        assertTrue(fails("forward", "--case", c.toString(), "--input", source.resolve("input.npy").toString(),
                "--output", dir.resolve("o.npy").toString()).err().contains("but got padding_mode='None'"));
    }
}
