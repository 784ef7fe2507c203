package org.conv4j.cli;

import java.util.List;
import java.util.Locale;

import org.conv4j.explain.ElementExplanation;
import org.conv4j.explain.ElementExplanation.ChannelTerm;
import org.conv4j.explain.ElementExplanation.Fill;
import org.conv4j.explain.ElementExplanation.Tap;
import org.conv4j.spec.ConvSpec;
import org.conv4j.spec.PaddingMode;
import org.conv4j.tensor.Tensor;

/**
 * The picture of the explainer page as a static SVG ({@code conv4j explain --svg}), for documentation: the padded
 * input grid with each padded cell's source, the window of the explained element, its group's channels, the output
 * grid, and the element's sum. The page ({@code explainer.html}) draws the same picture in the browser.
 */
final class ExplainSvg {
    private static final int CW = 46;
    private static final int CH = 26;
    private static final int LEFT = 112;
    private static final String[] GROUP_COLORS = {"#e8f0ff", "#fff1e0", "#e9f7ec", "#f6e9f7", "#fff9d6", "#e6f6f7",
        "#f7e6e6", "#eef0f2"};
    private static final String WINDOW = "#1f5fbf";
    private static final String PAD_TEXT = "#8a5a00";

    private ExplainSvg() {
    }

    static String render(ElementExplanation e) {
        ConvSpec s = e.layer().spec();
        Tensor input = e.input();
        boolean batched = input.dim() == 3;
        int length = input.size(-1);
        int[] sources = e.sources();
        int padded = sources.length;
        int cg = s.inChannelsPerGroup();
        int og = s.outChannelsPerGroup();
        int outLength = e.output().size(-1);
        boolean copies = s.paddingMode() != PaddingMode.ZEROS;

        Canvas b = new Canvas();
        int y = 20;
        text(b, 0, y, 14, "font-weight=\"600\"", e.layer().toString());
        y += 24;
        text(b, 0, y, 13, "", "input x[" + e.n() + "]: " + s.inChannels() + " channels x " + length + " positions"
                + (padded > length ? ", padded " + e.padBefore() + " left and " + e.padAfter() + " right ("
                    + s.paddingMode() + ")" : ""));
        y += 22;
        b.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\""
                + PAD_TEXT + "\"/></marker></defs>\n");
        int stride = s.stride()[0];
        if (e.t() + 1 < outLength) {
            int from = centre(e.t() * stride);
            int to = centre((e.t() + 1) * stride);
            text(b, from - 4, y, 11, "fill=\"#c0392b\"", "stride " + stride + ": the window of output t=" + (e.t() + 1)
                    + " starts " + stride + " position" + (stride > 1 ? "s" : "") + " later");
            b.append(String.format(Locale.ROOT, "<path d=\"M%d,%d Q%d,%d %d,%d\" fill=\"none\" stroke=\"#c0392b\" "
                    + "stroke-dasharray=\"3,2\"/>%n", from, y + 16, (from + to) / 2, y + 4, to, y + 16));
        }
        y += 32;
        List<Tap> window = e.terms().get(0).taps();
        for (Tap tap : window) {
            text(b, centre(tap.position() + e.padBefore()), y, 11, "text-anchor=\"middle\" font-weight=\"600\" fill=\""
                    + WINDOW + "\"", "k=" + tap.k());
        }
        int dilation = s.dilation()[0];
        if (dilation > 1 && window.size() > 1) {
            text(b, LEFT + (window.get(window.size() - 1).position() + e.padBefore() + 1) * CW, y, 11,
                    "fill=\"" + WINDOW + "\"", "dilation " + dilation + ": taps " + dilation + " positions apart");
        }
        y += 16;
        for (int j = 0; j < padded; j++) {
            boolean pad = j < e.padBefore() || j >= e.padBefore() + length;
            text(b, centre(j), y, 10, "text-anchor=\"middle\" fill=\"" + (pad ? PAD_TEXT : "#667") + "\"",
                    Integer.toString(j - e.padBefore()));
        }
        y += 6;
        for (int c = 0; c < s.inChannels(); c++) {
            int g = c / cg;
            boolean seen = g == e.group();
            int top = y + c * CH;
            rowLabel(b, top, "c=" + c + (s.groups() > 1 ? "  group " + g : ""), g, seen);
            for (int j = 0; j < padded; j++) {
                boolean pad = j < e.padBefore() || j >= e.padBefore() + length;
                int src = sources[j];
                double v = src < 0 ? 0 : e.input(c, src);
                String fill = !pad ? "#ffffff" : copies ? "#fdebd0" : "#eeeeee";
                b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
                        + "stroke=\"#cfd5de\" opacity=\"%s\"/>%n", LEFT + j * CW, top, CW, CH, fill, seen ? "1" : "0.5"));
                text(b, centre(j), top + (pad && copies ? 13 : 17), 11,
                        "text-anchor=\"middle\" fill=\"" + (seen ? "#1d2330" : "#aab") + "\"", fmt2(v));
                if (pad && copies) {
                    text(b, centre(j), top + 23, 8, "text-anchor=\"middle\" fill=\"" + PAD_TEXT + "\"",
                            "= x[" + src + "]");
                }
            }
        }
        for (ChannelTerm term : e.terms()) {
            for (Tap tap : term.taps()) {
                b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" "
                        + "fill=\"none\" stroke=\"%s\" stroke-width=\"3\"/>%n", LEFT + (tap.position() + e.padBefore())
                        * CW + 1.5, y + term.channel() * CH + 1.5, CW - 3, CH - 3, WINDOW));
            }
        }
        y += s.inChannels() * CH;
        // Copied padding in the window: an arrow from the input cell each padded cell copies.
        boolean arrows = false;
        for (Tap tap : window) {
            if (tap.fill() == Fill.COPY) {
                int from = centre(tap.source() + e.padBefore());
                int to = centre(tap.position() + e.padBefore());
                int depth = 10 + Math.min(30, Math.abs(to - from) / 8);
                b.append(String.format(Locale.ROOT, "<path d=\"M%d,%d Q%d,%d %d,%d\" fill=\"none\" stroke=\"%s\" "
                        + "marker-end=\"url(#arrow)\"/>%n", from, y + 3, (from + to) / 2, y + 3 + 2 * depth, to, y + 3,
                        PAD_TEXT));
                arrows = true;
            }
        }
        if (arrows) {
            y += 44;
            text(b, LEFT, y, 11, "fill=\"" + PAD_TEXT + "\"", s.paddingMode() + " padding: each padded cell in the "
                    + "window holds a copy of the input cell its arrow starts at (same channel)");
        }
        y += 34;
        text(b, 0, y, 13, "", "output y[" + e.n() + "]: " + s.outChannels() + " channels x " + outLength
                + " positions");
        y += 10;
        for (int o = 0; o < s.outChannels(); o++) {
            int top = y + o * CH;
            rowLabel(b, top, "o=" + o + (s.groups() > 1 ? "  group " + o / og : ""), o / og, true);
            for (int t = 0; t < outLength; t++) {
                boolean selected = o == e.o() && t == e.t();
                b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
                        + "stroke=\"%s\" stroke-width=\"%d\"/>%n", LEFT + t * CW, top, CW, CH,
                        selected ? "#cfe0ff" : "#ffffff", selected ? WINDOW : "#cfd5de", selected ? 3 : 1));
                text(b, centre(t), top + 17, 11, "text-anchor=\"middle\"",
                        fmt2(e.output(o, t)));
            }
        }
        y += s.outChannels() * CH + 26;
        String name = "output[" + (batched ? e.n() + ", " : "") + e.o() + ", " + e.t() + "]";
        text(b, 0, y, 13, "font-weight=\"600\"", name + " = " + (e.bias() == null ? "" : "bias[" + e.o() + "] + ")
                + "sum over its group's channels of (window . kernel row)");
        for (ChannelTerm term : e.terms()) {
            y += 18;
            StringBuilder sum = new StringBuilder("channel " + term.channel() + ":  ");
            for (Tap tap : term.taps()) {
                sum.append(tap.k() == 0 ? "" : " + ").append(fmt4(tap.x())).append('*').append(fmt4(tap.w()));
            }
            sum.append("  = ").append(fmt4(term.dot()));
            text(b, 0, y, 12, "", sum.toString());
        }
        y += 18;
        text(b, 0, y, 12, "", (e.bias() == null ? "" : "bias[" + e.o() + "] = " + fmt4(e.bias()) + ";  ")
                + name + " by hand = " + String.format(Locale.ROOT, "%.6f", e.byHand()) + ", by the layer = "
                + String.format(Locale.ROOT, "%.6f", e.layerValue()));
        y += 22;
        text(b, 0, y, 11, "fill=\"#445\"", "white: input; grey: zero padding; orange: " + (copies
                ? s.paddingMode() + " padding, a copy of x[i]" : "copied padding (reflect, replicate, circular)")
                + "; blue frame: the window, tap k reads position t*stride - pad_left + k*dilation"
                + (s.groups() > 1 ? "; faded rows: channels outside the group" : ""));
        int width = Math.max(b.right, LEFT + Math.max(padded, outLength) * CW) + 10;
        int height = y + 10;
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"ui-monospace, Menlo, Consolas, monospace\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>%n", width, height, width, height)
                + b.out + "</svg>\n";
    }

    private static void rowLabel(Canvas b, int top, String label, int group, boolean strong) {
        b.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
                + "opacity=\"%s\"/>%n", top, LEFT - 6, CH, GROUP_COLORS[group % GROUP_COLORS.length],
                strong ? "1" : "0.45"));
        text(b, 6, top + 17, 12, strong ? "" : "fill=\"#99a\"", label);
    }

    private static int centre(int column) {
        return LEFT + column * CW + CW / 2;
    }

    private static void text(Canvas b, int x, int y, int size, String attributes, String text) {
        b.append("<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"" + size + "\""
                + (attributes.isEmpty() ? "" : " " + attributes) + ">"
                + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</text>\n");
        // A monospace glyph is about 0.6 em wide; the picture must be wide enough for its longest line.
        double extent = text.length() * size * 0.6;
        b.right = Math.max(b.right, (int) Math.ceil(attributes.contains("middle") ? x + extent / 2 : x + extent));
    }

    /** The SVG body, and how far right its text reaches. */
    private static final class Canvas {
        final StringBuilder out = new StringBuilder();
        int right;

        void append(String svg) {
            out.append(svg);
        }
    }

    private static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", Math.abs(v) < 0.005 ? 0.0 : v);
    }

    private static String fmt4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
