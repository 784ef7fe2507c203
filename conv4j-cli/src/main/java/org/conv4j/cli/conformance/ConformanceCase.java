package org.conv4j.cli.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.conv4j.cli.JsonErrors;
import org.conv4j.io.InputFile;
import org.conv4j.tensor.DType;

/**
 * One case folder in the format of {@code shared/conformance/FORMAT.md}: {@code case.json} and the arrays beside
 * it.
 *
 * @param dir  the case folder
 * @param json the parsed {@code case.json}
 */
public record ConformanceCase(Path dir, JsonNode json) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads {@code dir/case.json}. */
    public static ConformanceCase load(Path dir) throws IOException {
        return new ConformanceCase(dir, readJson(dir.resolve("case.json")));
    }

    /** Reads a case.json file (of any name); the arrays are looked for beside it. */
    public static ConformanceCase loadFile(Path caseJson) throws IOException {
        return new ConformanceCase(caseJson.toAbsolutePath().getParent(), readJson(caseJson));
    }

    static JsonNode readJson(Path file) throws IOException {
        try {
            return MAPPER.readTree(InputFile.readAllBytes(file)); // a missing file says so itself
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + JsonErrors.describe(e), e);
        }
    }

    public String id() {
        return json.path("id").asText(dir.getFileName().toString());
    }

    /** {@code "module"} ({@code nn.Conv1d}) or {@code "functional"} ({@code F.conv1d}). */
    public String api() {
        String api = json.path("api").asText("module");
        if (!api.equals("module") && !api.equals("functional")) {
            throw new IllegalArgumentException(id() + ": api must be \"module\" or \"functional\", got "
                    + json.get("api"));
        }
        return api;
    }

    /** The {@code module} object: the constructor arguments (for a functional case, the call arguments). */
    public JsonNode module() {
        return json.path("module");
    }

    /** The dtype of the parameters and of every stored array. */
    public DType dtype() {
        return DType.parse(json.path("dtype").asText("float32"));
    }

    /** The input's dtype: {@code input_dtype} where a case sets it, otherwise {@link #dtype()}. */
    public DType inputDType() {
        JsonNode n = json.get("input_dtype");
        return n == null || n.isNull() ? dtype() : DType.parse(n.asText());
    }

    public int[] inputShape() {
        return ints(json.path("input_shape"));
    }

    public boolean expectsError() {
        return "error".equals(json.path("expect").asText());
    }

    /** The weight's shape, or null where the case does not give one. */
    public int[] weightShape() {
        JsonNode n = json.get("weight_shape");
        return n == null || n.isNull() ? null : ints(n);
    }

    /** The bias's shape, or null when there is no bias (or the case does not say). */
    public int[] biasShape() {
        JsonNode n = json.get("bias_shape");
        return n == null || n.isNull() ? null : ints(n);
    }

    /** Whether the case folder has this array file. */
    public boolean has(String array) {
        return Files.exists(dir.resolve(array + ".npy"));
    }

    public Path file(String array) {
        return dir.resolve(array + ".npy");
    }

    private static int[] ints(JsonNode array) {
        int[] r = new int[array.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = array.get(i).asInt();
        }
        return r;
    }
}
