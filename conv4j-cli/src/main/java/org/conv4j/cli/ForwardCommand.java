package org.conv4j.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.conv4j.io.Npy;
import org.conv4j.tensor.Tensor;

/** {@code conv4j forward}: a Conv1d on a {@code .npy} input. */
@Command(name = "forward", mixinStandardHelpOptions = true,
        description = "Run a Conv1d (or F.conv1d, with --case) on a .npy input and write the output as .npy.")
final class ForwardCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    LayerOptions layer;

    @Option(names = "--case", paramLabel = "CASE_JSON",
            description = "take the spec, and module or functional api, from a conformance case.json")
    Path caseJson;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "input (.npy)")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "where to write the output (.npy)")
    Path output;

    @Override
    public Integer call() throws Exception {
        Tensor x = Npy.read(input);
        Tensor y = layer.call(caseJson).forward(x);
        Npy.writeAll(Map.of(output, y));
        command.commandLine().getOut().println("wrote " + output + " " + y.shapeString() + " " + y.dtype());
        return 0;
    }
}
