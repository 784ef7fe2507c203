package org.conv4j.explain;

import java.util.Objects;

import org.conv4j.spec.ConvSpec;

/** One layer of a stack described for {@link StackSummary}: a convolution or one of the layers around it. */
public sealed interface StackLayer {

    /** PyTorch's class name: {@code Conv1d}, {@code ReLU}, ... */
    String type();

    /** {@code nn.Conv1d}. */
    record Conv1d(ConvSpec spec) implements StackLayer {
        public Conv1d {
            Objects.requireNonNull(spec);
        }

        @Override
        public String type() {
            return "Conv1d";
        }
    }

    /** An element-wise activation ({@code ReLU}, {@code GELU}, {@code Tanh}, {@code Sigmoid}) or {@code Dropout}. */
    record Elementwise(String type) implements StackLayer {
    }

    /**
     * {@code nn.MaxPool1d} or {@code nn.AvgPool1d}: windows of {@code kernelSize}, {@code stride} (PyTorch's default:
     * the kernel size), zero {@code padding}, {@code dilation} (max pooling only).
     */
    record Pool1d(String type, int kernelSize, int stride, int padding, int dilation) implements StackLayer {
        // As in PyTorch, the parameters are checked by the call (StackSummary), after or among the input's checks.
    }

    /** {@code nn.Flatten()}: everything after the batch dimension into one. */
    record Flatten() implements StackLayer {
        @Override
        public String type() {
            return "Flatten";
        }
    }

    /** {@code nn.Linear(inFeatures, outFeatures, bias)} on the last dimension. */
    record Linear(int inFeatures, int outFeatures, boolean bias) implements StackLayer {
        public Linear {
            if (inFeatures < 0 || outFeatures < 0) {
                throw new IllegalArgumentException("Linear: in_features and out_features must be non-negative");
            }
        }

        @Override
        public String type() {
            return "Linear";
        }
    }
}
