package org.conv4j.cli;

import java.io.IOException;
import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.conv4j.cli.conformance.CaseRunner;
import org.conv4j.cli.conformance.ConformanceCase;
import org.conv4j.io.Npy;
import org.conv4j.nn.Conv1d;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.Tensor;

/** The layer a command runs: a spec (from options or a case.json) and its parameters (from files or a seed). */
public final class LayerOptions {
    @Mixin
    SpecOptions spec;

    @Option(names = "--weight", paramLabel = "FILE", description = "weight (.npy), shape (out, in/groups, kernel)")
    Path weight;

    @Option(names = "--bias-file", paramLabel = "FILE", description = "bias (.npy), shape (out)")
    Path biasFile;

    @Option(names = "--seed", defaultValue = "0",
            description = "initialise missing parameters as torch.manual_seed(SEED); nn.Conv1d(...) (default: 0)")
    long seed;

    /** The spec from the options. */
    ConvSpec spec() {
        return spec.toSpec();
    }

    /** The layer: given parameters, or PyTorch's initialisation from {@code --seed}. */
    Conv1d layer() throws IOException {
        ConvSpec s = spec();
        if (weight == null) {
            if (biasFile != null) {
                throw new IllegalArgumentException("--bias-file needs --weight too");
            }
            return Conv1d.create(s, seed);
        }
        Tensor w = Npy.read(weight);
        Tensor b = biasFile == null ? null : Npy.read(biasFile);
        if (s.bias() && b == null) {
            throw new IllegalArgumentException("the spec has a bias: give --bias-file, or --no-bias");
        }
        return Conv1d.of(s, w, b);
    }

    /**
     * The call: a module from the options or, with {@code caseJson}, the module or functional call a conformance
     * case.json describes.
     */
    CaseRunner.Call call(Path caseJson) throws IOException {
        if (caseJson == null) {
            return new CaseRunner.ModuleCall(layer());
        }
        if (spec.anyGiven()) {
            throw new IllegalArgumentException("--case already gives the spec; drop the other Conv1d options");
        }
        ConformanceCase c = ConformanceCase.loadFile(caseJson);
        Tensor w = weight == null ? null : Npy.read(weight);
        Tensor b = biasFile == null ? null : Npy.read(biasFile);
        return CaseRunner.Call.of(c, w, b, seed);
    }
}
