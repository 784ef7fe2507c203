package org.conv4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol (a WebSocket and JSON; no driver binaries): open a
 * page, evaluate JavaScript, click like a mouse, take a screenshot.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /** The browser binary: {@code $CONV4J_CHROMIUM}, or the first of chromium, chromium-browser, google-chrome. */
    static Optional<Path> find() {
        String configured = System.getenv("CONV4J_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    HeadlessChromium(Path binary, int width, int height) throws IOException, InterruptedException {
        profile = Files.createTempDirectory("conv4j-chromium");
        process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
                "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = devToolsPort();
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String url = null;
            for (JsonNode t : targets) {
                if ("page".equals(t.path("type").asText())) {
                    url = t.get("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (url == null) {
                throw new IOException("chromium opened no page: " + targets);
            }
            socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(URI.create(url), new Listener())
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            close0();
            throw e instanceof IOException io ? io : new IOException("cannot drive chromium: " + e, e);
        }
    }

    /** Chromium prints "DevTools listening on ws://127.0.0.1:PORT/..." on stderr once it is ready. */
    private int devToolsPort() throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = err.readLine()) != null) {
            int at = line.indexOf("DevTools listening on ws://");
            if (at >= 0) {
                String rest = line.substring(at + "DevTools listening on ws://".length());
                int colon = rest.indexOf(':');
                int slash = rest.indexOf('/');
                // Keep draining stderr so that the browser never blocks on a full pipe.
                Thread.ofVirtual().start(() -> err.lines().forEach(l -> { }));
                return Integer.parseInt(rest.substring(colon + 1, slash));
            }
            seen.append(line).append('\n');
        }
        throw new IOException("chromium exited before it listened for DevTools:\n" + seen);
    }

    /** Sends one DevTools command and waits for its result. */
    JsonNode call(String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id).put("method", method).set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(message.toString(), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode answer = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** Evaluates a JavaScript expression in the page; its value comes back as JSON. */
    JsonNode eval(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Opens {@code file} and waits until {@code readyExpression} is true. */
    void open(Path file, String readyExpression) throws Exception {
        call("Page.navigate", Map.of("url", file.toUri().toString()));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!eval("document.readyState === 'complete' && !!(" + readyExpression + ")").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the page did not get ready: " + readyExpression);
            }
            Thread.sleep(50);
        }
    }

    /** Clicks the centre of the first element {@code selector} matches, as a mouse does. */
    void click(String selector) throws Exception {
        JsonNode centre = eval("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector)
                + "); if (!e) return null; e.scrollIntoView({block: 'center', inline: 'center'});"
                + " const r = e.getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
        if (centre.isNull() || centre.isMissingNode()) {
            throw new IllegalStateException("nothing on the page matches " + selector);
        }
        for (String type : List.of("mouseMoved", "mousePressed", "mouseReleased")) {
            call("Input.dispatchMouseEvent", Map.of("type", type, "x", centre.get("x").asDouble(),
                    "y", centre.get("y").asDouble(), "button", "left", "clickCount", 1));
        }
    }

    /** A PNG of the whole page. */
    byte[] screenshot() throws Exception {
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        return Base64.getDecoder().decode(shot.get("data").asText());
    }

    @Override
    public void close() throws IOException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // The browser goes away below in any case.
        }
        close0();
    }

    private void close0() throws IOException {
        // Chromium's helper processes outlive the browser process for a moment, still writing to the profile.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // A leftover profile in the temporary directory is harmless (a file that vanished as the walk listed
            // it surfaces as UncheckedIOException).
        }
    }

    /** Collects text frames into messages and hands replies to their waiting callers; events are ignored. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> reply = message.has("id") ? pending.remove(message.get("id").asInt())
                            : null;
                    if (reply != null) {
                        reply.complete(message);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
