package org.conv4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.conv4j.explain.ElementExplanation;
import org.conv4j.explain.ElementExplanation.ChannelTerm;
import org.conv4j.explain.ElementExplanation.Fill;
import org.conv4j.explain.ElementExplanation.Tap;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Shapes;

/** Renders an {@link ElementExplanation} as the text {@code conv4j explain} prints. */
final class ExplainText {
    private ExplainText() {
    }

    /**
     * @param inputOrigin      where the input came from
     * @param parametersOrigin where the weight and bias came from
     */
    static String render(ElementExplanation e, String inputOrigin, String parametersOrigin) {
        ConvSpec s = e.layer().spec();
        int[] in = e.input().shape();
        boolean batched = in.length == 3;
        int length = in[in.length - 1];
        int k = s.kernelSize()[0];
        int stride = s.stride()[0];
        int dilation = s.dilation()[0];
        int[] out = e.layer().outputShape(in);
        int padLeft = e.padBefore();
        int padRight = e.padAfter();
        StringBuilder b = new StringBuilder();
        b.append(e.layer()).append('\n');
        b.append("  input       ").append(Shapes.format(in)).append(' ').append(s.dtype()).append(", ")
                .append(inputOrigin).append('\n');
        b.append("  parameters  ").append(parametersOrigin).append('\n');

        b.append("\nweight  ").append(Shapes.format(s.weightShape()))
                .append(" = (out_channels, in_channels / groups, kernel_size)\n");
        b.append("        one row of ").append(k).append(" taps for every (output channel, input channel) pair")
                .append(s.groups() == 1 ? "" : " within a group").append(": ").append(s.outChannels()).append(" x ")
                .append(s.inChannelsPerGroup()).append(" = ").append(s.outChannels() * s.inChannelsPerGroup())
                .append(" rows.\n");
        b.append("        Each output channel sums over all ").append(s.inChannelsPerGroup())
                .append(" input channels ").append(s.groups() == 1 ? "" : "of its group ")
                .append("and needs its own row for each: hence the in-channel axis.\n");
        if (s.bias()) {
            b.append("bias    ").append(Shapes.format(s.biasShape()))
                    .append(" = (out_channels): one number per output channel, added at every position.\n");
        } else {
            b.append("bias    none (bias=False)\n");
        }
        b.append("output  ").append(Shapes.format(out)).append(batched ? " = (N, out_channels, L_out)\n"
                : " = (out_channels, L_out)\n");
        boolean symmetric = padLeft == padRight;
        String padTerm = symmetric ? "2*padding" : "pad_left + pad_right";
        String padNumbers = symmetric ? "2*" + padLeft : padLeft + " + " + padRight;
        b.append("        L_out = floor((L + ").append(padTerm)
                .append(" - dilation*(kernel_size - 1) - 1) / stride) + 1\n");
        b.append("              = floor((").append(length).append(" + ").append(padNumbers).append(" - ")
                .append(dilation).append("*(").append(k).append(" - 1) - 1) / ").append(stride).append(") + 1\n");
        int numerator = length + padLeft + padRight - dilation * (k - 1) - 1;
        b.append("              = floor(").append(numerator).append(" / ").append(stride).append(") + 1 = ")
                .append(out[out.length - 1]).append('\n');
        paddingNote(b, s, padLeft, padRight);

        String idx = batched ? e.n() + ", " + e.o() + ", " + e.t() : e.o() + ", " + e.t();
        b.append("\noutput[").append(idx).append("] taken apart\n");
        String xTerm = (batched ? "x[n, " : "x[") + (s.groups() > 1 ? "first + c" : "c") + ", position]";
        b.append("  ").append(batched ? "output[n, o, t]" : "output[o, t]").append(" = ")
                .append(s.bias() ? "bias[o] + " : "").append("sum over c, k of weight[o, c, k] * ").append(xTerm)
                .append('\n');
        b.append("  position = t*stride - pad_left + k*dilation = ").append(e.t()).append('*').append(stride)
                .append(" - ").append(padLeft).append(" + k*").append(dilation).append(", for k = 0..").append(k - 1)
                .append('\n');
        if (s.groups() > 1) {
            b.append("  groups=").append(s.groups()).append(": output channel ").append(e.o()).append(" is in group ")
                    .append(e.group()).append(", which sees input channels ").append(e.firstChannel()).append("..")
                    .append(e.firstChannel() + s.inChannelsPerGroup() - 1).append(" (first = ")
                    .append(e.firstChannel()).append(")\n");
        }
        for (ChannelTerm term : e.terms()) {
            int c = term.channel() - e.firstChannel();
            boolean padded = term.taps().stream().anyMatch(tap -> tap.fill() != Fill.INPUT);
            List<String[]> rows = new ArrayList<>();
            String[] kRow = row(k, "k");
            String[] posRow = row(k, "position");
            String[] fromRow = row(k, "filled by");
            String[] xRow = row(k, batched ? "x[" + e.n() + ", " + term.channel() + ", position]"
                    : "x[" + term.channel() + ", position]");
            String[] wRow = row(k, "weight[" + e.o() + ", " + c + ", k]");
            String[] pRow = row(k, "product");
            for (Tap tap : term.taps()) {
                int col = tap.k() + 1;
                kRow[col] = Integer.toString(tap.k());
                posRow[col] = Integer.toString(tap.position());
                fromRow[col] = switch (tap.fill()) {
                    case INPUT -> "input";
                    case ZERO -> "zero pad";
                    case COPY -> "copy of " + tap.source();
                };
                xRow[col] = num(tap.x());
                wRow[col] = num(tap.w());
                pRow[col] = num(tap.product());
            }
            rows.add(kRow);
            rows.add(posRow);
            if (padded) {
                rows.add(fromRow);
            }
            rows.add(xRow);
            rows.add(wRow);
            rows.add(pRow);
            b.append("\n  input channel ").append(term.channel()).append('\n');
            table(b, rows);
            b.append("    dot product = ").append(fmt(term.dot())).append('\n');
        }
        double sum = 0;
        for (ChannelTerm term : e.terms()) {
            sum += term.dot();
        }
        b.append('\n');
        String name = "output[" + idx + "]";
        line(b, "  ", "sum of the " + e.terms().size() + " dot products", exact(sum, s.dtype()), "");
        if (e.bias() != null) {
            line(b, "  ", "+ bias[" + e.o() + "]", exact(e.bias(), s.dtype()), "");
        }
        line(b, "  ", "= " + name + " by hand", exact(e.byHand(), s.dtype()), "(in double precision)");
        line(b, "    ", name + " by the layer", exact(e.layerValue(), s.dtype()), "(" + s.dtype() + ")");
        line(b, "    ", "difference", sci(e.difference()),
                s.dtype() == DType.FLOAT32 && e.difference() > 0 ? "(the layer rounds to float32)" : "");
        return b.toString();
    }

    private static void paddingNote(StringBuilder b, ConvSpec s, int left, int right) {
        if (s.padding() instanceof org.conv4j.spec.Padding.Same) {
            b.append("        padding='same' pads dilation*(kernel_size - 1) = ").append(left + right)
                    .append(" positions: ").append(left).append(" left, ").append(right).append(" right")
                    .append(left == right ? "" : " (the odd one goes right)").append(".\n");
        }
        if (left == 0 && right == 0) {
            return;
        }
        b.append("        padded positions are filled by padding_mode='").append(s.paddingMode()).append("': ")
                .append(switch (s.paddingMode()) {
                    case ZEROS -> "zeros";
                    case REFLECT -> "a mirror image without repeating the edge ([a b c] -> b | a b c | b)";
                    case REPLICATE -> "copies of the edge value ([a b c] -> a | a b c | c)";
                    case CIRCULAR -> "the signal wrapped around ([a b c] -> c | a b c | a)";
                }).append(".\n");
    }

    private static String[] row(int k, String label) {
        String[] r = new String[k + 1];
        r[0] = label;
        return r;
    }

    private static void line(StringBuilder b, String indent, String label, String value, String note) {
        b.append(String.format(Locale.ROOT, "%s%-" + (32 - indent.length()) + "s %18s  %s", indent, label, value, note)
                .stripTrailing()).append('\n');
    }

    private static void table(StringBuilder b, List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            b.append("    ");
            for (int c = 0; c < cols; c++) {
                String cell = r[c];
                // The label column is left-aligned, the numbers right-aligned.
                b.append(c == 0 ? cell + " ".repeat(width[0] - cell.length())
                        : "  " + " ".repeat(width[c] - cell.length()) + cell);
            }
            b.append('\n');
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.8f", v);
    }

    private static String exact(double v, DType dtype) {
        return dtype == DType.FLOAT32 ? String.format(Locale.ROOT, "%.8f", v) : String.format(Locale.ROOT, "%.15f", v);
    }

    private static String sci(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.1e", v);
    }

}
