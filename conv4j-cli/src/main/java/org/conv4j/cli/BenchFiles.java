package org.conv4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.conv4j.io.InputFile;
import org.conv4j.spec.ConvSpec;
import org.conv4j.tensor.DType;

/** What {@code conv4j bench} reads: the shape suite ({@code shared/bench/shapes.csv}) and torch_bench.py's CSV. */
final class BenchFiles {
    private BenchFiles() {
    }

    record Shape(String name, int n, int cIn, int cOut, int l, int k, int stride, String padding, int dilation,
            int groups) {
        ConvSpec spec(DType dtype) {
            ConvSpec.Builder b = ConvSpec.conv1d(cIn, cOut, k).stride(stride).dilation(dilation).groups(groups)
                    .dtype(dtype);
            if (padding.equals("same") || padding.equals("valid")) {
                b.padding(padding);
            } else {
                try {
                    b.padding(Integer.parseInt(padding));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("padding '" + padding + "' is not an integer, same or valid");
                }
            }
            return b.build();
        }
    }

    static List<Shape> readShapes(Path file) throws IOException {
        List<String> lines = InputFile.readAllLines(file).stream()
                .filter(l -> !l.isBlank() && !l.stripLeading().startsWith("#")).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": no shapes");
        }
        List<String> header = Arrays.stream(lines.get(0).split(",")).map(String::trim).toList();
        String[] cols = {"name", "N", "C_in", "C_out", "L", "K", "stride", "padding", "dilation", "groups"};
        int[] at = new int[cols.length];
        for (int i = 0; i < cols.length; i++) {
            at[i] = header.indexOf(cols[i]);
            if (at[i] < 0) {
                throw new IllegalArgumentException(file + ": the header lacks column '" + cols[i] + "'");
            }
        }
        List<Shape> shapes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int li = 1; li < lines.size(); li++) {
            String[] f = lines.get(li).split(",");
            if (f.length != header.size()) {
                throw new IllegalArgumentException(file + ": line " + (li + 1) + " has " + f.length + " fields, the "
                        + "header " + header.size() + ": " + lines.get(li));
            }
            try {
                shapes.add(new Shape(f[at[0]].trim(), num(f, at[1]), num(f, at[2]), num(f, at[3]), num(f, at[4]),
                        num(f, at[5]), num(f, at[6]), f[at[7]].trim(), num(f, at[8]), num(f, at[9])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ": line " + (li + 1) + " is not a shape: " + lines.get(li));
            }
            if (!names.add(shapes.get(shapes.size() - 1).name())) {
                throw new IllegalArgumentException(file + ": line " + (li + 1) + ": a second shape named "
                        + shapes.get(shapes.size() - 1).name());
            }
        }
        if (shapes.isEmpty()) {
            throw new IllegalArgumentException(file + ": no shapes");
        }
        return shapes;
    }

    private static int num(String[] f, int i) {
        return Integer.parseInt(f[i].trim());
    }

    /** PyTorch's median ms per {@code name/mode} from torch_bench.py's CSV. */
    static Map<String, Double> readTorch(Path file) throws IOException {
        List<String> lines = InputFile.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty, expected torch_bench.py's CSV");
        }
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int name = header.indexOf("name");
        int mode = header.indexOf("mode");
        int ms = header.indexOf("median_ms");
        if (name < 0 || mode < 0 || ms < 0) {
            throw new IllegalArgumentException(file + ": expected torch_bench.py's CSV (name, mode, median_ms)");
        }
        Map<String, Double> r = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length < header.size()) {
                throw new IllegalArgumentException(file + ": the row '" + line + "' has " + f.length + " fields, the "
                        + "header " + header.size());
            }
            try {
                r.put(f[name] + "/" + f[mode], Double.parseDouble(f[ms]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": median_ms '" + f[ms] + "' is not a number", e);
            }
        }
        return r;
    }
}
