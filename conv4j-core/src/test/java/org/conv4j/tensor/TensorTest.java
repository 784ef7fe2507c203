package org.conv4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.conv4j.ConvException;
import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void isRowMajor() {
        Tensor t = Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3);
        assertEquals(5.0, t.get(1, 2));
        assertEquals(3.0, t.get(1, 0));
        assertEquals(3, t.size(-1));
        assertEquals("[2, 3]", t.shapeString());
    }

    @Test
    void rejectsNegativeSizesWithPyTorchsMessage() {
        ConvException e = assertThrows(ConvException.class, () -> Tensor.zeros(DType.FLOAT32, 5, 4, -1));
        assertEquals("Trying to create tensor with negative dimension -1: [5, 4, -1]", e.getMessage());
    }

    @Test
    void rejectsDataOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[5], 2, 3));
    }

    @Test
    void convertsBetweenDtypes() {
        Tensor t = Tensor.of(new double[] {0.1, 1e40}, 2);
        Tensor f = t.to(DType.FLOAT32);
        assertEquals((double) 0.1f, f.getDouble(0));
        assertEquals(Double.POSITIVE_INFINITY, f.getDouble(1));
        assertArrayEquals(new double[] {0.1, 1e40}, t.to(DType.FLOAT64).toDoubleArray());
    }

    @Test
    void ofCopiesAndWrapShares() {
        float[] data = {1, 2};
        Tensor copied = Tensor.of(data, 2);
        Tensor wrapped = Tensor.wrap(data, 2);
        data[0] = 9;
        assertEquals(1.0, copied.getDouble(0));
        assertEquals(9.0, wrapped.getDouble(0));
    }
}
