package org.conv4j.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.conv4j.ConvException;
import org.conv4j.cli.conformance.ModuleJson;
import org.conv4j.explain.StackLayer;
import org.conv4j.io.InputFile;
import org.conv4j.tensor.DType;

/**
 * A layer stack for {@code conv4j summary}, as JSON:
 * <pre>
 * {"input_shape": [1, 3, 100],
 *  "layers": [{"type": "Conv1d", "in_channels": 3, "out_channels": 16, "kernel_size": 3, "padding": 1},
 *             {"type": "ReLU"}, {"type": "MaxPool1d", "kernel_size": 2}, {"type": "Flatten"},
 *             {"type": "Linear", "in_features": 800, "out_features": 10}]}
 * </pre>
 * Conv1d takes every {@code nn.Conv1d} argument under PyTorch's name. A bad file gets an error naming the layer and
 * the field.
 */
final class ModelJson {
    private static final Set<String> ELEMENTWISE = Set.of("ReLU", "GELU", "Tanh", "Sigmoid", "Dropout");

    private ModelJson() {
    }

    record Model(int[] inputShape, List<StackLayer> layers) {
    }

    static Model read(Path file) throws IOException {
        byte[] bytes = InputFile.readAllBytes(file);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new IOException(file + ": not valid JSON: " + JsonErrors.describe(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected an object with 'input_shape' and 'layers'");
        }
        JsonNode shape = root.get("input_shape");
        if (shape == null || !shape.isArray() || shape.isEmpty()) {
            throw new IllegalArgumentException(file + ": field 'input_shape' must be a list of sizes, e.g. [1, 3, 100]");
        }
        int[] inputShape = new int[shape.size()];
        for (int i = 0; i < inputShape.length; i++) {
            if (!shape.get(i).canConvertToInt() || !shape.get(i).isIntegralNumber() || shape.get(i).intValue() < 0) {
                throw new IllegalArgumentException(file + ": field 'input_shape' must hold non-negative integers, got "
                        + shape);
            }
            inputShape[i] = shape.get(i).intValue();
        }
        JsonNode layers = root.get("layers");
        if (layers == null || !layers.isArray()) {
            throw new IllegalArgumentException(file + ": field 'layers' must be a list of layers");
        }
        List<StackLayer> parsed = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            JsonNode layer = layers.get(i);
            String where = file + ": layers[" + i + "]";
            if (!layer.isObject()) {
                throw new IllegalArgumentException(where + ": expected an object with a 'type'");
            }
            JsonNode type = layer.get("type");
            if (type == null || !type.isTextual()) {
                throw new IllegalArgumentException(where + ": field 'type' is missing");
            }
            where += " (" + type.asText() + ")";
            try {
                parsed.add(layer(type.asText(), (ObjectNode) layer.deepCopy(), where));
            } catch (ConvException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return new Model(inputShape, List.copyOf(parsed));
    }

    private static StackLayer layer(String type, ObjectNode fields, String where) {
        fields.remove("type");
        switch (type) {
            case "Conv1d" -> {
                DType dtype = DType.FLOAT32;
                JsonNode dt = fields.remove("dtype");
                if (dt != null) {
                    dtype = DType.parse(dt.asText());
                }
                return new StackLayer.Conv1d(ModuleJson.spec(fields, dtype));
            }
            case "MaxPool1d", "AvgPool1d" -> {
                allow(fields, where, type.equals("MaxPool1d") ? Set.of("kernel_size", "stride", "padding", "dilation")
                        : Set.of("kernel_size", "stride", "padding"));
                int k = integer(fields, "kernel_size", null, where);
                return new StackLayer.Pool1d(type, k, integer(fields, "stride", k, where),
                        integer(fields, "padding", 0, where), integer(fields, "dilation", 1, where));
            }
            case "Flatten" -> {
                allow(fields, where, Set.of());
                return new StackLayer.Flatten();
            }
            case "Linear" -> {
                allow(fields, where, Set.of("in_features", "out_features", "bias"));
                JsonNode bias = fields.get("bias");
                if (bias != null && !bias.isBoolean()) {
                    throw new IllegalArgumentException(where + ": field 'bias' must be true or false, got " + bias);
                }
                return new StackLayer.Linear(integer(fields, "in_features", null, where),
                        integer(fields, "out_features", null, where), bias == null || bias.asBoolean());
            }
            default -> {
                if (ELEMENTWISE.contains(type)) {
                    allow(fields, where, type.equals("Dropout") ? Set.of("p") : Set.of());
                    JsonNode p = fields.get("p");
                    if (p != null && !(p.isNumber() && p.doubleValue() >= 0 && p.doubleValue() <= 1)) {
                        if (!p.isNumber()) {
                            throw new IllegalArgumentException(where + ": field 'p' must be a number, got " + p);
                        }
                        // nn.Dropout's check, the value as Python prints it (7, 1.5, -1e-05).
                        String shown = p.isIntegralNumber() ? p.asText() : pythonRepr(p.doubleValue());
                        throw ConvException.valueError("dropout probability has to be between 0 and 1, but got "
                                + shown);
                    }
                    return new StackLayer.Elementwise(type);
                }
                throw new IllegalArgumentException(where + ": unknown layer type; conv4j summarises Conv1d, "
                        + "MaxPool1d, AvgPool1d, Flatten, Linear, ReLU, GELU, Tanh, Sigmoid and Dropout");
            }
        }
    }

    private static void allow(ObjectNode fields, String where, Set<String> allowed) {
        Iterator<String> names = fields.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown field '" + name + "'"
                        + (allowed.isEmpty() ? " (this layer takes none)" : "; expected one of " + allowed));
            }
        }
    }

    private static int integer(ObjectNode fields, String name, Integer dflt, String where) {
        JsonNode n = fields.get(name);
        if (n == null) {
            if (dflt == null) {
                throw new IllegalArgumentException(where + ": field '" + name + "' is missing");
            }
            return dflt;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new IllegalArgumentException(where + ": field '" + name + "' must be an integer, got " + n);
        }
        return n.intValue();
    }

    /** Python's {@code repr} of a finite float: the shortest digits, plain from 1e-4 to 1e16, else {@code 1.5e-07}. */
    static String pythonRepr(double v) {
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        double a = Math.abs(v);
        if (a == 0 || (a >= 1e-4 && a < 1e16)) {
            String plain = d.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String sign = v < 0 ? "-" : "";
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
