package org.conv4j.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.conv4j.explain.ConvVersusLinear;
import org.conv4j.tensor.Shapes;

/** {@code conv4j compare}: a Linear layer over flattened positions against a stack of Conv1d layers. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Cost of Linear(L*E, E) against a stack of Conv1d(E, E, k, padding=k//2), for input "
            + "[B, S, L, E]: formulas and numbers, FLOPs and parameters."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(names = "--batch", defaultValue = "1", paramLabel = "B", description = "B (default: 1)")
    int b;

    @Option(names = "--seqs", defaultValue = "1", paramLabel = "S", description = "sequences per batch S (default: 1)")
    int s;

    @Option(names = "--length", defaultValue = "10", paramLabel = "L", description = "positions L (default: 10)")
    int l;

    @Option(names = "--embed", defaultValue = "64", paramLabel = "E", description = "features per position E (default: 64)")
    int e;

    @Option(names = "--kernel-size", defaultValue = "3", paramLabel = "K", description = "conv kernel size (default: 3)")
    int k;

    @Option(names = "--layers", defaultValue = "2", paramLabel = "N", description = "conv layers (default: 2)")
    int layers;

    @Override
    public Integer call() {
        ConvVersusLinear c = new ConvVersusLinear(b, s, l, e, k, layers);
        PrintWriter out = command.commandLine().getOut();
        out.print(render(c));
        return 0;
    }

    static String render(ConvVersusLinear c) {
        long bse2 = (long) c.b() * c.s() * c.e() * c.e();
        StringBuilder o = new StringBuilder();
        o.append("Input [B, S, L, E] = ").append(Shapes.format(c.b(), c.s(), c.l(), c.e())).append("\n\n");
        o.append("Linear(L*E, E) = Linear(").append((long) c.l() * c.e()).append(", ").append(c.e())
                .append(") on each of the B*S flattened sequences\n");
        line(o, "MACs", "B*S * (L*E) * E", c.l() + "*B*S*E^2", c.linearMacs());
        line(o, "FLOPs", "2 * MACs", 2L * c.l() + "*B*S*E^2", 2 * c.linearMacs());
        line(o, "parameters", "(L*E)*E + E", c.l() + "*E^2 + E", c.linearParams());
        o.append('\n');
        o.append(c.layers()).append(" x Conv1d(E, E, kernel_size=").append(c.k()).append(", padding=")
                .append(c.k() / 2).append(") over the L positions of each sequence\n");
        if (c.k() % 2 == 0) {
            o.append("  (an even kernel with padding k//2 adds one position per layer: L_out = L + 1)\n");
        }
        for (int i = 0; i < (c.k() % 2 == 0 ? c.layers() : 1); i++) {
            long lOut = c.convOutputLength(i);
            long perLayer = (long) c.b() * c.s() * c.e() * c.e() * c.k() * lOut; // fits: the record checked it
            String what = c.k() % 2 == 0 ? "MACs of layer " + (i + 1) : "MACs per layer";
            line(o, what, "B*S * E * L_out * E * k", (long) lOut * c.k() + "*B*S*E^2 (L_out = " + lOut + ")",
                    perLayer);
        }
        line(o, "MACs", c.k() % 2 == 0 ? "sum over the layers" : "layers * MACs per layer",
                fmtCoeff((double) c.convMacs() / bse2) + "*B*S*E^2", c.convMacs());
        line(o, "FLOPs", "2 * MACs", fmtCoeff(2.0 * c.convMacs() / bse2) + "*B*S*E^2", 2 * c.convMacs());
        line(o, "parameters", "layers * (E*E*k + E)", (long) c.layers() * c.k() + "*E^2 + " + c.layers() + "*E",
                c.convParams());
        o.append('\n');
        o.append(String.format(Locale.ROOT, "The conv stack costs %.1fx the FLOPs of the Linear layer (%s vs %s per "
                + "B*S*E^2) and %.2fx its parameters.%n", c.costRatio(), fmtCoeff(2.0 * c.convMacs() / bse2),
                fmtCoeff(2.0 * c.linearMacs() / bse2), (double) c.convParams() / c.linearParams()));
        return o.toString();
    }

    private static void line(StringBuilder o, String what, String formula, String coefficient, long value) {
        o.append(String.format(Locale.ROOT, "  %-15s = %-28s = %-30s = %,d%n", what, formula, coefficient, value));
    }

    private static String fmtCoeff(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
