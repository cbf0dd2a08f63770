package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.accord.api.generated.model.EvaluationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The body kept for a run belongs to the request that read it, on the thread that read it, and only
 * while that thread has read no other body.
 */
class RequestBodyAsSentTest {

    private final RequestBodyAsSent converter = new RequestBodyAsSent(WebJson.mapper());

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    private static byte[] example(String indent) throws Exception {
        return (indent + Files.readString(Path.of("examples/valley-ipa-request.json"))).getBytes(StandardCharsets.UTF_8);
    }

    private static void newRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    private static String text(ThreadJsonBuffer.Written written) {
        return new String(written.bytes(), 0, written.length(), StandardCharsets.UTF_8);
    }

    @Test
    void aBodyIsParsedAndKeptAsSentForItsOwnRequest() throws Exception {
        newRequest();
        String sent = new String(example(" "), StandardCharsets.UTF_8);
        Object first = converter.read(EvaluationRequest.class, new MockHttpInputMessage(sent.getBytes(StandardCharsets.UTF_8)));

        assertThat(first).isInstanceOf(EvaluationRequest.class);
        assertThat(RequestBodyAsSent.of(first)).hasValueSatisfying(bytes -> assertThat(text(bytes)).isEqualTo(sent));
        // Another object (the request after a filter replaced it, say) has no bytes of its own here.
        assertThat(RequestBodyAsSent.of(new EvaluationRequest())).isEmpty();
    }

    @Test
    void theNextRequestOnTheThreadSeesOnlyItsOwnBytesAndTheFirstCannotReadThemAnyMore() throws Exception {
        newRequest();
        Object first = converter.read(EvaluationRequest.class, new MockHttpInputMessage(example(" ")));
        ThreadJsonBuffer.Written firstBytes = RequestBodyAsSent.of(first).orElseThrow();

        newRequest();
        assertThat(RequestBodyAsSent.of(first)).isEmpty();
        Object second = converter.read(EvaluationRequest.class, new MockHttpInputMessage(example("\t\t")));

        assertThat(RequestBodyAsSent.of(second)).hasValueSatisfying(bytes -> assertThat(text(bytes)).startsWith("\t\t{"));
        assertThatThrownBy(firstBytes::bytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBodyThatDoesNotParseKeepsNothing() throws Exception {
        newRequest();
        assertThatThrownBy(() -> converter.read(EvaluationRequest.class,
                new MockHttpInputMessage("{\"contract\": {\"templateId\": 3}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(HttpMessageNotReadableException.class);
        assertThat(RequestContextHolder.currentRequestAttributes().getAttributeNames(0)).isEmpty();
    }

    @Test
    void anotherThreadFindsNoBytes() throws Exception {
        newRequest();
        Object body = converter.read(EvaluationRequest.class, new MockHttpInputMessage(example("")));
        var attributes = RequestContextHolder.currentRequestAttributes();

        boolean foundElsewhere = CompletableFuture.supplyAsync(() -> {
            RequestContextHolder.setRequestAttributes(attributes);
            try {
                return RequestBodyAsSent.of(body).isPresent();
            } finally {
                RequestContextHolder.resetRequestAttributes();
            }
        }).get();

        assertThat(foundElsewhere).isFalse();
        assertThat(RequestBodyAsSent.of(body)).isPresent();
    }

    @Test
    void onlyUtf8JsonBodiesOfEvaluationsAreReadHere() {
        assertThat(converter.canRead(EvaluationRequest.class, MediaType.APPLICATION_JSON)).isTrue();
        assertThat(converter.canRead(EvaluationRequest.class, MediaType.parseMediaType("application/json;charset=UTF-8"))).isTrue();
        assertThat(converter.canRead(EvaluationRequest.class, MediaType.parseMediaType("application/json;charset=UTF-16"))).isFalse();
        assertThat(converter.canRead(EvaluationRequest.class, MediaType.TEXT_PLAIN)).isFalse();
        assertThat(converter.canRead(Object.class, MediaType.APPLICATION_JSON)).isFalse();
        assertThat(converter.canWrite(EvaluationRequest.class, MediaType.APPLICATION_JSON)).isFalse();
    }

    @Test
    void aUtf16BodyWithoutACharsetIsReadButNotKept() throws Exception {
        newRequest();
        String text = Files.readString(Path.of("examples/valley-ipa-request.json"));
        Object body = converter.read(EvaluationRequest.class, new MockHttpInputMessage(text.getBytes(StandardCharsets.UTF_16LE)));

        assertThat(body).isInstanceOf(EvaluationRequest.class);
        assertThat(RequestBodyAsSent.of(body)).isEmpty();
    }
}
