package org.conv4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code conv4j summary} and {@code conv4j compare} print the README's examples with hand-worked numbers. */
class SummaryAndCompareCliTest {
    @TempDir
    Path dir;

    private static final Path ECG = Path.of("..", "examples", "ecg_cnn.json");

    /** The cells of the table row that starts with {@code label}, split on runs of two or more spaces. */
    private static String[] row(String out, String label) {
        return Arrays.stream(out.split("\n")).filter(l -> l.startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + out)).strip().split(" {2,}");
    }

    @Test
    void summaryOfTheEcgExample() {
        CliTest.Run r = CliTest.run("summary", ECG.toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        // Layer, input, output, weight, bias, params, MACs, FLOPs, receptive field (growth)
        assertEquals(
                Arrays.asList("Conv1d: 1", "[1, 12, 1000]", "[1, 32, 1000]", "[32, 12, 7]", "[32]", "2,720",
                        "2,688,000", "5,376,000", "7 (+6 = 1*(7-1)*1)"),
                Arrays.asList(row(out, "Conv1d: 1")));
        assertEquals(Arrays.asList("MaxPool1d: 3", "[1, 32, 1000]", "[1, 32, 500]", "--", "--", "--", "--", "--",
                "8 (+1 = 1*(2-1)*1)"), Arrays.asList(row(out, "MaxPool1d: 3")));
        assertEquals(Arrays.asList("Conv1d: 4", "[1, 32, 500]", "[1, 64, 500]", "[64, 32, 5]", "[64]", "10,304",
                "5,120,000", "10,240,000", "24 (+16 = 2*(5-1)*2)"), Arrays.asList(row(out, "Conv1d: 4")));
        assertEquals(Arrays.asList("Conv1d: 6", "[1, 64, 500]", "[1, 64, 250]", "[64, 16, 3]", "[64]", "3,136",
                "768,000", "1,536,000", "28 (+4 = 1*(3-1)*2)"), Arrays.asList(row(out, "Conv1d: 6")));
        assertEquals(Arrays.asList("AvgPool1d: 8", "[1, 64, 250]", "[1, 64, 62]", "--", "--", "--", "--", "--",
                "40 (+12 = 1*(4-1)*4)"), Arrays.asList(row(out, "AvgPool1d: 8")));
        assertEquals(Arrays.asList("Linear: 10", "[1, 3968]", "[1, 5]", "[5, 3968]", "[5]", "19,845", "19,840",
                "39,680", "all"), Arrays.asList(row(out, "Linear: 10")));
        assertTrue(out.contains("\nTotal params: 36,005\n"), out);
        assertTrue(out.contains("\nTotal MACs: 8,595,840\n"), out);
        assertTrue(out.contains("\nTotal FLOPs: 17,191,680 (2 per multiply-accumulate)\n"), out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"input_shape\": [1, 3, 20], \"layers\": [{\"type\": \"Conv1d\", \"in_channels\": 3, \"out_channels\": 4, "
            + "\"kernel_size\": \"x\"}]}"
            + "| layers[0] (Conv1d): kernel_size must be an integer (or a list of integers), got \"x\"",
        "{\"input_shape\": [1, 3, 20], \"layers\": [{\"type\": \"Conv1d\", \"in_channels\": 3, \"out_channels\": 4}]}"
            + "| layers[0] (Conv1d): __init__() missing required argument: 'kernel_size'",
        "{\"input_shape\": [1, 3, 20], \"layers\": [{\"type\": \"Conv1d\", \"in_channels\": 3, \"out_channels\": 4, "
            + "\"kernel_size\": 3}, {\"type\": \"Conv1d\", \"in_channels\": 5, \"out_channels\": 4, \"kernel_size\": 3}]}"
            + "| layers[1] (Conv1d): Given groups=1, weight of size [4, 5, 3], expected input[1, 4, 18] to have 5 "
            + "channels, but got 4 channels instead",
        "{\"input_shape\": [1, 3, 20], \"layers\": [{\"type\": \"MaxPool1d\", \"kernel\": 2}]}"
            + "| layers[0] (MaxPool1d): unknown field 'kernel'; expected one of",
        "{\"input_shape\": [1, 3, 20], \"layers\": [{\"type\": \"Linear\", \"in_features\": 3, \"out_features\": 2.5}]}"
            + "| layers[0] (Linear): field 'out_features' must be an integer, got 2.5",
        "{\"input_shape\": [1, 3, 20], \"layers\": [{\"type\": \"Conv2d\"}]}"
            + "| layers[0] (Conv2d): unknown layer type",
        "{\"input_shape\": [1, -3, 20], \"layers\": []}| field 'input_shape' must hold non-negative integers",
        "{\"layers\": []}| field 'input_shape' must be a list of sizes",
        "{\"input_shape\": [1, 3, 20], | not valid JSON",
    })
    void aBadModelFileNamesTheLayerAndTheField(String json, String expected) throws IOException {
        Path model = dir.resolve("model.json");
        Files.writeString(model, json);
        CliTest.Run r = CliTest.run("summary", model.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().startsWith("conv4j summary: error: " + model + ": " + expected.strip()), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aMissingModelFileSaysSo() {
        CliTest.Run r = CliTest.run("summary", dir.resolve("nope.json").toString());
        assertEquals(1, r.code());
        assertEquals("conv4j summary: error: no such file: " + dir.resolve("nope.json") + "\n", r.err());
    }

    @Test
    void compareGeneralisesTheClassicExample() {
        CliTest.Run r = CliTest.run("compare", "--batch", "2", "--seqs", "3", "--length", "10", "--embed", "8");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        // Linear(80, 8): MACs B*S*(L*E)*E = 6*80*8 = 3840; conv: 2 layers of B*S*E*L*E*k = 6*8*10*8*3 = 11520
        assertTrue(out.contains("Linear(L*E, E) = Linear(80, 8)"), out);
        assertEquals(Arrays.asList("MACs", "= B*S * (L*E) * E", "= 10*B*S*E^2", "= 3,840"),
                Arrays.asList(row(out, "  MACs ")));
        assertEquals(Arrays.asList("FLOPs", "= 2 * MACs", "= 20*B*S*E^2", "= 7,680"),
                Arrays.asList(row(out, "  FLOPs ")));
        assertEquals(Arrays.asList("parameters", "= (L*E)*E + E", "= 10*E^2 + E", "= 648"),
                Arrays.asList(row(out, "  parameters ")));
        String conv = out.substring(out.indexOf("2 x Conv1d(E, E, kernel_size=3, padding=1)"));
        assertEquals(Arrays.asList("MACs per layer", "= B*S * E * L_out * E * k", "= 30*B*S*E^2 (L_out = 10)",
                "= 11,520"), Arrays.asList(row(conv, "  MACs per layer")));
        assertEquals(Arrays.asList("FLOPs", "= 2 * MACs", "= 120*B*S*E^2", "= 46,080"),
                Arrays.asList(row(conv, "  FLOPs ")));
        assertEquals(Arrays.asList("parameters", "= layers * (E*E*k + E)", "= 6*E^2 + 2*E", "= 400"),
                Arrays.asList(row(conv, "  parameters ")));
        assertTrue(out.contains("The conv stack costs 6.0x the FLOPs of the Linear layer (120 vs 20 per B*S*E^2) "
                + "and 0.62x its parameters."), out);
    }

    @Test
    void compareRejectsNonPositiveSizes() {
        CliTest.Run r = CliTest.run("compare", "--embed", "0");
        assertEquals(1, r.code());
        assertEquals("conv4j compare: error: B, S, L, E, k and layers must be positive\n", r.err());
    }
}
