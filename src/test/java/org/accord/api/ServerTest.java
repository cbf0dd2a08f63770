package org.accord.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.client.ApiClient;
import org.accord.evaluation.EvaluationService;
import org.accord.testing.TestKeys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real server on a random port, shared by every API test class (one Spring context: the
 * rules compile once). The evaluation service is a spy, so a test can show that a rejected
 * request was never evaluated.
 */
@SpringBootTest(classes = AccordService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ServerTest {

    /** Reads response bodies as trees; decimals arrive as strings, so nothing is rounded. */
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @MockitoSpyBean
    EvaluationService evaluations;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The client generated from api-spec/accord.yaml, pointed at this server. */
    ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(url("/api/v1"));
        client.setRequestInterceptor(request -> request.header(TestKeys.HEADER, TestKeys.EVERY_ROLE));
        return client;
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    Reply postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Reply post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Sends the request with the tests' key of every role, unless it carries a credential of its own. */
    Reply send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        boolean credential = built.headers().firstValue(TestKeys.HEADER).isPresent() || built.headers().firstValue("Authorization").isPresent();
        return sendAsIs(credential ? built : HttpRequest.newBuilder(built, (name, value) -> true).header(TestKeys.HEADER, TestKeys.EVERY_ROLE).build());
    }

    /** Sends the request exactly as built: without a credential unless it has one. */
    Reply sendAsIs(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP answer: status, content type and body. */
    record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
