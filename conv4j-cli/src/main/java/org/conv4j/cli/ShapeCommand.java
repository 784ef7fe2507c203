package org.conv4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.conv4j.nn.Conv1d;
import org.conv4j.spec.ConvShapes;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.Shapes;

/** {@code conv4j shape}: output shape, parameter count, MACs and FLOPs. */
@Command(name = "shape", mixinStandardHelpOptions = true,
        description = "Output shape, parameter count, MACs and FLOPs of a Conv1d on an input shape.")
final class ShapeCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    SpecOptions specOptions;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() throws Exception {
        ConvSpec spec = specOptions.toSpec();
        int[] inShape = input.shape(spec);
        // The checks and the arithmetic look at shapes only: no layer (its weight could be too large to allocate).
        int[] outShape = Conv1d.outputShape(spec, inShape);
        PrintWriter out = command.commandLine().getOut();
        out.println("Conv1d(" + spec.torchArguments() + ")");
        out.printf("input       %s%n", Shapes.format(inShape));
        out.printf("weight      %s%n", Shapes.format(spec.weightShape()));
        out.printf("bias        %s%n", spec.bias() ? Shapes.format(spec.biasShape()) : "none");
        out.printf("output      %s%n", Shapes.format(outShape));
        out.printf("parameters  %,d%n", ConvShapes.parameterCount(spec));
        out.printf("MACs        %,d%n", ConvShapes.macs(spec, outShape));
        out.printf("FLOPs       %,d  (2 per multiply-accumulate: 2 * N * C_out * L_out * C_in/groups * K)%n",
                ConvShapes.flops(spec, outShape));
        return 0;
    }
}
