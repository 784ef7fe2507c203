package org.conv4j.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.conv4j.TestTensors;
import org.conv4j.explain.ElementExplanation.Fill;
import org.conv4j.explain.ElementExplanation.Tap;
import org.conv4j.nn.Conv1d;
import org.conv4j.nn.RandomSpecs;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ElementExplanationTest {

    @Test
    void theSumOfItsPartsIsWhatTheLayerComputesForEveryElement() {
        for (int seed = 0; seed < 60; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            RandomSpecs c = RandomSpecs.conv1d(r, DType.FLOAT64, 12);
            Conv1d layer = Conv1d.create(c.spec(), seed);
            Tensor x = TestTensors.random(r, DType.FLOAT64, c.inputShape());
            int[] out = layer.outputShape(c.inputShape());
            boolean batched = out.length == 3;
            for (int n = 0; n < (batched ? out[0] : 1); n++) {
                for (int o = 0; o < out[out.length - 2]; o++) {
                    for (int t = 0; t < out[out.length - 1]; t++) {
                        ElementExplanation e = ElementExplanation.of(layer, x, n, o, t);
                        assertEquals(e.layerValue(), e.byHand(), 1e-14, c.spec() + " at " + n + "," + o + "," + t);
                    }
                }
            }
        }
    }

    @Test
    void tracesPaddedPositionsToWhatFillsThem() {
        // Conv1d(1, 1, 3, padding=2, padding_mode='reflect') at t=0 reads positions -2, -1, 0 = x[2], x[1], x[0].
        ConvSpec spec = ConvSpec.conv1d(1, 1, 3).padding(2).paddingMode("reflect").dtype(DType.FLOAT64).build();
        Conv1d layer = Conv1d.of(spec, Tensor.of(new double[] {1, 10, 100}, 1, 1, 3), Tensor.of(new double[] {0.5}, 1));
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 1, 1, 4);
        ElementExplanation e = ElementExplanation.of(layer, x, 0, 0, 0);
        List<Tap> taps = e.terms().get(0).taps();
        assertEquals(List.of(-2, -1, 0), taps.stream().map(Tap::position).toList());
        assertEquals(List.of(Fill.COPY, Fill.COPY, Fill.INPUT), taps.stream().map(Tap::fill).toList());
        assertEquals(List.of(2, 1, 0), taps.stream().map(Tap::source).toList());
        assertEquals(0.5 + 3 * 1 + 2 * 10 + 1 * 100, e.byHand());
        assertEquals(e.byHand(), e.layerValue());

        ConvSpec zeros = ConvSpec.conv1d(1, 1, 3).padding(1).stride(2).dilation(2).dtype(DType.FLOAT64).build();
        ElementExplanation z = ElementExplanation.of(Conv1d.of(zeros, layer.weight(), layer.bias()), x, 0, 0, 0);
        // t=0: positions 0*2 - 1 + k*2 = -1, 1, 3; position -1 is zero padding.
        assertEquals(List.of(-1, 1, 3), z.terms().get(0).taps().stream().map(Tap::position).toList());
        assertEquals(List.of(Fill.ZERO, Fill.INPUT, Fill.INPUT), z.terms().get(0).taps().stream().map(Tap::fill).toList());
        assertEquals(-1, z.terms().get(0).taps().get(0).source());
        assertEquals(0.5 + 2 * 10 + 4 * 100, z.byHand());
    }

    @Test
    void anOutputChannelSeesOnlyItsGroupsInputChannels() {
        ConvSpec spec = ConvSpec.conv1d(6, 4, 2).groups(2).build();
        Conv1d layer = Conv1d.create(spec, 1);
        Tensor x = TestTensors.random(new SplittableRandom(1), DType.FLOAT32, 1, 6, 5);
        ElementExplanation e = ElementExplanation.of(layer, x, 0, 3, 2);
        assertEquals(1, e.group());
        assertEquals(List.of(3, 4, 5), e.terms().stream().map(ElementExplanation.ChannelTerm::channel).toList());
        assertTrue(e.difference() < 1e-6);
    }

    @Test
    void rejectsElementsOutsideTheOutput() {
        Conv1d layer = Conv1d.create(ConvSpec.conv1d(3, 2, 4).build(), 0);
        Tensor x = Tensor.zeros(DType.FLOAT32, 1, 3, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ElementExplanation.of(layer, x, 0, 0, 7));
        assertEquals("t=7 is outside the output: output length is 7", e.getMessage());
    }
}
