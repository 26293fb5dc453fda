package io.github.footprint.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol with nothing but the JDK's WebSocket client
 * and Jackson: started with a fresh profile and {@code --remote-debugging-port=0}, its WebSocket address read from
 * what it prints; each page opened in a fresh target (tab) attached in flat mode. The events of that page are kept for
 * the test to read (console messages, log entries, network requests). No driver binary and no Selenium: the protocol calls a test needs are few.
 */
final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_S = 60;

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final int width;
    private final int height;
    private String target;
    private String session;

    /** True when the browser is installed; tests skip otherwise, saying why. */
    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    Chromium(int width, int height) throws Exception {
        profile = Files.createTempDirectory("footprint-chromium");
        ProcessBuilder pb = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
                "--disable-crash-reporter", "--hide-scrollbars", "--force-color-profile=srgb",
                "--user-data-dir=" + profile.resolve("profile"), "--remote-debugging-port=0",
                "--window-size=" + width + "," + height, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // the crash handler's database and the caches go under the temporary folder too, not under ~/.config
        pb.environment().put("XDG_CONFIG_HOME", profile.resolve("config").toString());
        pb.environment().put("XDG_CACHE_HOME", profile.resolve("cache").toString());
        process = pb.start();
        try {
            this.socket = connect();
        } catch (Exception | Error e) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            kill();
            throw e;
        }
        this.width = width;
        this.height = height;
    }

    /** Reads the DevTools address the browser prints, and opens the WebSocket. */
    private WebSocket connect() throws Exception {
        CompletableFuture<String> address = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    stderr.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        address.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                address.completeExceptionally(e);
            }
            address.completeExceptionally(new IOException("chromium ended before it listened: " + stderr));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        String ws = address.get(TIMEOUT_S, TimeUnit.SECONDS);
        return HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(TIMEOUT_S))
                .buildAsync(URI.create(ws), new Listener()).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** Collects the frames of each message, answers calls, keeps events. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(text.toString());
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                        if (f != null) {
                            f.complete(msg);
                        }
                    } else {
                        events.add(msg);
                    }
                } catch (IOException e) {
                    events.add(JSON.createObjectNode().put("method", "unreadable").put("text", e.toString()));
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    /** A command to the attached page; its {@code result}. */
    JsonNode call(String method, Map<String, ?> params) throws Exception {
        return call(session, method, params);
    }

    private JsonNode call(String sessionId, String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", params(params));
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(JSON.writeValueAsString(msg), true).get(TIMEOUT_S, TimeUnit.SECONDS);
        JsonNode answer = f.get(TIMEOUT_S, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + ": " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** The parameters as JSON, by hand: the test classpath's jackson-annotations is older than databind's. */
    private static ObjectNode params(Map<String, ?> params) {
        ObjectNode o = JSON.createObjectNode();
        params.forEach((k, v) -> {
            if (v instanceof Boolean) {
                o.put(k, (Boolean) v);
            } else if (v instanceof Integer) {
                o.put(k, (Integer) v);
            } else if (v instanceof Double) {
                o.put(k, (Double) v);
            } else {
                o.put(k, String.valueOf(v));
            }
        });
        return o;
    }

    /** Opens the URL in a new tab (closing the last one) at the browser's size, and waits for its load event. */
    void open(URI url) throws Exception {
        if (target != null) {
            call(null, "Target.closeTarget", Map.of("targetId", target));
        }
        target = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).get("sessionId")
                .asText();
        call("Page.enable", Map.of());
        call("Runtime.enable", Map.of());
        call("Log.enable", Map.of());
        call("Network.enable", Map.of());
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", false));
        int before = events.size();
        call("Page.navigate", Map.of("url", url.toString()));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (System.nanoTime() < end) {
            // a snapshot: the reading thread adds events meanwhile, and a sub-list of the live list then fails
            List<JsonNode> now = List.copyOf(events);
            for (JsonNode e : now.subList(before, now.size())) {
                if ("Page.loadEventFired".equals(e.path("method").asText())) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no load event for " + url);
    }

    /** The value of a JavaScript expression, returned by value (JSON). */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException(expression + ": " + r.get("exceptionDetails"));
        }
        return r.get("result").get("value");
    }

    /** The page as PNG bytes, the viewport only. */
    byte[] screenshot() throws Exception {
        return Base64.getDecoder().decode(call("Page.captureScreenshot", Map.of("format", "png")).get("data")
                .asText());
    }

    /** Every event so far of the page last opened, in order. */
    List<JsonNode> events() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : events) {
            if (session.equals(e.path("sessionId").asText())) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * What a person would see as a problem: exceptions, console errors and warnings, the browser's log entries of
     * level error or warning (a blocked load, a failed request, a content-security-policy violation), failed loads.
     */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events()) {
            String m = e.path("method").asText();
            JsonNode p = e.path("params");
            if (m.equals("Runtime.exceptionThrown")) {
                out.add("exception: " + p.path("exceptionDetails"));
            } else if (m.equals("Runtime.consoleAPICalled")
                    && List.of("error", "assert", "warning").contains(p.path("type").asText())) {
                out.add("console " + p.path("type").asText() + ": " + p.path("args"));
            } else if (m.equals("Log.entryAdded")
                    && List.of("error", "warning").contains(p.path("entry").path("level").asText())) {
                out.add("log " + p.path("entry").path("level").asText() + ": " + p.path("entry").path("text").asText()
                        + " " + p.path("entry").path("url").asText());
            } else if (m.equals("Network.loadingFailed")) {
                out.add("failed load: " + p);
            } else if (m.equals("unreadable")) {
                out.add(e.toString());
            }
        }
        return out;
    }

    /** The URLs the page requested, in order. */
    List<String> requests() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events()) {
            if ("Network.requestWillBeSent".equals(e.path("method").asText())) {
                out.add(e.path("params").path("request").path("url").asText());
            }
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        try {
            call(null, "Browser.close", Map.of());
        } catch (Exception e) {
            // the browser may close the socket before it answers
        }
        try {
            socket.abort();
        } finally {
            kill();
        }
    }

    private void kill() throws Exception {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        try (Stream<Path> s = Files.walk(profile)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
