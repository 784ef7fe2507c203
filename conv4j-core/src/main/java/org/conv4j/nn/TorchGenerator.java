package org.conv4j.nn;

import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;

/**
 * PyTorch's CPU random generator (a 32-bit Mersenne Twister, MT19937) and its {@code Tensor.uniform_}, so that
 * {@code new TorchGenerator(seed)} followed by the same draws gives the values {@code torch.manual_seed(seed)}
 * gives. In particular {@link #kaimingInit} reproduces {@code nn.Conv1d}'s initial weights bit for bit.
 *
 * <p>Note [Uniform draws]: float32 takes the low 24 bits of one 32-bit draw, float64 the low 53 bits of two
 * (the first draw is the high word); the value is {@code x * (to - from) + from}, fused into one FMA as
 * PyTorch's vectorised (AVX2/AVX-512) CPU kernel computes it on x86-64. Not thread-safe.
 */
public final class TorchGenerator {
    private static final int N = 624;
    private static final int M = 397;

    private final int[] state = new int[N];
    private int next;
    private int left = 1;

    /** Seeds as {@code torch.manual_seed(seed)} does (the low 32 bits initialise the twister). */
    public TorchGenerator(long seed) {
        state[0] = (int) seed;
        for (int j = 1; j < N; j++) {
            int prev = state[j - 1];
            state[j] = 1812433253 * (prev ^ (prev >>> 30)) + j;
        }
    }

    private void nextState() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & 0x80000000) | (state[(i + 1) % N] & 0x7fffffff);
            state[i] = state[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        left = N;
        next = 0;
    }

    /** The next 32 random bits (as an unsigned value in a long). */
    public long nextUint32() {
        if (--left == 0) {
            nextState();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    /** {@code torch.empty(1).uniform_(from, to)} in float32 (see Note [Uniform draws]). */
    public float uniformFloat(double from, double to) {
        float lo = (float) from;
        float hi = (float) to;
        float x = (nextUint32() & ((1 << 24) - 1)) * 0x1p-24f;
        return Math.fma(x, hi - lo, lo);
    }

    /** {@code torch.empty(1, dtype=torch.float64).uniform_(from, to)} (see Note [Uniform draws]). */
    public double uniformDouble(double from, double to) {
        long hi = nextUint32();
        long lo = nextUint32();
        double x = (((hi << 32) | lo) & ((1L << 53) - 1)) * 0x1p-53;
        return Math.fma(x, to - from, from);
    }

    /** Fills a new tensor with {@code uniform_(from, to)} draws in row-major order. */
    public Tensor uniform(DType dtype, double from, double to, int... shape) {
        Tensor t = Tensor.zeros(dtype, shape);
        if (dtype == DType.FLOAT32) {
            float[] f = t.floatData();
            for (int i = 0; i < f.length; i++) {
                f[i] = uniformFloat(from, to);
            }
        } else {
            double[] d = t.doubleData();
            for (int i = 0; i < d.length; i++) {
                d[i] = uniformDouble(from, to);
            }
        }
        return t;
    }

    /**
     * {@code nn.Conv1d.reset_parameters()}: the weight from {@code kaiming_uniform_(a=sqrt(5))}, which is uniform in
     * {@code ±1/sqrt(fan_in)}, then the bias uniform in {@code ±1/sqrt(fan_in)}. Zero-element tensors draw nothing.
     * With {@code fan_in = 0} PyTorch leaves the bias uninitialised; here it is zero.
     *
     * @return {@code {weight, bias}}, the bias null when {@code biasShape} is null
     */
    public Tensor[] kaimingInit(DType dtype, int[] weightShape, int[] biasShape) {
        long fanIn = 1;
        for (int d = 1; d < weightShape.length; d++) {
            fanIn *= weightShape[d];
        }
        long numel = fanIn * weightShape[0];
        Tensor weight;
        if (numel == 0) {
            weight = Tensor.zeros(dtype, weightShape);
        } else {
            // kaiming_uniform_: gain = sqrt(2 / (1 + a^2)), bound = sqrt(3) * gain / sqrt(fan_in), in Python's doubles.
            double a = Math.sqrt(5.0);
            double gain = Math.sqrt(2.0 / (1 + a * a));
            double bound = Math.sqrt(3.0) * (gain / Math.sqrt(fanIn));
            weight = uniform(dtype, -bound, bound, weightShape);
        }
        Tensor bias = null;
        if (biasShape != null) {
            if (fanIn != 0) {
                double bound = 1 / Math.sqrt(fanIn);
                bias = uniform(dtype, -bound, bound, biasShape);
            } else {
                bias = Tensor.zeros(dtype, biasShape);
            }
        }
        return new Tensor[] {weight, bias};
    }
}
