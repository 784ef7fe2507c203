package org.conv4j.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.conv4j.explain.ElementExplanation;
import org.conv4j.io.AtomicFiles;
import org.conv4j.nn.Conv1d;

/** {@code conv4j explain}: shapes, the output-length formula, and one output element taken apart. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain a Conv1d: why the weight has its shape, how long the output is, and one output "
            + "element taken apart into the sums that produce it.",
            "Without options: Conv1d(in_channels=3, out_channels=2, kernel_size=4) on a seeded (1, 3, 10) input."})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    LayerOptions layer;

    @Mixin
    InputOptions input;

    @Option(names = "--element", paramLabel = "N,O,T", defaultValue = "0,0,0",
            description = "the output element to take apart: N,O,T (or O,T for unbatched input) (default: 0,0,0)")
    String element;

    @Option(names = "--html", paramLabel = "FILE",
            description = "also write the explainer page: one self-contained HTML file (no network) with the picture, "
                + "clickable output cells and controls for every parameter")
    Path html;

    @Option(names = "--svg", paramLabel = "FILE", description = "also write the picture as SVG, for documentation")
    Path svg;

    @Override
    public Integer call() throws Exception {
        Conv1d conv = layer.layer();
        InputOptions.Input x = input.tensor(conv.spec(), layer.seed);
        int[] idx = SpecOptions.ints("--element", element);
        boolean batched = x.tensor().dim() == 3;
        if (idx.length != 3 && !(idx.length == 2 && !batched)) {
            throw new IllegalArgumentException("--element: expected N,O,T" + (batched ? "" : " or O,T") + ", got '"
                    + element + "'");
        }
        int n = idx.length == 3 ? idx[0] : 0;
        if (!batched && n != 0) {
            throw new IllegalArgumentException("--element: the input is unbatched, so N must be 0");
        }
        ElementExplanation e = ElementExplanation.of(conv, x.tensor(), n, idx[idx.length - 2], idx[idx.length - 1]);
        String parameters = layer.weight == null
                ? "as torch.manual_seed(" + layer.seed + "); nn.Conv1d(...) initialises them"
                : "read from " + layer.weight + (layer.biasFile == null ? "" : " and " + layer.biasFile);
        // Files first, all or none, so that an error leaves nothing half-written and prints no explanation.
        Map<Path, byte[]> files = new LinkedHashMap<>();
        if (html != null) {
            files.put(html, ExplainerPage.html(e, layer.seed, "Input " + x.origin() + "; parameters " + parameters
                    + ".").getBytes(StandardCharsets.UTF_8));
        }
        if (svg != null) {
            files.put(svg, ExplainSvg.render(e).getBytes(StandardCharsets.UTF_8));
        }
        AtomicFiles.writeAll(files);
        PrintWriter out = command.commandLine().getOut();
        out.print(ExplainText.render(e, x.origin(), parameters));
        if (html != null) {
            out.println("\nwrote " + html + ": open it in a browser, click output cells, change the controls");
        }
        if (svg != null) {
            out.println((html == null ? "\n" : "") + "wrote " + svg);
        }
        return 0;
    }
}
