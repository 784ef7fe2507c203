package org.conv4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.conv4j.explain.ElementExplanation;
import org.conv4j.explain.ElementExplanation.ChannelTerm;
import org.conv4j.explain.ElementExplanation.Tap;
import org.conv4j.io.Npy;
import org.conv4j.nn.Conv1d;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;

/**
 * The explainer page in a real browser: headless Chromium opens the page {@code conv4j explain --html} wrote for
 * {@code Conv1d(4, 4, 3, padding='same', padding_mode='reflect', dilation=2, groups=2)}, clicks output cells and
 * changes controls, and what the page shows is compared with the Java library. Skipped where no Chromium is
 * installed, unless {@code CONV4J_REQUIRE_BROWSER=1} (as {@code .ci/run} sets) makes that a failure.
 */
class ExplainerPageBrowserTest {
    private static final int CHANNELS = 4;
    private static final int LENGTH = 10;

    @TempDir
    static Path dir;

    private static HeadlessChromium browser;
    private static Path page;
    private static ConvSpec spec;
    private static Tensor x;
    private static Conv1d layer;

    @BeforeAll
    static void openBrowserAndWritePage() throws Exception {
        Optional<Path> binary = HeadlessChromium.find();
        if (binary.isEmpty()) {
            if ("1".equals(System.getenv("CONV4J_REQUIRE_BROWSER"))) {
                fail("CONV4J_REQUIRE_BROWSER=1 but no chromium on PATH (apt-get install chromium)");
            }
            Assumptions.abort("no chromium on PATH: the browser tests are skipped");
        }
        spec = pageSpec(3, "same", 1, 2, DType.FLOAT32);
        layer = Conv1d.create(spec, 11);
        double[] values = new double[CHANNELS * LENGTH];
        Random random = new Random(5);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        x = Tensor.of(DType.FLOAT32, values, 1, CHANNELS, LENGTH);
        Npy.write(dir.resolve("x.npy"), x);
        Npy.write(dir.resolve("w.npy"), layer.weight());
        Npy.write(dir.resolve("b.npy"), layer.bias());
        page = dir.resolve("page.html");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "explain", "--in-channels", "4",
                "--out-channels", "4", "--kernel-size", "3", "--padding", "same", "--padding-mode", "reflect",
                "--dilation", "2", "--groups", "2", "--input", dir.resolve("x.npy").toString(), "--weight",
                dir.resolve("w.npy").toString(), "--bias-file", dir.resolve("b.npy").toString(), "--html",
                page.toString());
        assertEquals(0, code, err.toString());
        browser = new HeadlessChromium(binary.get(), 1300, 1000);
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    private static ConvSpec pageSpec(int kernel, String padding, int stride, int groups, DType dtype) {
        ConvSpec.Builder b = ConvSpec.conv1d(CHANNELS, CHANNELS, kernel).stride(stride).dilation(2).groups(groups)
                .paddingMode("reflect").dtype(dtype);
        return (padding.matches("\\d+") ? b.padding(Integer.parseInt(padding)) : b.padding(padding)).build();
    }

    private static void openPage() throws Exception {
        browser.open(page, "document.body.getAttribute('data-ready') === '1'");
    }

    private static void setControl(String id, String value) throws Exception {
        browser.eval("(() => { const e = document.getElementById('" + id + "'); e.value = '" + value + "';"
                + " e.dispatchEvent(new Event('change')); })()");
    }

    /** What the page shows for the selected output element: its sum, the library's value and its window. */
    private static JsonNode shown() throws Exception {
        return browser.eval("({ title: document.getElementById('sum-title').textContent,"
                + " value: +document.getElementById('value').dataset.value,"
                + " library: document.getElementById('library') ? +document.getElementById('library').dataset.value : null,"
                + " window: JSON.parse(document.getElementById('sum').dataset.window),"
                + " channels: [...document.querySelectorAll('#sum .channel')].map(e => +e.dataset.channel),"
                + " framed: [...document.querySelectorAll('.window-cell')].map(e => e.dataset.c + ':' + e.dataset.pos),"
                + " lOut: +document.getElementById('formula').dataset.lOut,"
                + " cells: document.querySelectorAll('.out-cell[data-o=\"0\"]').length,"
                + " error: document.getElementById('error').textContent })");
    }

    private static void click(int o, int t) throws Exception {
        browser.click(".out-cell[data-o=\"" + o + "\"][data-t=\"" + t + "\"]");
    }

    /** The page's window of the clicked element ([position, source] per tap and channel) equals the library's. */
    private static void assertWindow(ElementExplanation e, JsonNode shown) {
        List<Integer> channels = new ArrayList<>();
        Set<String> framed = new HashSet<>();
        assertEquals(e.terms().size(), shown.get("window").size());
        for (int c = 0; c < e.terms().size(); c++) {
            ChannelTerm term = e.terms().get(c);
            channels.add(term.channel());
            JsonNode taps = shown.get("window").get(c);
            assertEquals(term.taps().size(), taps.size());
            for (Tap tap : term.taps()) {
                JsonNode pageTap = taps.get(tap.k());
                String where = "output[0, " + e.o() + ", " + e.t() + "] channel " + term.channel() + " tap " + tap.k();
                assertEquals(tap.position(), pageTap.get(0).asInt(), where + ": position");
                assertEquals(tap.source(), pageTap.get(1).asInt(), where + ": source");
                framed.add(term.channel() + ":" + tap.position());
            }
        }
        List<Integer> pageChannels = new ArrayList<>();
        shown.get("channels").forEach(c -> pageChannels.add(c.asInt()));
        assertEquals(channels, pageChannels, "the channels the group sees");
        Set<String> pageFramed = new HashSet<>();
        shown.get("framed").forEach(f -> pageFramed.add(f.asText()));
        assertEquals(framed, pageFramed, "the cells framed in the picture");
    }

    @Test
    void everyClickedCellShowsTheLibrarysWindowAndSum() throws Exception {
        openPage();
        int outLength = layer.outputShape(x.shape())[2];
        for (int o = 0; o < CHANNELS; o++) {
            for (int t = 0; t < outLength; t++) {
                click(o, t);
                JsonNode shown = shown();
                ElementExplanation e = ElementExplanation.of(layer, x, 0, o, t);
                assertEquals("output[0, " + o + ", " + t + "] taken apart", shown.get("title").asText());
                assertWindow(e, shown);
                // The page sums in double precision, as the Java explanation does; the layer computes in float32.
                assertEquals(e.byHand(), shown.get("value").asDouble(), 1e-12, "the page's sum");
                assertEquals(e.layerValue(), shown.get("value").asDouble(), 1e-6, "the page's sum vs the layer");
                assertEquals(e.layerValue(), shown.get("library").asDouble(), 0.0, "the library value shown");
            }
        }
        Path artifact = Path.of("target", "explainer-page.png");
        Files.createDirectories(artifact.getParent());
        Files.write(artifact, browser.screenshot());
        assertTrue(Files.size(artifact) > 10_000, "a screenshot of the page");
    }

    @Test
    void changingControlsRecomputesTheOutputWithTheLibrarysArithmetic() throws Exception {
        openPage();
        assertEquals(LENGTH, shown().get("lOut").asInt());

        // padding='valid': L_out = floor((10 - 2*(3-1) - 1) / 1) + 1 = 6, on the layer's own tensors.
        setControl("ctl-padding", "valid");
        ConvSpec valid = pageSpec(3, "valid", 1, 2, DType.FLOAT32);
        Conv1d validLayer = Conv1d.of(valid, layer.weight(), layer.bias());
        assertEquals(6, validLayer.outputShape(x.shape())[2]);
        JsonNode shown = shown();
        assertEquals(6, shown.get("lOut").asInt(), "the L_out formula");
        assertEquals(6, shown.get("cells").asInt(), "output cells per channel");
        for (int[] ot : new int[][] {{0, 0}, {1, 5}, {3, 2}}) {
            click(ot[0], ot[1]);
            shown = shown();
            ElementExplanation e = ElementExplanation.of(validLayer, x, 0, ot[0], ot[1]);
            assertWindow(e, shown);
            assertEquals(e.layerValue(), shown.get("value").asDouble(), 1e-6);
            assertTrue(shown.get("library").isNull(), "values of a changed layer are the page's own");
        }

        // kernel_size 5, padding='same', stride 1, L = 12: the page draws its own input and weight (seeded), which
        // conv4j regenerates; the bias stays the layer's.
        setControl("ctl-padding", "same");
        setControl("ctl-kernel", "5");
        setControl("ctl-length", "12");
        int seed = 0; // explain's default --seed
        ConvSpec wide = pageSpec(5, "same", 1, 2, DType.FLOAT64);
        Tensor w = Tensor.of(DType.FLOAT64, ExplainerPage.values(seed, ExplainerPage.W_STREAM, 4 * 2 * 5), 4, 2, 5);
        Tensor x12 = Tensor.of(DType.FLOAT64, ExplainerPage.values(seed, ExplainerPage.X_STREAM, 4 * 12), 1, 4, 12);
        Conv1d wideLayer = Conv1d.of(wide, w, layer.bias().to(DType.FLOAT64));
        assertEquals(12, shown().get("lOut").asInt());
        for (int[] ot : new int[][] {{0, 0}, {1, 11}, {2, 3}, {3, 7}}) {
            click(ot[0], ot[1]);
            shown = shown();
            ElementExplanation e = ElementExplanation.of(wideLayer, x12, 0, ot[0], ot[1]);
            assertWindow(e, shown);
            assertEquals(e.layerValue(), shown.get("value").asDouble(), 1e-12);
        }

        // A stride with padding='same', and groups that do not divide the channels: PyTorch's messages, as the
        // library raises them, and the last good picture stays.
        setControl("ctl-stride", "2");
        assertEquals(message(() -> pageSpec(5, "same", 2, 2, DType.FLOAT64)), shown().get("error").asText());
        setControl("ctl-stride", "1");
        assertEquals("", shown().get("error").asText());
        setControl("ctl-groups", "3");
        assertEquals(message(() -> pageSpec(5, "same", 1, 3, DType.FLOAT64)), shown().get("error").asText());
        assertEquals(12, shown().get("lOut").asInt());
        setControl("ctl-groups", "2");
        setControl("ctl-length", "500");
        assertEquals("the picture draws every element, so it takes input length at most "
                + ExplainerPage.MAX_LENGTH, shown().get("error").asText());
        setControl("ctl-length", "10");
        setControl("ctl-kernel", "3");
        setControl("ctl-padding", "10");
        Conv1d tooMuchReflection = Conv1d.of(pageSpec(3, "10", 1, 2, DType.FLOAT32), layer.weight(), layer.bias());
        assertEquals(message(() -> tooMuchReflection.forward(x)), shown().get("error").asText());

        // Back to the layer: its values and the library's results again.
        browser.click("#ctl-reset");
        click(2, 4);
        shown = shown();
        assertFalse(shown.get("library").isNull());
        assertEquals(ElementExplanation.of(layer, x, 0, 2, 4).layerValue(), shown.get("library").asDouble(), 0.0);
    }

    @Test
    void everyPaddingModeFillsThePaddedCellsAsTheLibraryDoes() throws Exception {
        openPage();
        setControl("ctl-padding", "3");
        for (String mode : List.of("zeros", "replicate", "circular", "reflect")) {
            setControl("ctl-mode", mode);
            ConvSpec s = ConvSpec.conv1d(CHANNELS, CHANNELS, 3).padding(3).dilation(2).groups(2).paddingMode(mode)
                    .build();
            Conv1d modeLayer = Conv1d.of(s, layer.weight(), layer.bias());
            int outLength = modeLayer.outputShape(x.shape())[2];
            assertEquals(outLength, shown().get("lOut").asInt(), mode);
            for (int[] ot : new int[][] {{0, 0}, {1, 1}, {2, outLength - 2}, {3, outLength - 1}}) {
                click(ot[0], ot[1]);
                JsonNode shown = shown();
                ElementExplanation e = ElementExplanation.of(modeLayer, x, 0, ot[0], ot[1]);
                assertWindow(e, shown);
                assertEquals(e.byHand(), shown.get("value").asDouble(), 1e-12, mode);
            }
            // Every padded cell of the picture names the input cell it copies, as the library's padding fills it.
            JsonNode sources = browser.eval("[...document.querySelectorAll('.in-cell[data-c=\"0\"]')]"
                    + ".map(e => +e.dataset.source)");
            ElementExplanation any = ElementExplanation.of(modeLayer, x, 0, 0, 0);
            assertEquals(any.sources().length, sources.size(), mode);
            for (int j = 0; j < sources.size(); j++) {
                assertEquals(any.sources()[j], sources.get(j).asInt(), mode + ": padded position " + j);
            }
        }
    }

    private static String message(Runnable build) {
        try {
            build.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the spec to be rejected");
    }
}
