package org.conv4j.cli.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.conv4j.ConvException;
import org.conv4j.functional.ConvArgs;
import org.conv4j.functional.Functional;
import org.conv4j.functional.Grad;
import org.conv4j.functional.Gradients;
import org.conv4j.io.Npy;
import org.conv4j.nn.Conv1d;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;

/**
 * Runs one conformance case the way its generator ran PyTorch: build {@code nn.Conv1d(**module)} (or take
 * {@code F.conv1d}), copy in the stored parameters, call it on the stored input and, when a {@code grad_output}
 * is stored, compute the gradients. It computes; it does not judge.
 */
public final class CaseRunner {
    /** The result files a run may leave in a case's result folder. */
    public static final String[] RESULT_FILES = {"output.npy", "grad_input.npy", "grad_weight.npy",
        "grad_bias.npy", "error.txt"};

    private CaseRunner() {
    }

    /** What a case produced: arrays, or the error PyTorch's counterpart would raise. */
    public sealed interface Outcome {
        /** Writes the outcome into {@code resultDir}, replacing whatever an earlier run left there. */
        void write(Path resultDir) throws IOException;
    }

    /**
     * The computed tensors; {@code gradients} is null when the case stores no {@code grad_output}.
     *
     * @param output    the forward result
     * @param gradients the gradients for the stored grad_output, or null
     */
    public record Computed(Tensor output, Gradients gradients) implements Outcome {
        public Map<String, Tensor> files() {
            Map<String, Tensor> files = new LinkedHashMap<>();
            files.put("output.npy", output);
            if (gradients != null) {
                files.put("grad_input.npy", gradients.gradInput());
                files.put("grad_weight.npy", gradients.gradWeight());
                if (gradients.gradBias() != null) {
                    files.put("grad_bias.npy", gradients.gradBias());
                }
            }
            return files;
        }

        @Override
        public void write(Path resultDir) throws IOException {
            clear(resultDir);
            for (Map.Entry<String, Tensor> e : files().entrySet()) {
                Npy.write(resultDir.resolve(e.getKey()), e.getValue());
            }
        }
    }

    /** The error raised, as {@code "<PythonType>: <message>"}. */
    public record Raised(ConvException error) implements Outcome {
        public String text() {
            return error.pythonType() + ": " + error.getMessage();
        }

        @Override
        public void write(Path resultDir) throws IOException {
            clear(resultDir);
            Files.writeString(resultDir.resolve("error.txt"), text() + "\n");
        }
    }

    private static void clear(Path resultDir) throws IOException {
        Files.createDirectories(resultDir);
        clearResults(resultDir);
    }

    /** Deletes the result files an earlier run may have left in {@code resultDir}, so none outlives a failure. */
    public static void clearResults(Path resultDir) throws IOException {
        if (Files.isDirectory(resultDir)) {
            for (String f : RESULT_FILES) {
                Files.deleteIfExists(resultDir.resolve(f));
            }
        }
    }

    /** Runs a case. I/O problems with the case's own files propagate; PyTorch-style errors become {@link Raised}. */
    public static Outcome run(ConformanceCase c) throws IOException {
        DType inputDType;
        try {
            inputDType = c.inputDType();
        } catch (IllegalArgumentException e) {
            // Not a PyTorch error: conv4j's tensors cannot hold this dtype, so the case cannot be reproduced.
            return new Raised(ConvException.runtimeError("conv4j cannot run this case: " + e.getMessage()));
        }
        Tensor input = c.has("input") ? Npy.read(c.file("input")) : Tensor.zeros(inputDType, c.inputShape());
        Tensor weight = c.has("weight") ? Npy.read(c.file("weight")) : null;
        Tensor bias = c.has("bias") ? Npy.read(c.file("bias")) : null;
        Tensor gradOutput = c.has("grad_output") ? Npy.read(c.file("grad_output")) : null;
        try {
            Call call = Call.of(c, weight, bias, 0);
            Tensor output = call.forward(input);
            Gradients g = gradOutput == null ? null : call.backward(input, gradOutput);
            return new Computed(output, g);
        } catch (ConvException e) {
            return new Raised(e);
        }
    }

    /** A case's convolution: a layer, or a functional call with its tensors and arguments. */
    public sealed interface Call {
        Tensor forward(Tensor input);

        Gradients backward(Tensor input, Tensor gradOutput);

        /**
         * Builds the call a case describes. Missing parameters are initialised as PyTorch would for a module
         * (from {@code seed}) and zero-filled from {@code weight_shape}/{@code bias_shape} for a functional call.
         */
        static Call of(ConformanceCase c, Tensor weight, Tensor bias, long seed) {
            if ("functional".equals(c.api())) {
                if (weight == null && c.weightShape() == null) {
                    throw new IllegalArgumentException(c.id() + ": a functional case needs weight_shape (or a weight)");
                }
                Tensor w = weight != null ? weight : Tensor.zeros(c.dtype(), c.weightShape());
                Tensor b = bias != null ? bias : c.biasShape() == null ? null : Tensor.zeros(c.dtype(), c.biasShape());
                return new FunctionalCall(w, b, ModuleJson.functionalArgs(c.module()));
            }
            ConvSpec spec = ModuleJson.spec(c.module(), c.dtype());
            return new ModuleCall(weight == null ? Conv1d.create(spec, seed) : Conv1d.of(spec, weight, bias));
        }
    }

    /** {@code nn.Conv1d}. */
    public record ModuleCall(Conv1d layer) implements Call {
        @Override
        public Tensor forward(Tensor input) {
            return layer.forward(input);
        }

        @Override
        public Gradients backward(Tensor input, Tensor gradOutput) {
            return layer.backward(input, gradOutput);
        }
    }

    /** {@code F.conv1d}. */
    public record FunctionalCall(Tensor weight, Tensor bias, ConvArgs args) implements Call {
        @Override
        public Tensor forward(Tensor input) {
            return Functional.conv1d(input, weight, bias, args);
        }

        @Override
        public Gradients backward(Tensor input, Tensor gradOutput) {
            return Functional.convBackward(1, input, weight, bias, args, gradOutput, Grad.all());
        }
    }
}
