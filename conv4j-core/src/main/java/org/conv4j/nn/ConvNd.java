package org.conv4j.nn;

import java.util.Objects;
import java.util.Set;

import org.conv4j.functional.ConvArgs;
import org.conv4j.functional.Functional;
import org.conv4j.functional.Grad;
import org.conv4j.functional.Gradients;
import org.conv4j.functional.Pad;
import org.conv4j.kernel.KernelWeight;
import org.conv4j.spec.ConvSpec;
import org.conv4j.spec.Padding;
import org.conv4j.spec.PaddingMode;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Shapes;
import org.conv4j.tensor.Tensor;
import org.conv4j.tensor.TensorMeta;

/**
 * What {@link Conv1d}, {@link Conv2d} and {@link Conv3d} share: a spec, a weight {@code (C_out, C_in / groups,
 * *kernel)} and an optional bias {@code (C_out)}, and PyTorch's module forward: a non-zeros padding mode pads the
 * input with {@code F.pad} first, then the functional convolution runs.
 *
 * <p>Immutable and thread-safe: one layer can serve many threads. {@link #weight()} and {@link #bias()} return
 * copies; {@link #withParameters} makes a new layer.
 */
public abstract sealed class ConvNd permits Conv1d, Conv2d, Conv3d {
    private final int spatialDims;
    private final ConvSpec spec;
    private final Tensor weight; // (C_out, C_in / groups, *kernel)
    private final Tensor bias; // (C_out), or null
    private final KernelWeight kernelWeight; // the weight with the packings kernels make once and reuse
    private volatile CachedPlan lastPlan; // a service calls with the same input shape again and again

    private record CachedPlan(TensorMeta input, Plan plan) {
    }

    ConvNd(int spatialDims, ConvSpec spec, Tensor weight, Tensor bias) {
        this.spatialDims = spatialDims;
        this.spec = spec;
        if (!weight.hasShape(spec.weightShape()) || weight.dtype() != spec.dtype()) {
            throw new IllegalArgumentException("weight must be " + spec.dtype() + " of size "
                    + Shapes.format(spec.weightShape()) + " (out_channels, in_channels / groups, *kernel_size), got "
                    + weight.dtype() + " of size " + weight.shapeString());
        }
        if (spec.bias() != (bias != null)) {
            throw new IllegalArgumentException(spec.bias() ? "the spec has a bias, but no bias tensor was given"
                    : "the spec has bias=False, but a bias tensor was given");
        }
        if (bias != null && (!bias.hasShape(spec.biasShape()) || bias.dtype() != spec.dtype())) {
            throw new IllegalArgumentException("bias must be " + spec.dtype() + " of size "
                    + Shapes.format(spec.biasShape()) + " (out_channels), got " + bias.dtype() + " of size "
                    + bias.shapeString());
        }
        this.weight = weight.copy();
        this.bias = bias == null ? null : bias.copy();
        this.kernelWeight = KernelWeight.of(this.weight);
    }

    /**
     * A checked forward call: the padding step (for non-zeros padding modes) and the functional call.
     *
     * @param pad  {@code F.pad} applied to the input first, or null for zeros padding
     * @param conv the functional convolution on the (padded) input
     */
    public record Plan(Pad.Plan pad, Functional.Plan conv) {
        public int[] outputShape() {
            return conv.outputShape();
        }
    }

    public ConvSpec spec() {
        return spec;
    }

    /** 1, 2 or 3: the module's own dimensionality (conv1d, conv2d or conv3d), whatever the kernel's length. */
    public int spatialDims() {
        return spatialDims;
    }

    /** A copy of the weight. */
    public Tensor weight() {
        return weight.copy();
    }

    /** A copy of the bias, or null without one. */
    public Tensor bias() {
        return bias == null ? null : bias.copy();
    }

    /** Checks a forward call on an input of this shape and dtype in PyTorch's order, computing nothing. */
    public Plan plan(TensorMeta input) {
        CachedPlan cached = lastPlan;
        if (cached != null && cached.input().equals(input)) {
            return cached.plan();
        }
        Plan p = makePlan(input);
        lastPlan = new CachedPlan(input, p);
        return p;
    }

    private Plan makePlan(TensorMeta input) {
        return plan(spatialDims, spec, input);
    }

    /**
     * {@link #plan(TensorMeta)} from the spec alone (the checks look at the parameters' shapes, never at their
     * values): for shape arithmetic on layers too large to allocate.
     */
    static Plan plan(int spatialDims, ConvSpec spec, TensorMeta input) {
        TensorMeta w = new TensorMeta(spec.weightShape(), spec.dtype());
        TensorMeta b = spec.bias() ? new TensorMeta(spec.biasShape(), spec.dtype()) : null;
        if (spec.paddingMode() != PaddingMode.ZEROS) {
            Pad.Plan pad = Pad.plan(input, spec.reversedPaddingRepeatedTwice(), spec.paddingMode());
            TensorMeta padded = new TensorMeta(pad.outputShape(), input.dtype());
            ConvArgs args = ConvArgs.of(spec.stride(), new int[spatialDims], spec.dilation(), spec.groups());
            return new Plan(pad, Functional.plan(spatialDims, padded, w, b, args));
        }
        return new Plan(null, Functional.plan(spatialDims, input, w, b, args(spec)));
    }

    private static ConvArgs args(ConvSpec spec) {
        if (spec.padding() instanceof Padding.Explicit e) {
            return ConvArgs.of(spec.stride(), e.values(), spec.dilation(), spec.groups());
        }
        return ConvArgs.of(spec.stride(), spec.padding().toString(), spec.dilation(), spec.groups());
    }

    /** The output shape for an input of this shape in the spec's dtype, checked as a forward call would be. */
    public int[] outputShape(int... inputShape) {
        return plan(new TensorMeta(inputShape, spec.dtype())).outputShape();
    }

    /** The layer applied to {@code input}. */
    public Tensor forward(Tensor input) {
        Objects.requireNonNull(input, "input");
        Plan plan = plan(TensorMeta.of(input));
        Tensor out = Tensor.zeros(plan.conv().conv().outputDType(), plan.outputShape());
        forward(input, out);
        return out;
    }

    /**
     * The layer applied to {@code input}, written into {@code out} (the output's shape and dtype; every element is
     * overwritten): a service that calls the layer again and again can reuse one buffer instead of allocating a
     * result per call.
     */
    public void forward(Tensor input, Tensor out) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(out, "out");
        Plan plan = plan(TensorMeta.of(input));
        Tensor x = plan.pad() == null ? input : Pad.apply(plan.pad(), input);
        Functional.forwardInto(plan.conv(), x, kernelWeight, bias, out);
    }

    /** All gradients for {@code gradOutput}: with respect to the input, the weight and (if any) the bias. */
    public Gradients backward(Tensor input, Tensor gradOutput) {
        return backward(input, gradOutput, Grad.all());
    }

    /**
     * The requested gradients of {@code sum(forward(input) * gradOutput)}: what {@code output.backward(gradOutput)}
     * leaves in {@code input.grad}, {@code weight.grad} and {@code bias.grad}. Unrequested ones are null.
     */
    public Gradients backward(Tensor input, Tensor gradOutput, Set<Grad> wanted) {
        Objects.requireNonNull(input, "input");
        Gradients into = Gradients.allocate(wanted, input, weight, bias);
        backward(input, gradOutput, into);
        return into;
    }

    /**
     * The gradients for {@code gradOutput} written into the non-null tensors of {@code into} (shaped like the input,
     * the weight and the bias; every element is overwritten); a null one is not computed.
     */
    public void backward(Tensor input, Tensor gradOutput, Gradients into) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(gradOutput, "gradOutput");
        Objects.requireNonNull(into, "into");
        Plan plan = plan(TensorMeta.of(input));
        if (plan.pad() == null) {
            Functional.backwardInto(plan.conv(), input, kernelWeight, bias, gradOutput, into);
            return;
        }
        // The kernels see the padded input; its gradient folds back onto the input through the padding's maps.
        Tensor x = Pad.apply(plan.pad(), input);
        Tensor gx = into.gradInput() == null ? null : Tensor.zeros(x.dtype(), x.shape());
        Functional.backwardInto(plan.conv(), x, kernelWeight, bias, gradOutput,
                new Gradients(gx, into.gradWeight(), into.gradBias()));
        if (gx != null) {
            Tensor folded = Pad.backward(plan.pad(), gx);
            if (!into.gradInput().hasShape(folded.shape()) || into.gradInput().dtype() != folded.dtype()) {
                throw new IllegalArgumentException("grad_input must be " + folded.dtype() + " of size "
                        + folded.shapeString() + ", got " + into.gradInput().dtype() + " of size "
                        + into.gradInput().shapeString());
            }
            if (folded.dtype() == DType.FLOAT32) {
                System.arraycopy(folded.floatData(), 0, into.gradInput().floatData(), 0, folded.numel());
            } else {
                System.arraycopy(folded.doubleData(), 0, into.gradInput().doubleData(), 0, folded.numel());
            }
        }
    }

    /** A layer with the same spec and other parameters. */
    public abstract ConvNd withParameters(Tensor weight, Tensor bias);

    /** PyTorch's repr, e.g. {@code Conv1d(3, 2, kernel_size=(4,), stride=(1,))}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + spec.torchArguments() + ")";
    }
}
