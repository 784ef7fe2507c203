package org.conv4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.conv4j.functional.Gradients;
import org.conv4j.io.Npy;
import org.conv4j.tensor.Tensor;

/** {@code conv4j backward}: gradients of a Conv1d for a {@code .npy} grad-output. */
@Command(name = "backward", mixinStandardHelpOptions = true,
        description = "Gradients of a Conv1d (or F.conv1d, with --case) with respect to input, weight and bias "
            + "for a given grad_output, as output.backward(grad_output) computes them.")
final class BackwardCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    LayerOptions layer;

    @Option(names = "--case", paramLabel = "CASE_JSON",
            description = "take the spec, and module or functional api, from a conformance case.json")
    Path caseJson;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "input (.npy)")
    Path input;

    @Option(names = "--grad-output", required = true, paramLabel = "FILE",
            description = "gradient with respect to the output (.npy), shaped like the output")
    Path gradOutput;

    @Option(names = "--grad-input", paramLabel = "FILE", description = "where to write grad_input (.npy)")
    Path gradInput;

    @Option(names = "--grad-weight", paramLabel = "FILE", description = "where to write grad_weight (.npy)")
    Path gradWeight;

    @Option(names = "--grad-bias", paramLabel = "FILE", description = "where to write grad_bias (.npy)")
    Path gradBias;

    @Override
    public Integer call() throws Exception {
        if (gradInput == null && gradWeight == null && gradBias == null) {
            throw new IllegalArgumentException("nothing to write: give --grad-input, --grad-weight and/or --grad-bias");
        }
        Tensor x = Npy.read(input);
        Tensor gy = Npy.read(gradOutput);
        Gradients g = layer.call(caseJson).backward(x, gy);
        Map<Path, Tensor> files = new LinkedHashMap<>();
        if (gradInput != null) {
            files.put(gradInput, g.gradInput());
        }
        if (gradWeight != null) {
            files.put(gradWeight, g.gradWeight());
        }
        if (gradBias != null) {
            if (g.gradBias() == null) {
                throw new IllegalArgumentException("--grad-bias: the layer has no bias");
            }
            files.put(gradBias, g.gradBias());
        }
        Npy.writeAll(files);
        for (Map.Entry<Path, Tensor> e : files.entrySet()) {
            command.commandLine().getOut().println("wrote " + e.getKey() + " " + e.getValue().shapeString());
        }
        return 0;
    }
}
