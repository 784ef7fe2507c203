package org.conv4j.kernel.fast;

import static org.conv4j.kernel.fast.ImplicitGemmConvKernel.columnBlock;

import org.conv4j.kernel.ConvProblem;
import org.conv4j.kernel.KernelWeight;
import org.conv4j.kernel.fast.ImplicitGemmConvKernel.Geometry;
import org.conv4j.kernel.fast.ImplicitGemmConvKernel.Packing;
import org.conv4j.tensor.Tensor;

/**
 * The input gradient of {@link ImplicitGemmConvKernel}, in one of three forms by shape:
 * <ul>
 *   <li>per residue {@code ρ} of the input position modulo the stride, a stride-1 GEMM over the output gradient
 *       with only the taps that reach that residue (no zero-stuffing, no wasted products):
 *       {@code gx[c, ρ + S*j] = sum over (o, k) of w[o, c, k] * gy[o, j + e(k)]},
 *       {@code e(k) = (ρ + P - k*D) / S};</li>
 *   <li>few input channels per group, many output channels: unfolded columns and col2im ({@link Col2imInputGradient});</li>
 *   <li>one input channel per group, few output channels: the depthwise routine.</li>
 * </ul>
 */
final class GemmInputGradient {
    private GemmInputGradient() {
    }

    /**
     * The weights rearranged for the input gradient, per residue {@code ρ} of the input position modulo the stride:
     * the taps that reach it, their shifts {@code e(k)}, and per group the A panels {@code [c / MR][r = o*|taps| +
     * i][c % MR] = w[o, c, taps[i]]}, or in tap-major order ({@link #tapMajor}) {@code r = i*Og + o}.
     */
    record Residues(int[][] taps, int[][] shifts, Object[][] packed) {
    }

    private static Residues packInputGradient(Typed t, Tensor weight, Geometry q, int mr, boolean tapMajor) {
        Object w = t.data(weight);
        int[][] taps = new int[q.s()][];
        int[][] shifts = new int[q.s()][];
        Object[][] packed = new Object[q.g()][q.s()];
        int panels = (q.cg() + mr - 1) / mr;
        for (int rho = 0; rho < q.s(); rho++) {
            int count = 0;
            int[] tk = new int[q.k()];
            int[] sh = new int[q.k()];
            for (int k = 0; k < q.k(); k++) {
                int e = rho + q.p() - k * q.d();
                if (Math.floorMod(e, q.s()) == 0) {
                    tk[count] = k;
                    sh[count] = Math.floorDiv(e, q.s());
                    count++;
                }
            }
            taps[rho] = java.util.Arrays.copyOf(tk, count);
            shifts[rho] = java.util.Arrays.copyOf(sh, count);
            int reduction = q.og() * count;
            for (int g = 0; g < q.g(); g++) {
                Object a = t.alloc(panels * reduction * mr);
                for (int c = 0; c < q.cg(); c++) {
                    int base = (c / mr) * reduction * mr + c % mr;
                    for (int o = 0; o < q.og(); o++) {
                        for (int i = 0; i < count; i++) {
                            int src = ((g * q.og() + o) * q.cg() + c) * q.k() + taps[rho][i];
                            int r = tapMajor ? i * q.og() + o : o * count + i;
                            t.set(a, base + r * mr, t.get(w, src));
                        }
                    }
                }
                packed[g][rho] = a;
            }
        }
        return new Residues(taps, shifts, packed);
    }

    /**
     * Whether the GEMM's reduction runs tap by tap, over the output channels within a tap, as the forward's does
     * (Note [Tap-major reduction] in ImplicitGemmConvKernel): B's rows of one tap then form one long run in the
     * copy of the output gradient, instead of a table of row starts (or, from 128 input channels, B repacked into
     * panels). With stride 1 (one residue, all taps), from 32 output channels per group, the copy within the
     * forward's bound. In calls alternating between them: resnet1d_k3 -9%, grouped_g8 -6%, tcn -1 to -2%,
     * textcnn even.
     */
    static boolean tapMajor(Geometry q) {
        return q.s() == 1 && q.k() > 1 && q.og() >= BBlock.MIN_RUN
                && (long) q.og() * Math.min(q.t(), 1024) <= ImplicitGemmConvKernel.TAP_MAJOR_MAX_ELEMENTS;
    }

    static void compute(ConvMath math, ConvProblem problem, Tensor gradOutput, KernelWeight weight,
            Tensor gradInput) {
        Geometry q = Geometry.of(problem);
        if (WinogradConvForward.suitsInputGradient(q, gradOutput.dtype())) {
            WinogradConvForward.inputGradient(math, q, weight, (float[]) Typed.F32.data(gradOutput),
                    (float[]) Typed.F32.data(gradInput));
            return;
        }
        if (Col2imInputGradient.suits(q)) {
            Col2imInputGradient.compute(math, q, gradOutput, weight, gradInput);
            return;
        }
        if (q.cg() == 1) {
            // One input channel per group: a register tile would have one useful row.
            DepthwiseConvKernel.inputGradientOfSingleChannelGroups(q, math, gradOutput, weight.tensor(), gradInput);
            return;
        }
        Typed t = Typed.of(gradOutput.dtype());
        int mr = math.tileRows();
        boolean tapMajor = tapMajor(q);
        Residues res = weight.derived(new Packing(tapMajor ? "input-taps" : "input", q.g(), q.s(), q.d(), q.p(), mr,
                gradOutput.dtype()), Residues.class, w -> packInputGradient(t, w, q, mr, tapMajor));
        Object gy = t.data(gradOutput);
        Object gx = t.data(gradInput);
        int perResidue = (q.l() + q.s() - 1) / q.s(); // positions of residue 0, the most of any residue
        int nr = t.tileCols(math);
        int block = columnBlock(q.n() * q.g() * q.s(), perResidue, nr, TileGemm.columnBlock(t, nr), q.flops());
        int blocks = (perResidue + block - 1) / block;
        // Each residue's spans of the output gradient, laid out once (Spans#at).
        Spans[] layouts = new Spans[q.s()];
        for (int rho = 0; rho < q.s(); rho++) {
            if (res.taps()[rho].length > 0) {
                layouts[rho] = new Spans(t, math, gy, 0, q.t(), 1, res.shifts()[rho]);
            }
        }
        Parallel.forEach(q.n() * q.g() * q.s() * blocks, q.flops(), item -> {
            int jb = item % blocks;
            int rho = (item / blocks) % q.s();
            int g = (item / blocks / q.s()) % q.g();
            int n = item / blocks / q.s() / q.g();
            int positions = rho < q.l() ? (q.l() - rho + q.s() - 1) / q.s() : 0;
            int jFrom = jb * block;
            int jTo = Math.min(positions, jFrom + block);
            if (jFrom >= jTo) {
                return;
            }
            int xBase = (n * q.cIn() + g * q.cg()) * q.l();
            int[] taps = res.taps()[rho];
            int reduction = q.og() * taps.length;
            // Partial sums in scratch rows an odd number of cache lines apart (Note [Output in scratch] in
            // ImplicitGemmConvKernel), from zero; with stride 1 the last reduction block writes gx, otherwise this
            // residue's positions are scattered into gx from the scratch.
            int width = ImplicitGemmConvKernel.roundUp(jTo - jFrom, nr);
            int ldc = ImplicitGemmConvKernel.scratchStride(t, width);
            Object c = Scratch.get().out(t, q.cg() * ldc);
            if (reduction == 0) {
                t.fill(c, 0, q.cg() * ldc, 0.0);
            } else {
                Spans layout = layouts[rho].at((n * q.cOut() + g * q.og()) * q.t());
                TileGemm.BSource spans = tapMajor ? layout.tapMajorBSource(q.og(), -1) : layout.bSource();
                // As in the forward pass: many input channels stream each B panel, worth packing it.
                TileGemm.BSource b = !tapMajor && q.cg() >= ImplicitGemmConvKernel.PACK_B_FROM_ROWS
                        ? TileGemm.packedPanels(spans, math) : spans;
                TileGemm.View acc = TileGemm.View.matrix(c, -jFrom, ldc);
                TileGemm.View end = q.s() == 1 ? TileGemm.View.matrix(gx, xBase, q.l()) : acc;
                // Whole tiles: B is readable past jTo up to the next tile (TileGemm.run).
                TileGemm.run(t, math, new TileGemm.Prepacked(res.packed()[g][rho], reduction), b, reduction, 0,
                        q.cg(), jFrom, jFrom + width, new TileGemm.View(t.alloc(nr), 0, 0, 0), acc, end, jTo);
                if (q.s() == 1) {
                    return;
                }
            }
            for (int ch = 0; ch < q.cg(); ch++) {
                int to = xBase + ch * q.l() + rho + jFrom * q.s();
                if (q.s() == 1) {
                    t.copy(c, ch * ldc, 1, gx, to, jTo - jFrom);
                } else {
                    t.copyStrided(c, ch * ldc, gx, to, q.s(), jTo - jFrom);
                }
            }
        });
    }
}
