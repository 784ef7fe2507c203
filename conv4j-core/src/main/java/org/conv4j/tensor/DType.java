package org.conv4j.tensor;

import java.util.Locale;

/** The two floating-point element types conv4j computes in, named as PyTorch names them. */
public enum DType {
    FLOAT32("float32", "Float", 4),
    FLOAT64("float64", "Double", 8);

    private final String torchName;
    private final String scalarTypeName;
    private final int byteSize;

    DType(String torchName, String scalarTypeName, int byteSize) {
        this.torchName = torchName;
        this.scalarTypeName = scalarTypeName;
        this.byteSize = byteSize;
    }

    /** {@code "float32"} or {@code "float64"}, as in {@code torch.float32}. */
    public String torchName() {
        return torchName;
    }

    /** ATen's scalar type name ({@code Float}, {@code Double}), used in PyTorch's dtype error messages. */
    public String scalarTypeName() {
        return scalarTypeName;
    }

    /** The legacy tensor type name ({@code torch.FloatTensor}) that some PyTorch messages print. */
    public String legacyTensorTypeName() {
        return "torch." + scalarTypeName + "Tensor";
    }

    public int byteSize() {
        return byteSize;
    }

    /** The type PyTorch promotes a mix of the two to. */
    public static DType promote(DType a, DType b) {
        return a == FLOAT64 || b == FLOAT64 ? FLOAT64 : FLOAT32;
    }

    /** Parses {@code float32}/{@code float64} (also {@code float}/{@code double}, any case). */
    public static DType parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "float32", "float", "f32" -> FLOAT32;
            case "float64", "double", "f64" -> FLOAT64;
            default -> throw new IllegalArgumentException(
                    "unsupported dtype '" + name + "': conv4j computes in float32 or float64");
        };
    }

    @Override
    public String toString() {
        return torchName;
    }
}
