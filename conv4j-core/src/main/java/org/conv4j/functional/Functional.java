package org.conv4j.functional;

import static org.conv4j.ConvException.check;

import java.util.Set;

import org.conv4j.ConvException;
import org.conv4j.kernel.KernelWeight;
import org.conv4j.tensor.Shapes;
import org.conv4j.tensor.Tensor;
import org.conv4j.tensor.TensorMeta;

/**
 * {@code torch.nn.functional.conv1d}, {@code conv2d} and {@code conv3d}: no module checks, zeros padding only,
 * PyTorch's functional error messages. Input is batched {@code (N, C, *spatial)} or unbatched
 * {@code (C, *spatial)}; weight {@code (C_out, C_in / groups, *kernel)}; bias {@code (C_out)} or null.
 *
 * <p>Each call is planned first (every check, the output shape) and computed only when the plan succeeds, so a
 * bad call computes nothing.
 */
public final class Functional {
    private Functional() {
    }

    /**
     * A checked functional call.
     *
     * @param spatialDims 1, 2 or 3: which of conv1d, conv2d, conv3d was called
     * @param batched     whether the input had a batch dimension (otherwise one of size 1 was added)
     * @param conv        the call on the batched input
     */
    public record Plan(int spatialDims, boolean batched, ConvPlan conv) {
        /** The shape of the call's result (without the batch dimension for an unbatched input). */
        public int[] outputShape() {
            int[] s = conv.outputShape();
            return batched ? s : Shapes.dropFirst(s);
        }
    }

    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, ConvArgs args) {
        return conv(1, input, weight, bias, args);
    }

    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, ConvArgs args) {
        return conv(2, input, weight, bias, args);
    }

    public static Tensor conv3d(Tensor input, Tensor weight, Tensor bias, ConvArgs args) {
        return conv(3, input, weight, bias, args);
    }

    /** {@code conv{spatialDims}d(input, weight, bias, ...)}. */
    public static Tensor conv(int spatialDims, Tensor input, Tensor weight, Tensor bias, ConvArgs args) {
        Plan plan = plan(spatialDims, TensorMeta.of(input), TensorMeta.of(weight), TensorMeta.of(bias), args);
        return forward(plan, input, weight, bias);
    }

    /**
     * The gradients of {@code conv{spatialDims}d(input, weight, bias, ...)} for {@code gradOutput}, as autograd
     * computes them.
     */
    public static Gradients convBackward(int spatialDims, Tensor input, Tensor weight, Tensor bias, ConvArgs args,
            Tensor gradOutput, Set<Grad> wanted) {
        Plan plan = plan(spatialDims, TensorMeta.of(input), TensorMeta.of(weight), TensorMeta.of(bias), args);
        return backward(plan, input, weight, bias, gradOutput, wanted);
    }

    /** Checks a call in PyTorch's order and returns its plan; throws {@link ConvException} as PyTorch would. */
    public static Plan plan(int spatialDims, TensorMeta input, TensorMeta weight, TensorMeta bias, ConvArgs args) {
        if (spatialDims < 1 || spatialDims > 3) {
            throw new IllegalArgumentException("spatialDims must be 1, 2 or 3, got " + spatialDims);
        }
        boolean batched = input.dim() == spatialDims + 2;
        check(batched || input.dim() == spatialDims + 1, () -> "Expected " + (spatialDims + 1) + "D (unbatched) or "
                + (spatialDims + 2) + "D (batched) input to conv" + spatialDims + "d, but got input of size: "
                + input.shapeString());
        TensorMeta x = batched ? input : new TensorMeta(Shapes.prepend(1, input.shape()), input.dtype());
        ConvPlan conv;
        if (args.paddingString() != null) {
            conv = switch (args.paddingString()) {
                case "same" -> Convolution.planSame(x, weight, bias, args.stride(), args.dilation(), args.groups());
                case "valid" -> Convolution.plan(x, weight, bias, args.stride(), new int[] {0}, args.dilation(),
                        args.groups());
                default -> throw ConvException.runtimeError("Invalid padding string: '" + args.paddingString() + "'");
            };
        } else {
            conv = Convolution.plan(x, weight, bias, args.stride(), args.padding(), args.dilation(), args.groups());
        }
        return new Plan(spatialDims, batched, conv);
    }

    /** Computes a planned call. */
    public static Tensor forward(Plan plan, Tensor input, Tensor weight, Tensor bias) {
        return forward(plan, input, KernelWeight.of(weight), bias);
    }

    /** Computes a planned call with a weight whose derived forms (packings) may be reused across calls. */
    public static Tensor forward(Plan plan, Tensor input, KernelWeight weight, Tensor bias) {
        Tensor out = Tensor.zeros(plan.conv().outputDType(), plan.outputShape());
        forwardInto(plan, input, weight, bias, out);
        return out;
    }

    /**
     * Computes a planned call into {@code out} (the call's output shape and dtype; every element is overwritten),
     * so that a caller can reuse its buffers.
     */
    public static void forwardInto(Plan plan, Tensor input, KernelWeight weight, Tensor bias, Tensor out) {
        Convolution.checkTarget(out, plan.conv().outputDType(), plan.outputShape(), "out");
        Tensor x = plan.batched() ? input : input.reshape(Shapes.prepend(1, input.shape()));
        Tensor y = plan.batched() ? out : out.reshape(plan.conv().outputShape());
        Convolution.forwardInto(plan.conv(), x, weight, bias, y);
    }

    /** The gradients of a planned call; {@code gradOutput} must have the output's shape. */
    public static Gradients backward(Plan plan, Tensor input, Tensor weight, Tensor bias, Tensor gradOutput,
            Set<Grad> wanted) {
        return backward(plan, input, KernelWeight.of(weight), bias, gradOutput, wanted);
    }

    /** The gradients of a planned call, with a weight whose derived forms may be reused across calls. */
    public static Gradients backward(Plan plan, Tensor input, KernelWeight weight, Tensor bias, Tensor gradOutput,
            Set<Grad> wanted) {
        Gradients into = Gradients.allocate(wanted, input, weight.tensor(), bias);
        backwardInto(plan, input, weight, bias, gradOutput, into);
        return into;
    }

    /**
     * The gradients of a planned call into the non-null tensors of {@code into} (shaped like the input, the weight
     * and the bias; every element is overwritten). {@code gradOutput} must have the output's shape.
     */
    public static void backwardInto(Plan plan, Tensor input, KernelWeight weight, Tensor bias, Tensor gradOutput,
            Gradients into) {
        int[] outShape = plan.outputShape();
        check(gradOutput.hasShape(outShape), () -> "Mismatch in shape: grad_output[0] has a shape of torch.Size("
                + gradOutput.shapeString() + ") and output[0] has a shape of torch.Size(" + Shapes.format(outShape)
                + ").");
        Tensor x = plan.batched() ? input : input.reshape(Shapes.prepend(1, input.shape()));
        Tensor gy = plan.batched() ? gradOutput : gradOutput.reshape(plan.conv().outputShape());
        Tensor gi = into.gradInput();
        if (gi != null) {
            Convolution.checkTarget(gi, input.dtype(), input.shape(), "grad_input");
            gi = gi.reshape(x.shape());
        }
        Convolution.backwardInto(plan.conv(), x, weight, bias, gy, new Gradients(gi, into.gradWeight(),
                into.gradBias()));
    }
}
