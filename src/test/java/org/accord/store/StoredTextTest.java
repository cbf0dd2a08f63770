package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The compressor is reused from run to run, and what it stores is still V5's format: the very
 * bytes a new {@link GZIPOutputStream} at deflate's fastest level writes, which any gzip reader reads.
 */
class StoredTextTest {

    /** V5's compressor, as it was: a new gzip stream per document, at the fastest level. */
    private static byte[] asV5Stored(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** Text that hardly compresses: the output outgrows the buffer sized for JSON. */
    private static String noise(int length, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return text.toString();
    }

    @Test
    void eachDocumentIsCompressedToTheBytesV5StoredAndReadsBackAsItsText() throws IOException {
        List<String> documents = List.of("", "{}", "{\"explanation\":\"Praxis Müller receives 12.34 — café\"}",
                "{\"lines\":[" + "{\"amount\":\"1234.56\",\"practice\":\"p-017\"},".repeat(3_000) + "{}]}", noise(100_000, 16));
        // Twice through: the second time every document gets a compressor another one used.
        for (int pass = 0; pass < 2; pass++) {
            for (String document : documents) {
                byte[] stored = StoredText.compress(document);
                assertThat(stored).as("%d chars, pass %d", document.length(), pass).isEqualTo(asV5Stored(document));
                assertThat(StoredText.text(stored)).isEqualTo(document);
            }
        }
    }

    @Test
    void theTextAtTheStartOfALargerBufferIsCompressedAloneWhateverTheBufferHeldBefore() throws IOException {
        // A request thread's buffer holds this request's text at its start and an older, longer one's after it.
        String older = noise(700_000, 7);
        for (String document : List.of("{\"ipa\":\"valley\"}", noise(40_000, 8), noise(400_000, 9), "")) {
            byte[] text = document.getBytes(StandardCharsets.UTF_8);
            byte[] buffer = older.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(text, 0, buffer, 0, text.length);
            byte[] stored = StoredText.compress(buffer, text.length);
            assertThat(stored).as("%d chars", document.length()).isEqualTo(asV5Stored(document));
            assertThat(StoredText.text(stored)).isEqualTo(document);
        }
    }

    @Test
    void threadsCompressingAtOnceEachGetTheirOwnDocumentBack() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Boolean>> work = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                String document = noise(20_000, t) + "{\"lines\":[]}".repeat(500);
                work.add(() -> {
                    for (int i = 0; i < 50; i++) {
                        if (!StoredText.text(StoredText.compress(document)).equals(document)) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> done : threads.invokeAll(work)) {
                assertThat(done.get()).isTrue();
            }
        } finally {
            threads.shutdown();
        }
    }
}
