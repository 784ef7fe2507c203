package org.conv4j.cli.conformance;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.conv4j.ConvException;
import org.conv4j.functional.ConvArgs;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.DType;

/**
 * Turns the {@code module} object of a case (PyTorch's keyword arguments, possibly illegal) into a spec or
 * functional arguments, keeping the distinction PyTorch makes between an integer ({@code 3}, expanded to every
 * dimension) and a list ({@code [3]}, {@code [3, 3]}, kept as given).
 */
public final class ModuleJson {
    private ModuleJson() {
    }

    /** Builds {@code nn.Conv1d(**module)}; throws PyTorch's errors for illegal values. */
    public static ConvSpec spec(JsonNode m, DType dtype) {
        checkKnownKeys(m);
        int in = integer(m, "in_channels", null);
        int out = integer(m, "out_channels", null);
        JsonNode k = m.path("kernel_size");
        ConvSpec.Builder b = k.isArray() ? ConvSpec.conv1d(in, out, intList(k, "kernel_size"))
                : ConvSpec.conv1d(in, out, integer(m, "kernel_size", null));
        JsonNode s = m.get("stride");
        if (s != null) {
            if (s.isArray()) {
                b.stride(intList(s, "stride"));
            } else {
                b.stride(integer(m, "stride", 1));
            }
        }
        JsonNode d = m.get("dilation");
        if (d != null) {
            if (d.isArray()) {
                b.dilation(intList(d, "dilation"));
            } else {
                b.dilation(integer(m, "dilation", 1));
            }
        }
        JsonNode p = m.get("padding");
        if (p != null) {
            if (p.isTextual()) {
                b.padding(p.asText());
            } else if (p.isArray()) {
                b.padding(intList(p, "padding"));
            } else {
                b.padding(integer(m, "padding", 0));
            }
        }
        b.groups(integer(m, "groups", 1));
        b.bias(!m.has("bias") || truthy(m.get("bias")));
        JsonNode mode = m.get("padding_mode");
        b.paddingMode(mode == null ? "zeros" : mode.isNull() ? "None" : mode.asText()); // None as Python prints it
        return b.dtype(dtype).build();
    }

    /** The arguments of {@code F.conv1d(input, weight, bias, stride, padding, dilation, groups)}. */
    public static ConvArgs functionalArgs(JsonNode m) {
        int[] stride = listOrSingle(m, "stride", 1);
        int[] dilation = listOrSingle(m, "dilation", 1);
        int groups = integer(m, "groups", 1);
        JsonNode p = m.get("padding");
        if (p != null && p.isTextual()) {
            return ConvArgs.of(stride, p.asText(), dilation, groups);
        }
        return ConvArgs.of(stride, listOrSingle(m, "padding", 0), dilation, groups);
    }

    private static void checkKnownKeys(JsonNode m) {
        Iterator<Map.Entry<String, JsonNode>> it = m.fields();
        while (it.hasNext()) {
            String key = it.next().getKey();
            switch (key) {
                case "in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation", "groups",
                        "bias", "padding_mode" -> {
                }
                default -> throw new ConvException(ConvException.PythonType.TypeError,
                        "__init__() got an unexpected keyword argument '" + key + "'");
            }
        }
    }

    private static int[] listOrSingle(JsonNode m, String key, int dflt) {
        JsonNode n = m.get(key);
        if (n != null && n.isArray()) {
            return intList(n, key);
        }
        return new int[] {integer(m, key, dflt)};
    }

    private static int integer(JsonNode m, String key, Integer dflt) {
        JsonNode n = m.get(key);
        if (n != null && n.isNull()) { // Python's None is not the default: PyTorch fails on it
            throw new ConvException(ConvException.PythonType.TypeError, key + " must be an integer (or a list of "
                    + "integers), got None");
        }
        if (n == null) {
            if (dflt == null) {
                throw new ConvException(ConvException.PythonType.TypeError,
                        "__init__() missing required argument: '" + key + "'");
            }
            return dflt;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new ConvException(ConvException.PythonType.TypeError,
                    key + " must be an integer (or a list of integers), got " + n);
        }
        return n.intValue();
    }

    private static int[] intList(JsonNode array, String key) {
        int[] r = new int[array.size()];
        for (int i = 0; i < r.length; i++) {
            JsonNode v = array.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new ConvException(ConvException.PythonType.TypeError,
                        key + " must be a list of integers, got " + array);
            }
            r[i] = v.intValue();
        }
        return r;
    }

    /** Python's {@code bool(value)}, as {@code nn.Conv1d} reads {@code bias}: null, false, 0, "", [], {} are false. */
    static boolean truthy(JsonNode v) {
        if (v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.doubleValue() != 0;
        }
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        return v.size() > 0; // arrays and objects
    }
}
