package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.accord.facts.FactLimit;
import org.accord.testing.TestKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Generated hostile requests against every operation of api-spec/accord.yaml (a new operation is
 * covered as soon as the document has it): malformed, oversized and deeply nested bodies, wrong
 * types, boundary values, odd encodings and content types, malformed paths, wrong methods.
 * Passes when no answer is a 5xx, every error is a valid problem (its status, a title, a detail,
 * a place for each listed problem) and the server's readable state is the same afterwards.
 *
 * <p>The run is replayable: request {@code i} is generated from {@code seed + i} alone, whatever
 * thread sends it. The seed is printed; {@code -Daccord.hostile.seed=N} replays a run and
 * {@code -Daccord.hostile.requests=N} changes its size.
 *
 * <p>2,000 requests by default: about 65 per operation, so a few of each kind of hostility reach
 * every operation; 10,000 cost the build close to three minutes for the same kinds. A deeper run
 * sets the size ({@code -Daccord.hostile.requests=10000}).
 */
class HostileRequestsTest extends ServerTest {

    private static final long SEED = Long.getLong("accord.hostile.seed", 20261201L);
    private static final int REQUESTS = Integer.getInteger("accord.hostile.requests", 2_000);
    private static final int THREADS = 4;
    private static final String API = "/api/v1";

    /** Read before and after: what a hostile request must not change. */
    private static final List<String> STATE = List.of(API + "/contract-templates", API + "/rules", API + "/example-facts",
            API + "/contract-templates/mssp-basic", "/actuator/info");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Values no field should turn into a 500: wrong types and the edges of every bound the API states. */
    private static final List<Object> HOSTILE_VALUES = List.of(true, false, 0, -1, 1.5, "", "x", "   ", "\u0000", "\uD83D\uDE00",
            "<script>", "=cmd|' /C calc'!A0", 2147483647, -2147483648, 2147483648L, -2147483649L, 9223372036854775807L,
            new java.math.BigInteger("99999999999999999999999999999999"),
            new java.math.BigDecimal("1E+2147483647"), new java.math.BigDecimal("-1E+2147483647"), new java.math.BigDecimal("1E-2147483647"),
            "1E+2147483647", "-1E+2147483647", "0E-8", "5.253755E+8", "-0", "+1", ".5", "5.", "1e", "NaN", "Infinity",
            "1".repeat(30), "1".repeat(31), "0." + "1".repeat(40), "0." + "1".repeat(41), "9".repeat(30) + "." + "9".repeat(40),
            "2025-02-30", "9999-12-31", "0000-01-01");

    private static final List<String> CONTENT_TYPES = List.of("multipart/form-data; boundary=xyz", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "application/json; charset=utf-16", "application/json; charset=nonsense", "*/*",
            "garbage", "text/csv", "application/problem+json", "application/json;;;");

    private static final List<String> PATH_SEGMENTS = List.of("%00", "%5c", "%c0%af", "..;", "..%2f..%2f", "%2e%2e", "%ff",
            "a%20b", "%25", "x".repeat(5000), "mssp-basic%00.yaml", "..", ".", "payment%2F..%2F..%2Fpom.xml", "🙂");

    private record Operation(String method, String path, List<String> contentTypes, List<String> accepts) {
    }

    private record Attempt(String description, HttpRequest request) {
    }

    @Test
    void noHostileRequestGetsA5xxAnUnclearAnswerOrChangesAnything() throws Exception {
        System.out.println("HostileRequestsTest seed " + SEED + " (-Daccord.hostile.seed=" + SEED + " replays), " + REQUESTS + " requests");
        List<Operation> operations = operations();
        assertThat(operations).as("operations read from api-spec/accord.yaml").hasSizeGreaterThan(10);
        ObjectNode base = Requests.small();
        Map<String, String> before = state();
        long started = System.nanoTime();

        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        int[] statuses = new int[600];
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                sent.add(pool.submit(() -> {
                    for (int i = thread; i < REQUESTS; i += THREADS) {
                        Attempt attempt = generate(new Random(SEED + i), operations, base);
                        String failure = check(attempt, statuses);
                        if (failure != null) {
                            failures.add("request " + i + " (seed " + SEED + "): " + attempt.description() + ": " + failure);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get(20, TimeUnit.MINUTES); // generous: the figure that matters is the printed duration
            }
        } finally {
            pool.shutdownNow();
        }
        StringBuilder summary = new StringBuilder("HostileRequestsTest " + REQUESTS + " requests in "
                + (System.nanoTime() - started) / 1_000_000 + " ms on " + THREADS + " client threads; statuses:");
        for (int s = 0; s < statuses.length; s++) {
            if (statuses[s] > 0) {
                summary.append(' ').append(s).append('x').append(statuses[s]);
            }
        }
        System.out.println(summary);

        assertThat(failures).as("answers that are a 5xx or not a valid problem; first of " + failures.size())
                .isEmpty();
        // Most requests got past authentication; the refused ones were answered as problems above.
        assertThat(statuses[401] + statuses[403]).as("401s and 403s").isPositive().isLessThan(REQUESTS / 3);
        assertThat(state()).as("state read before and after").isEqualTo(before);
        assertThat(java.util.Arrays.stream(statuses).sum()).isEqualTo(REQUESTS);
    }

    /** Sends one request; null when its answer is acceptable, else what is wrong with it. */
    private static String check(Attempt attempt, int[] statuses) {
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(attempt.request(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        int status = response.statusCode();
        synchronized (statuses) {
            statuses[Math.min(status, statuses.length - 1)]++;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (status >= 500) {
            return "status " + status + ": " + abbreviate(body);
        }
        if (status < 400) {
            return type.startsWith("application/problem+json") ? "a " + status + " answer labelled as a problem" : null;
        }
        if (!type.startsWith("application/problem+json")) {
            return "status " + status + " as " + type + ": " + abbreviate(body);
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (RuntimeException e) {
            return "status " + status + " with a problem that is not JSON: " + abbreviate(body);
        }
        if (problem.path("status").asInt(-1) != status) {
            return "status " + status + " but the problem says " + problem.get("status");
        }
        if (!problem.path("title").isString() || problem.path("title").asString().isBlank()
                || !problem.path("detail").isString() || problem.path("detail").asString().isBlank()) {
            return "a problem without a title or detail: " + abbreviate(body);
        }
        for (JsonNode error : problem.path("errors")) {
            boolean placed = error.path("pointer").isString() && (error.path("pointer").asString().isEmpty()
                    || error.path("pointer").asString().startsWith("/"))
                    || error.path("parameter").isString() || error.path("location").isString();
            if (!placed || !error.path("reason").isString() || error.path("reason").asString().isBlank()) {
                return "a listed problem without a place or a reason: " + error;
            }
        }
        return null;
    }

    /**
     * Most requests carry the tests' key of every role, so they reach the operation; the rest carry
     * one role's key, no credential, an unknown or expired key or a bearer token that is not one,
     * whose answers must be a 401 or 403 problem.
     */
    private Attempt generate(Random random, List<Operation> operations, ObjectNode base) {
        int credential = random.nextInt(100);
        Attempt attempt = generateWithoutCredential(random, operations, base);
        if (credential >= 96) {
            return attempt;
        }
        String description = "";
        HttpRequest.Builder signed = HttpRequest.newBuilder(attempt.request(), (name, value) -> true);
        if (credential < 80) {
            signed.header(TestKeys.HEADER, TestKeys.EVERY_ROLE);
        } else if (credential < 90) {
            String role = List.of("negotiator", "integrator", "reviewer", "admin").get(random.nextInt(4));
            signed.header(TestKeys.HEADER, TestKeys.only(role));
            description = " as " + role;
        } else if (credential < 92) {
            signed.header(TestKeys.HEADER, "acc_" + "x".repeat(random.nextInt(300)));
            description = " with an unknown key";
        } else if (credential < 94) {
            signed.header(TestKeys.HEADER, TestKeys.EXPIRED);
            description = " with an expired key";
        } else {
            signed.header("Authorization", List.of("Bearer ", "Bearer a.b.c", "Bearer ...", "Basic YTpi", "Bearer " + "e".repeat(5000))
                    .get(random.nextInt(5)));
            description = " with a broken Authorization header";
        }
        return new Attempt(attempt.description() + description, signed.build());
    }

    private Attempt generateWithoutCredential(Random random, List<Operation> operations, ObjectNode base) {
        Operation operation = operations.get(random.nextInt(operations.size()));
        String path = concrete(operation.path(), random);
        int kind = random.nextInt(100);
        if (kind < 6) {
            String segment = PATH_SEGMENTS.get(random.nextInt(PATH_SEGMENTS.size()));
            String hostilePath = random.nextBoolean() ? API + "/" + segment : path + "/" + segment;
            return attempt("GET malformed path " + abbreviate(hostilePath), request(hostilePath).GET());
        }
        if (kind < 10) {
            String method = List.of("PUT", "DELETE", "PATCH", "POST", "GET").get(random.nextInt(5));
            return attempt(method + " " + path + " (the document names " + operation.method() + ")",
                    request(path).method(method, HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
        }
        if (kind < 13) {
            String unknown = API + "/" + List.of("contracts", "evaluations/1", "scenarios", "admin", "rules-and-more", "..%2f")
                    .get(random.nextInt(6));
            return attempt("GET unknown path " + unknown, request(unknown).GET());
        }
        if ("GET".equals(operation.method())) {
            String accept = List.of("application/problem+json", "application/xml", "text/html", "*/*", "application/json;q=0",
                    "not a type").get(random.nextInt(6));
            return attempt("GET " + path + " Accept " + accept, request(path).GET().header("Accept", accept));
        }
        byte[] body;
        String contentType = operation.contentTypes().isEmpty() ? "application/json" : operation.contentTypes().get(0);
        String description;
        ObjectNode tree = base.deepCopy();
        if (path.endsWith("/simulate") || path.endsWith("/simulate.csv")) {
            // a mutation that stays valid runs 10 trials, not the default 10,000 (the table as well as the JSON answer)
            tree.put("trials", 10);
        }
        if (kind < 30) {
            description = "a wrong or boundary value";
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                description += " " + replaceRandomNode(tree, random);
            }
            body = JSON.writeValueAsBytes(tree);
        } else if (kind < 42) {
            String text = JSON.writeValueAsString(tree);
            int cut = random.nextInt(text.length());
            description = "malformed JSON (cut at " + cut + ")";
            String garbage = List.of("", "}", "]", ",", "\"", "{", ":", "nul", "\\u", "\u0000", "/*", "'").get(random.nextInt(12));
            body = (text.substring(0, cut) + garbage).getBytes(StandardCharsets.UTF_8);
        } else if (kind < 50) {
            int depth = 400 + random.nextInt(20_000);
            description = "nested " + depth + " deep";
            String open = random.nextBoolean() ? "[" : "{\"a\":";
            String close = open.equals("[") ? "]" : "}";
            body = ("{\"contract\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
        } else if (kind < 60) {
            String text = JSON.writeValueAsString(tree);
            int encoding = random.nextInt(5);
            description = List.of("UTF-16BE", "UTF-16LE", "UTF-8 with BOM", "invalid UTF-8 in a string", "UTF-32").get(encoding);
            body = switch (encoding) {
                case 0 -> text.getBytes(StandardCharsets.UTF_16BE);
                case 1 -> text.getBytes(StandardCharsets.UTF_16LE);
                case 2 -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
                case 3 -> invalidUtf8(text, random);
                default -> text.getBytes(java.nio.charset.Charset.forName("UTF-32"));
            };
        } else if (kind < 70) {
            contentType = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
            description = "content type " + contentType;
            body = contentType.startsWith("multipart")
                    ? "--xyz\r\nContent-Disposition: form-data; name=\"facts\"\r\n\r\n{}\r\n--xyz--\r\n".getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(tree);
        } else if (kind < 76) {
            description = "Accept application/problem+json";
            return attempt(description + " on " + path, request(path).POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(tree)))
                    .header("Content-Type", contentType).header("Accept", "application/problem+json"));
        } else if (kind < 84) {
            description = "an unknown or duplicated field";
            String text = JSON.writeValueAsString(tree);
            body = (random.nextBoolean() ? text.replaceFirst("\\{", "{\"contract\":{},") : text.replaceFirst("\\{", "{\"x-extra\":1,"))
                    .getBytes(StandardCharsets.UTF_8);
        } else if (kind < 85 && random.nextInt(10) == 0) {
            description = "an oversized body";
            byte[] big = new byte[2 * 1024 * 1024 + 1 + random.nextInt(1024)];
            java.util.Arrays.fill(big, (byte) ' ');
            big[0] = '[';
            big[big.length - 1] = ']';
            body = big;
        } else if (kind < 92) {
            description = "another document's shape";
            body = List.of("[]", "null", "0", "\"text\"", "{}", "true", "", " ", "[{}]", "{\"facts\":[]}")
                    .get(random.nextInt(10)).getBytes(StandardCharsets.UTF_8);
        } else {
            description = "a CSV of hostile cells";
            body = ("id,name,attributedMembers\n=cmd|' /C calc'!A0,@SUM(1),+1\n-1,\t,\r\n" + "1".repeat(random.nextInt(50)))
                    .getBytes(StandardCharsets.UTF_8);
            contentType = random.nextBoolean() ? "text/csv" : contentType;
        }
        String accept = operation.accepts().get(random.nextInt(operation.accepts().size()));
        return attempt(operation.method() + " " + path + " " + contentType + " " + description,
                request(path).method(operation.method(), HttpRequest.BodyPublishers.ofByteArray(body))
                        .header("Content-Type", contentType).header("Accept", accept));
    }

    private static Attempt attempt(String description, HttpRequest.Builder request) {
        return new Attempt(description, request.timeout(Duration.ofSeconds(60)).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url(path)));
    }

    /** Replaces a random field or element of the tree with a hostile value; says where and what. */
    private static String replaceRandomNode(ObjectNode tree, Random random) {
        List<String> pointers = new ArrayList<>();
        collect(tree, "", pointers);
        String pointer = pointers.get(random.nextInt(pointers.size()));
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        Object value = HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
        for (FactLimit limit : FactLimit.values()) {
            if (limit.field().equals(field) && random.nextBoolean()) {
                value = limit.maximum() + random.nextInt(2); // the bound, and one past it
            }
        }
        JsonNode parent = tree.at(pointer.substring(0, pointer.lastIndexOf('/')));
        JsonNode replacement = JSON.valueToTree(value);
        if (parent instanceof ObjectNode object) {
            object.set(field, replacement);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(field), replacement);
        }
        return pointer + "=" + abbreviate(String.valueOf(value));
    }

    private static void collect(JsonNode node, String pointer, List<String> out) {
        if (!pointer.isEmpty()) {
            out.add(pointer);
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.propertyNames().iterator(); names.hasNext();) {
                String name = names.next();
                collect(object.get(name), pointer + "/" + name, out);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                collect(array.get(i), pointer + "/" + i, out);
            }
        }
    }

    private static byte[] invalidUtf8(String text, Random random) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int quote = text.indexOf('"', random.nextInt(text.length()));
        int at = quote < 0 ? utf8.length / 2 : text.substring(0, quote + 1).getBytes(StandardCharsets.UTF_8).length;
        byte[] bad = List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82}).get(random.nextInt(4));
        byte[] out = new byte[utf8.length + bad.length];
        System.arraycopy(utf8, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(utf8, at, out, at + bad.length, utf8.length - at);
        return out;
    }

    /** A path template with each parameter filled: a known value, or a hostile one. */
    private static String concrete(String template, Random random) {
        String path = template;
        while (path.contains("{")) {
            String value = switch (random.nextInt(4)) {
                case 0 -> "mssp-basic";
                case 1 -> "payment%2Fshared-savings.drl";
                case 2 -> "small-panel";
                default -> PATH_SEGMENTS.get(random.nextInt(PATH_SEGMENTS.size()));
            };
            path = path.substring(0, path.indexOf('{')) + value + path.substring(path.indexOf('}') + 1);
        }
        return API + path;
    }

    /** Every operation of the API document: method, path, request and response content types. */
    private static List<Operation> operations() throws IOException {
        JsonNode document = YAMLMapper.builder().build().readTree(Files.readString(Path.of("api-spec/accord.yaml")));
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!List.of("get", "post", "put", "delete", "patch").contains(method.getKey())) {
                    continue;
                }
                JsonNode operation = method.getValue();
                List<String> requestTypes = new ArrayList<>(operation.at("/requestBody/content").propertyNames());
                List<String> accepts = new ArrayList<>(List.of("application/json", "*/*"));
                for (JsonNode response : operation.path("responses")) {
                    accepts.addAll(response.path("content").propertyNames());
                }
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), requestTypes,
                        accepts.stream().distinct().toList()));
            }
        }
        return operations;
    }

    private Map<String, String> state() {
        Map<String, String> state = new java.util.LinkedHashMap<>();
        for (String path : STATE) {
            Reply reply = get(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            state.put(path, reply.body());
        }
        return state;
    }

    private static String abbreviate(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}
