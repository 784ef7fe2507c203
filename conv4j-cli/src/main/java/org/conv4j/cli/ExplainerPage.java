package org.conv4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.conv4j.explain.ElementExplanation;
import org.conv4j.spec.ConvSpec;
import org.conv4j.spec.Padding;
import org.conv4j.tensor.Shapes;
import org.conv4j.tensor.Tensor;

/**
 * The explainer page of {@code conv4j explain --html}: one self-contained HTML file (the template
 * {@code explainer.html} with the layer's numbers as JSON in place of its {@code DATA} placeholder). The page
 * draws and recomputes everything in the browser; the numbers conv4j computed come along so that the page can show
 * both.
 */
final class ExplainerPage {
    /** The page draws every input element; beyond these sizes the picture stops being readable. */
    static final int MAX_CHANNELS = 32;
    static final int MAX_LENGTH = 128;

    /** The page's seeded streams of values (see {@link #values}), for the input and for the weight. */
    static final int X_STREAM = 0x1f3d5b79;
    static final int W_STREAM = 0x2e4c6a8b;

    private static final String PLACEHOLDER = "/*DATA*/null";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExplainerPage() {
    }

    /** The page for the element {@code e} explains; {@code origin} says where input and parameters came from. */
    static String html(ElementExplanation e, long seed, String origin) {
        String template = template();
        // '<' escaped so that no value can close the script element early.
        String json = data(e, seed, origin).toString().replace("<", "\\u003c");
        return template.replace(PLACEHOLDER, json);
    }

    /** The JSON the page reads as {@code DATA}. */
    static ObjectNode data(ElementExplanation e, long seed, String origin) {
        ConvSpec s = e.layer().spec();
        Tensor input = e.input();
        int length = input.size(-1);
        checkDrawable(s, length);
        boolean batched = input.dim() == 3;
        ObjectNode d = JSON.createObjectNode();
        ObjectNode spec = d.putObject("spec");
        spec.put("in", s.inChannels()).put("out", s.outChannels()).put("bias", s.bias());
        ObjectNode cfg = d.putObject("cfg");
        cfg.put("kernel", s.kernelSize()[0]).put("stride", s.stride()[0]);
        switch (s.padding()) {
            case Padding.Explicit p -> cfg.put("padding", p.values()[0]);
            case Padding.Same p -> cfg.put("padding", "same");
            case Padding.Valid p -> cfg.put("padding", "valid");
        }
        cfg.put("mode", s.paddingMode().torchName()).put("dilation", s.dilation()[0]).put("groups", s.groups());
        d.put("L", length);
        d.put("maxLength", MAX_LENGTH);
        d.put("n", e.n());
        if (batched) {
            d.put("batch", input.size(0));
        } else {
            d.putNull("batch");
        }
        // Only the low 32 bits seed the page's generator (JavaScript's bitwise operators work on 32 bits).
        d.put("seed", (int) seed);
        int channels = s.inChannels();
        ArrayNode x = d.putArray("x");
        for (int c = 0; c < channels; c++) {
            ArrayNode row = x.addArray();
            for (int i = 0; i < length; i++) {
                row.add(e.input(c, i));
            }
        }
        Tensor weight = e.layer().weight();
        ArrayNode w = d.putArray("w");
        for (int o = 0; o < s.outChannels(); o++) {
            ArrayNode rows = w.addArray();
            for (int c = 0; c < s.inChannelsPerGroup(); c++) {
                ArrayNode taps = rows.addArray();
                for (int k = 0; k < s.kernelSize()[0]; k++) {
                    taps.add(weight.get(o, c, k));
                }
            }
        }
        if (s.bias()) {
            ArrayNode b = d.putArray("b");
            for (int o = 0; o < s.outChannels(); o++) {
                b.add(e.layer().bias().getDouble(o));
            }
        } else {
            d.putNull("b");
        }
        int outLength = e.output().size(-1);
        ArrayNode y = d.putArray("y");
        for (int o = 0; o < s.outChannels(); o++) {
            ArrayNode row = y.addArray();
            for (int t = 0; t < outLength; t++) {
                row.add(e.output(o, t));
            }
        }
        d.put("dtype", s.dtype().toString());
        d.putArray("selected").add(e.o()).add(e.t());
        d.put("inputShape", Shapes.format(input.shape()));
        d.put("origin", origin);
        return d;
    }

    private static void checkDrawable(ConvSpec s, int length) {
        int channels = Math.max(s.inChannels(), s.outChannels());
        if (channels > MAX_CHANNELS || length > MAX_LENGTH) {
            throw new IllegalArgumentException("the picture draws every element, so it takes at most " + MAX_CHANNELS
                    + " channels and length " + MAX_LENGTH + "; this layer has " + channels + " channels on length "
                    + length + " (pick a smaller example with --input-shape and the channel options)");
        }
    }

    /**
     * The page's seeded values: mulberry32 seeded with {@code seed ^ stream}, each draw {@code r} in [0, 1) mapped
     * to {@code round((2r - 1) * 100) / 100}, so two decimals in [-1, 1]. The page draws the input and weight with
     * it when a control changes their shape; this twin lets tests recompute what the page shows.
     */
    static double[] values(int seed, int stream, int count) {
        int a = seed ^ stream;
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            a += 0x6D2B79F5;
            int t = (a ^ (a >>> 15)) * (1 | a);
            t = (t + ((t ^ (t >>> 7)) * (61 | t))) ^ t;
            double r = ((t ^ (t >>> 14)) & 0xffffffffL) / 4294967296.0;
            v[i] = Math.round((r * 2 - 1) * 100) / 100.0;
        }
        return v;
    }

    private static String template() {
        try (InputStream in = ExplainerPage.class.getResourceAsStream("explainer.html")) {
            if (in == null) {
                throw new IllegalStateException("explainer.html is missing from the conv4j-cli jar");
            }
            String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!page.contains(PLACEHOLDER)) {
                throw new IllegalStateException("explainer.html has no " + PLACEHOLDER + " placeholder");
            }
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
