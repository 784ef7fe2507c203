package org.conv4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.conv4j.explain.ElementExplanation;
import org.conv4j.explain.ElementExplanation.ChannelTerm;
import org.conv4j.explain.ElementExplanation.Fill;
import org.conv4j.explain.ElementExplanation.Tap;
import org.conv4j.spec.ConvSpec;
import org.conv4j.spec.PaddingMode;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Shapes;

/** Renders an {@link ElementExplanation} as the text {@code conv4j explain} prints. */
final class ExplainText {
    private ExplainText() {
    }

    static String render(ElementExplanation e, String inputOrigin) {
        ConvSpec s = e.layer().spec();
        int[] in = e.input().shape();
        boolean batched = in.length == 3;
        int length = in[in.length - 1];
        int k = s.kernelSize()[0];
        int stride = s.stride()[0];
        int dilation = s.dilation()[0];
        int[] out = e.layer().outputShape(in);
        int padLeft = e.padBefore();
        int padRight = totalPadding(s, length) - padLeft;
        StringBuilder b = new StringBuilder();
        b.append(e.layer()).append('\n');
        b.append("  dtype ").append(s.dtype()).append("; input ").append(Shapes.format(in)).append(", ")
                .append(inputOrigin).append('\n');

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
        b.append("              = ").append(out[out.length - 1]).append('\n');
        paddingNote(b, s, padLeft, padRight);

        String idx = batched ? e.n() + ", " + e.o() + ", " + e.t() : e.o() + ", " + e.t();
        b.append("\noutput[").append(idx).append("] taken apart\n");
        b.append("  output[n, o, t] = bias[o] + sum over c, k of weight[o, c, k] * x[n, first + c, position]\n");
        b.append("  position = t*stride - pad_left + k*dilation = ").append(e.t()).append('*').append(stride)
                .append(" - ").append(padLeft).append(" + k*").append(dilation).append(", for k = 0..").append(k - 1)
                .append('\n');
        if (s.groups() > 1) {
            b.append("  groups=").append(s.groups()).append(": output channel ").append(e.o()).append(" is in group ")
                    .append(e.group()).append(", which sees input channels ").append(e.firstChannel()).append("..")
                    .append(e.firstChannel() + s.inChannelsPerGroup() - 1).append(" (first = ")
                    .append(e.firstChannel()).append(")\n");
        }
        List<String> notes = new ArrayList<>();
        for (ChannelTerm term : e.terms()) {
            int c = term.channel() - e.firstChannel();
            String xName = batched ? "x[" + e.n() + ", " + term.channel() + ", pos]" : "x[" + term.channel() + ", pos]";
            List<String[]> rows = new ArrayList<>();
            String[] kRow = new String[k + 1];
            String[] posRow = new String[k + 1];
            String[] xRow = new String[k + 1];
            String[] wRow = new String[k + 1];
            String[] pRow = new String[k + 1];
            kRow[0] = "k";
            posRow[0] = "position";
            xRow[0] = xName;
            wRow[0] = "weight[" + e.o() + ", " + c + ", k]";
            pRow[0] = "product";
            for (Tap tap : term.taps()) {
                int col = tap.k() + 1;
                kRow[col] = Integer.toString(tap.k());
                posRow[col] = Integer.toString(tap.position());
                xRow[col] = num(tap.x()) + marker(tap, notes, s.paddingMode());
                wRow[col] = num(tap.w());
                pRow[col] = num(tap.product());
            }
            rows.add(kRow);
            rows.add(posRow);
            rows.add(xRow);
            rows.add(wRow);
            rows.add(pRow);
            b.append("\n  input channel ").append(term.channel()).append('\n');
            table(b, rows);
            b.append("    dot product = ").append(fmt(term.dot())).append('\n');
        }
        if (!notes.isEmpty()) {
            b.append('\n');
            for (int i = 0; i < notes.size(); i++) {
                b.append("  ").append("*".repeat(i + 1)).append(' ').append(notes.get(i)).append('\n');
            }
        }
        double sum = 0;
        for (ChannelTerm term : e.terms()) {
            sum += term.dot();
        }
        b.append('\n');
        b.append(String.format(Locale.ROOT, "  sum of the %d dot product%s %s%n", e.terms().size(),
                e.terms().size() == 1 ? " " : "s", pad(fmt(sum))));
        if (e.bias() != null) {
            b.append(String.format(Locale.ROOT, "  + bias[%d]                 %s%n", e.o(), pad(fmt(e.bias()))));
        }
        String name = "output[" + idx + "]";
        b.append(String.format(Locale.ROOT, "  = %-24s %s  (by hand, in double precision)%n", name,
                pad(fmt(e.byHand()))));
        b.append(String.format(Locale.ROOT, "    %-24s %s  (computed by the layer, %s)%n", name,
                pad(exact(e.layerValue(), s.dtype())), s.dtype()));
        b.append(String.format(Locale.ROOT, "    %-24s %s%s%n", "difference", pad(sci(e.difference())),
                s.dtype() == DType.FLOAT32 && e.difference() > 0 ? "  (the layer rounds to float32)" : ""));
        return b.toString();
    }

    private static int totalPadding(ConvSpec s, int length) {
        int[] p = s.reversedPaddingRepeatedTwice();
        if (s.paddingMode() != PaddingMode.ZEROS) {
            return p[0] + p[1];
        }
        return switch (s.padding()) {
            case org.conv4j.spec.Padding.Explicit x -> 2 * x.values()[0];
            case org.conv4j.spec.Padding.Same x -> s.dilation()[0] * (s.kernelSize()[0] - 1);
            case org.conv4j.spec.Padding.Valid x -> 0;
        };
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

    /** A footnote mark for a padded tap; {@code notes} collects one note per distinct padded position. */
    private static String marker(Tap tap, List<String> notes, PaddingMode mode) {
        if (tap.fill() == Fill.INPUT) {
            return "";
        }
        String note = "position " + tap.position() + " is padding: "
                + (tap.fill() == Fill.ZERO ? "zero" : mode + ", a copy of position " + tap.source());
        int i = notes.indexOf(note);
        if (i < 0) {
            notes.add(note);
            i = notes.size() - 1;
        }
        return " " + "*".repeat(i + 1);
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
                b.append(c == 0 ? cell + " ".repeat(width[0] - cell.length()) : "  " + " ".repeat(width[c] - cell.length()) + cell);
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

    private static String pad(String s) {
        return String.format("%14s", s);
    }
}
