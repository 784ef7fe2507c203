package org.conv4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.conv4j.nn.Conv1d;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;

/** {@code conv4j explain --html/--svg}: what the files hold, and that bad input leaves none behind. */
class ExplainFilesCliTest {
    @TempDir
    Path dir;

    private static final String[] LAYER = {"explain", "--in-channels", "4", "--out-channels", "4", "--kernel-size", "3",
        "--padding", "same", "--padding-mode", "reflect", "--dilation", "2", "--groups", "2", "--element", "0,3,9"};

    private static String[] with(String... more) {
        String[] args = new String[LAYER.length + more.length];
        System.arraycopy(LAYER, 0, args, 0, LAYER.length);
        System.arraycopy(more, 0, args, LAYER.length, more.length);
        return args;
    }

    @Test
    void thePageIsSelfContainedAndCarriesTheLayersNumbers() throws IOException {
        Path page = dir.resolve("page.html");
        CliTest.Run r = CliTest.run(with("--html", page.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote " + page), r.out());
        String html = Files.readString(page);
        // Nothing is fetched: no external scripts, styles, images or fonts.
        assertFalse(Pattern.compile("(?i)<(script|link|img|iframe)[^>]*(src|href)=").matcher(html).find());
        assertFalse(html.replace("http://www.w3.org/2000/svg", "").matches("(?s).*(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/.*"),
                "no URL other than the SVG namespace");
        Matcher m = Pattern.compile("const DATA = (\\{.*?\\});\n").matcher(html);
        assertTrue(m.find(), "the DATA placeholder is filled");
        JsonNode data = new ObjectMapper().readTree(m.group(1));

        // The same layer and input as explain builds them: seed 0 parameters, seeded standard normal input.
        ConvSpec spec = ConvSpec.conv1d(4, 4, 3).padding("same").paddingMode("reflect").dilation(2).groups(2).build();
        Conv1d layer = Conv1d.create(spec, 0);
        assertEquals("same", data.get("cfg").get("padding").asText());
        assertEquals("reflect", data.get("cfg").get("mode").asText());
        assertEquals(2, data.get("cfg").get("dilation").asInt());
        assertEquals(2, data.get("cfg").get("groups").asInt());
        assertEquals(10, data.get("L").asInt());
        assertEquals("[3,9]", data.get("selected").toString());
        double[] x = new double[40];
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < 10; i++) {
                x[c * 10 + i] = data.get("x").get(c).get(i).asDouble();
            }
        }
        Tensor input = Tensor.of(DType.FLOAT32, x, 1, 4, 10);
        for (int o = 0; o < 4; o++) {
            for (int c = 0; c < 2; c++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(layer.weight().get(o, c, k), data.get("w").get(o).get(c).get(k).asDouble(), 0.0);
                }
            }
            assertEquals(layer.bias().get(o), data.get("b").get(o).asDouble(), 0.0);
        }
        Tensor y = layer.forward(input);
        for (int o = 0; o < 4; o++) {
            for (int t = 0; t < 10; t++) {
                assertEquals(y.get(0, o, t), data.get("y").get(o).get(t).asDouble(), 0.0, "y[0, " + o + ", " + t + "]");
            }
        }
    }

    @Test
    void theSvgFramesTheWindowOfTheExplainedElement() throws Exception {
        Path svg = dir.resolve("picture.svg");
        CliTest.Run r = CliTest.run(with("--svg", svg.toString()));
        assertEquals(0, r.code(), r.err());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        NodeList rects = doc.getElementsByTagName("rect");
        int framed = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            Element e = (Element) rects.item(i);
            if ("none".equals(e.getAttribute("fill")) && "3".equals(e.getAttribute("stroke-width"))) {
                framed++;
            }
        }
        assertEquals(2 * 3, framed, "one frame per tap and channel of the group (2 channels x 3 taps)");
        String text = doc.getDocumentElement().getTextContent();
        // output[0, 3, 9] with 'same' (2 left, 2 right) and dilation 2 reads positions 7, 9 and 11 = reflect of 7.
        assertTrue(text.contains("= x[7]"), "reflect padding names its source");
        assertTrue(text.contains("output[0, 3, 9] = bias[3] + sum over its group's channels"), text);
        assertTrue(text.contains("channel 2:") && text.contains("channel 3:") && !text.contains("channel 1:"), text);
    }

    @Test
    void theReadmesSvgIsWhatTheCommandWritesToday() throws IOException {
        Path svg = dir.resolve("picture.svg");
        CliTest.Run r = CliTest.run("explain", "--in-channels", "4", "--out-channels", "4", "--kernel-size", "3",
                "--padding", "same", "--padding-mode", "reflect", "--dilation", "2", "--groups", "2", "--element",
                "0,3,0", "--svg", svg.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(svg), Files.readString(Path.of("..", "docs", "explain-same-reflect.svg")),
                "docs/explain-same-reflect.svg is stale: rerun the command in the README");
    }

    @Test
    void badInputWritesNoFileAtAll() {
        Path svg = dir.resolve("picture.svg");
        Path page = dir.resolve("missing-dir").resolve("page.html");
        CliTest.Run r = CliTest.run(with("--svg", svg.toString(), "--html", page.toString()));
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("conv4j explain: error: "), r.err());
        assertFalse(Files.exists(svg), "the SVG is not written when the page cannot be");
        assertEquals("", r.out());

        Path big = dir.resolve("big.html");
        r = CliTest.run("explain", "--in-channels", "64", "--out-channels", "8", "--kernel-size", "3", "--html",
                big.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("the picture draws every element, so it takes at most 32 channels"), r.err());
        assertFalse(Files.exists(big));

        r = CliTest.run("explain", "--kernel-size", "20", "--html", big.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("Kernel size can't be greater than actual input size"), r.err());
        assertFalse(Files.exists(big));
    }

    @Test
    void thePagesGeneratorIsMulberry32() {
        // mulberry32(0x1f3d5b79) by hand: a = 0x1f3d5b79 + 0x6D2B79F5, then the shifts and multiplies of the page.
        int a = 0x1f3d5b79 + 0x6D2B79F5;
        int t = (a ^ (a >>> 15)) * (1 | a);
        t = (t + ((t ^ (t >>> 7)) * (61 | t))) ^ t;
        double r = Integer.toUnsignedLong(t ^ (t >>> 14)) / 4294967296.0;
        double[] v = ExplainerPage.values(0, ExplainerPage.X_STREAM, 1000);
        assertEquals(Math.round((2 * r - 1) * 100) / 100.0, v[0], 0.0);
        double min = 1;
        double max = -1;
        for (double value : v) {
            assertEquals(value, Math.round(value * 100) / 100.0, 0.0, "two decimals");
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        assertTrue(min >= -1 && min < -0.9 && max <= 1 && max > 0.9, min + " " + max);
        assertFalse(java.util.Arrays.equals(v, ExplainerPage.values(1, ExplainerPage.X_STREAM, 1000)));
    }
}
