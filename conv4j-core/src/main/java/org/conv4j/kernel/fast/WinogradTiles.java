package org.conv4j.kernel.fast;

/**
 * Winograd's transforms one tile at a time, in the order of operations {@link ConvMath} specifies: the loops of
 * {@link ScalarConvMath} and the rest of the Vector API implementation after its last whole vectors, so that both
 * compute every element alike (Note [Winograd F(2, 3)] in {@link WinogradConvForward}).
 */
public final class WinogradTiles {
    private WinogradTiles() {
    }

    /**
     * One tile of {@link ConvMath#winogradInputF32}: {@code d_i = s[at + i*D]}, value {@code ξ} at
     * {@code v[to + ξ*next]}.
     */
    public static void input(int taps, int dilation, float[] s, int at, float[] v, int to, int next) {
        float d0 = s[at];
        float d1 = s[at + dilation];
        float d2 = s[at + 2 * dilation];
        float d3 = s[at + 3 * dilation];
        if (taps == 3) {
            v[to] = d0 - d2;
            v[to + next] = d1 + d2;
            v[to + 2 * next] = d2 - d1;
            v[to + 3 * next] = d1 - d3;
        } else {
            float d4 = s[at + 4 * dilation];
            float d5 = s[at + 5 * dilation];
            v[to] = (4 * d0 - 5 * d2) + d4;
            v[to + next] = (d3 + d4) - 4 * (d1 + d2);
            v[to + 2 * next] = (d4 - d3) + 4 * (d1 - d2);
            v[to + 3 * next] = (d4 - d2) + 2 * (d3 - d1);
            v[to + 4 * next] = (d4 - d2) - 2 * (d3 - d1);
            v[to + 5 * next] = (4 * d1 - 5 * d3) + d5;
        }
    }

    /** Output {@code i} of {@link ConvMath#winogradOutputF32}. */
    public static float output(int taps, int dilation, float[] m, int mOff, int next, int i) {
        int h = i / dilation;
        int j = mOff + (h / 2) * dilation + i % dilation;
        if (taps == 3) {
            return h % 2 == 0 ? m[j] + m[j + next] + m[j + 2 * next] : m[j + next] - m[j + 2 * next] - m[j + 3 * next];
        }
        return h % 2 == 0 ? m[j] + m[j + next] + m[j + 2 * next] + m[j + 3 * next] + m[j + 4 * next]
                : (m[j + next] - m[j + 2 * next]) + 2 * (m[j + 3 * next] - m[j + 4 * next]) + m[j + 5 * next];
    }
}
