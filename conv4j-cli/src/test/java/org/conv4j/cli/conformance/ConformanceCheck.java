package org.conv4j.cli.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import org.conv4j.io.Npy;
import org.conv4j.tensor.DType;
import org.conv4j.tensor.Shapes;
import org.conv4j.tensor.Tensor;

/**
 * FORMAT.md's comparison, as {@code check.py} implements it, in Java so that the tests need no Python: every
 * element within {@code C * eps(dtype) * sqrt(terms) * abs_scale} (C = 8) of PyTorch's, same dtype and shape;
 * an error case passes when {@code error.txt} holds {@code error_contains} and every {@code error_contains_all}.
 */
final class ConformanceCheck {
    static final double C = 8.0;
    private static final String[] TENSORS = {"output", "grad_input", "grad_weight", "grad_bias"};

    private ConformanceCheck() {
    }

    /** The problems found; empty when the case passes. */
    static List<String> problems(ConformanceCase c, Path resultDir) throws IOException {
        List<String> problems = new ArrayList<>();
        Path error = resultDir.resolve("error.txt");
        if (c.expectsError()) {
            if (!Files.exists(error)) {
                problems.add("expected an error, none reported; PyTorch says: " + c.json().path("error_message").asText());
                return problems;
            }
            String msg = Files.readString(error, StandardCharsets.UTF_8);
            List<String> needles = new ArrayList<>();
            needles.add(c.json().path("error_contains").asText());
            c.json().path("error_contains_all").forEach(n -> needles.add(n.asText()));
            for (String needle : needles) {
                if (!msg.contains(needle)) {
                    problems.add("error message lacks '" + needle + "'; got '" + msg.strip() + "'");
                }
            }
            return problems;
        }
        if (Files.exists(error)) {
            problems.add("raised an error but PyTorch succeeds: " + Files.readString(error).strip());
            return problems;
        }
        double eps = c.dtype() == DType.FLOAT32 ? Math.ulp(1.0f) : Math.ulp(1.0);
        for (String t : TENSORS) {
            Path ref = c.dir().resolve(t + ".npy");
            if (!Files.exists(ref)) {
                continue;
            }
            Path res = resultDir.resolve(t + ".npy");
            if (!Files.exists(res)) {
                problems.add("missing " + t + ".npy");
                continue;
            }
            Tensor expected = Npy.read(ref);
            Tensor actual = Npy.read(res);
            if (actual.dtype() != expected.dtype()) {
                problems.add(t + " dtype " + actual.dtype() + ", expected " + expected.dtype());
                continue;
            }
            if (!Arrays.equals(actual.shape(), expected.shape())) {
                problems.add(t + " shape " + actual.shapeString() + ", expected " + expected.shapeString());
                continue;
            }
            JsonNode basis = c.json().path("tolerance_basis").path(t);
            double tol = C * eps * Math.sqrt(Math.max(1, basis.path("terms").asDouble()))
                    * basis.path("abs_scale").asDouble();
            for (int i = 0; i < expected.numel(); i++) {
                double a = actual.getDouble(i);
                double e = expected.getDouble(i);
                if (!Double.isFinite(a)) {
                    problems.add(t + " has NaN/Inf");
                    break;
                }
                if (!(Math.abs(a - e) <= tol)) {
                    problems.add(String.format(Locale.ROOT, "%s |err| %.3e > tol %.3e at %s: got %.17g want %.17g", t,
                            Math.abs(a - e), tol, Shapes.format(Shapes.unravel(i, expected.shape())), a, e));
                    break;
                }
            }
        }
        return problems;
    }
}
