package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ThreadJsonBufferTest {

    private final JsonMapper json = WebJson.mapper();
    private final ThreadJsonBuffer buffer = new ThreadJsonBuffer();

    private static Map<String, Object> document(int lines) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("ipa", "Praxis Müller — café \uD83D\uDE00");
        document.put("lines", java.util.stream.IntStream.range(0, lines)
                .mapToObj(i -> Map.of("amount", new BigDecimal("1234.5" + i), "rate", new BigDecimal("0.1234567890123456789012345678901234")))
                .toList());
        return document;
    }

    @Test
    void writesTheBytesWriteValueAsBytesWrites() {
        // Small, then past the first array, then far past the size a thread keeps, then small again.
        for (int lines : List.of(0, 3, 2_000, 40_000, 1)) {
            Map<String, Object> document = document(lines);
            ThreadJsonBuffer.Written written = buffer.write(json, document);
            assertThat(written.copy()).as("%d lines", lines).isEqualTo(json.writeValueAsBytes(document));
            assertThat(written.length()).isLessThanOrEqualTo(written.bytes().length);
        }
    }

    @Test
    void whatWasWrittenIsRefusedOnceTheThreadWritesAgain() {
        ThreadJsonBuffer.Written first = buffer.write(json, document(2));
        byte[] firstBytes = first.copy();
        ThreadJsonBuffer.Written second = buffer.write(json, document(1));

        assertThatThrownBy(first::bytes).isInstanceOf(IllegalStateException.class);
        assertThat(second.copy()).isEqualTo(json.writeValueAsBytes(document(1))).isNotEqualTo(firstBytes);
        // Another buffer, or another thread, does not disturb this one.
        new ThreadJsonBuffer().write(json, document(5));
        CompletableFuture.runAsync(() -> buffer.write(json, document(7))).join();
        assertThat(second.copy()).isEqualTo(json.writeValueAsBytes(document(1)));
    }

    @Test
    void jsonInAnArrayOfItsOwnIsValidForGood() {
        ThreadJsonBuffer.Written own = ThreadJsonBuffer.Written.of(new byte[] {'{', '}'});
        buffer.write(json, document(1));
        assertThat(own.bytes()).containsExactly('{', '}');
        assertThat(own.length()).isEqualTo(2);
    }
}
