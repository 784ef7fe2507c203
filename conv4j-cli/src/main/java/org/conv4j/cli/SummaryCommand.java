package org.conv4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.conv4j.ConvException;
import org.conv4j.explain.StackSummary;
import org.conv4j.explain.StackSummary.Row;
import org.conv4j.tensor.Shapes;

/** {@code conv4j summary}: a layer stack's shapes, costs and receptive field, laid out like torchinfo's summary. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"Per layer of a stack described in JSON: input and output shapes, weight and bias shapes, "
            + "parameters, MACs, FLOPs, and the receptive field with its growth through dilation and stride; "
            + "totals last.",
            "MODEL.json: {\"input_shape\": [1, 3, 100], \"layers\": [{\"type\": \"Conv1d\", \"in_channels\": 3, "
                + "\"out_channels\": 16, \"kernel_size\": 3}, {\"type\": \"ReLU\"}, ...]}"})
final class SummaryCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "MODEL_JSON", description = "the stack: input_shape and layers")
    Path model;

    @Override
    public Integer call() throws Exception {
        ModelJson.Model m = ModelJson.read(model);
        List<Row> rows;
        try {
            rows = StackSummary.of(m.inputShape(), m.layers());
        } catch (ConvException e) {
            throw new IllegalArgumentException(model + ": " + e.getMessage(), e);
        }
        PrintWriter out = command.commandLine().getOut();
        out.print(render(model.getFileName().toString(), m.inputShape(), rows));
        return 0;
    }

    static String render(String name, int[] inputShape, List<Row> rows) {
        String fmt = "%-16s %-16s %-16s %-14s %-7s %11s %15s %15s  %s%n";
        StringBuilder b = new StringBuilder();
        String rule = "=".repeat(140) + "\n";
        b.append(name).append(": input ").append(Shapes.format(inputShape)).append('\n').append(rule);
        b.append(String.format(Locale.ROOT, fmt, "Layer (type:idx)", "Input shape", "Output shape", "Weight shape",
                "Bias", "Param #", "MACs", "FLOPs", "Receptive field (growth)"));
        b.append(rule);
        long params = 0;
        long macs = 0;
        for (Row r : rows) {
            params += r.params();
            macs += r.macs();
            String rf = r.receptiveField() == StackSummary.ALL ? "all"
                    : r.receptiveField() + (r.growth().isEmpty() ? "" : " (" + r.growth() + ")");
            b.append(String.format(Locale.ROOT, fmt, r.layer().type() + ": " + r.index(), Shapes.format(r.inputShape()),
                    Shapes.format(r.outputShape()), r.weightShape() == null ? "--" : Shapes.format(r.weightShape()),
                    r.biasShape() == null ? "--" : Shapes.format(r.biasShape()), count(r.params()), count(r.macs()),
                    count(r.flops()), rf));
        }
        b.append(rule);
        b.append(String.format(Locale.ROOT, "Total params: %,d%n", params));
        b.append(String.format(Locale.ROOT, "Total MACs: %,d%n", macs));
        b.append(String.format(Locale.ROOT, "Total FLOPs: %,d (2 per multiply-accumulate)%n", 2 * macs));
        if (!rows.isEmpty()) {
            Row last = rows.get(rows.size() - 1);
            b.append(last.receptiveField() == StackSummary.ALL
                    ? "Receptive field: the whole input (a Flatten or Linear layer sees everything)\n"
                    : String.format(Locale.ROOT, "Receptive field: %d input positions per output position, which "
                            + "are %d input positions apart%n", last.receptiveField(), last.jump()));
        }
        b.append(rule);
        return b.toString();
    }

    private static String count(long v) {
        return v == 0 ? "--" : String.format(Locale.ROOT, "%,d", v);
    }
}
