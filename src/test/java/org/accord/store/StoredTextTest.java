package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * What a run's documents are stored as since V6: a zstd frame any zstd reader reads, from a
 * compressor reused from run to run; V5's gzip still reads as its text; damaged bytes are refused
 * with a message that says so, never read as another text.
 */
class StoredTextTest {

    /** V5's compressor, as it was: a new gzip stream per document, at the fastest level. */
    static byte[] asV5Stored(String text) throws IOException {
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

    /** The text of a zstd frame as the library's own one-shot reader gives it (the frame holds its size). */
    private static String unzstd(byte[] frame) {
        long size = Zstd.getFrameContentSize(frame);
        assertThat(size).isNotNegative();
        return new String(Zstd.decompress(frame, (int) size), StandardCharsets.UTF_8);
    }

    private static final List<String> DOCUMENTS = List.of("", "{}", "{\"explanation\":\"Praxis Müller receives 12.34 — café\"}",
            "{\"lines\":[" + "{\"amount\":\"1234.56\",\"practice\":\"p-017\"},".repeat(3_000) + "{}]}", noise(100_000, 16));

    @Test
    void eachDocumentIsStoredAsAZstdFrameThatReadsBackAsItsText() {
        // Twice through: the second time every document gets a compressor another one used.
        for (int pass = 0; pass < 2; pass++) {
            for (String document : DOCUMENTS) {
                byte[] stored = StoredText.compress(document);
                assertThat(stored).as("%d chars, pass %d", document.length(), pass).startsWith((byte) 0x28, (byte) 0xb5, (byte) 0x2f, (byte) 0xfd);
                assertThat(unzstd(stored)).isEqualTo(document);
                assertThat(StoredText.text(stored)).isEqualTo(document);
            }
        }
        String repetitive = DOCUMENTS.get(3);
        assertThat(StoredText.compress(repetitive).length).isLessThan(repetitive.length() / 20);
    }

    @Test
    void aDocumentStoredAsGzipUnderV5ReadsBackAsItsText() throws IOException {
        for (String document : DOCUMENTS) {
            assertThat(StoredText.text(asV5Stored(document))).as("%d chars", document.length()).isEqualTo(document);
        }
    }

    @Test
    void theTextAtTheStartOfALargerBufferIsCompressedAloneWhateverTheBufferHeldBefore() {
        // A request thread's buffer holds this request's text at its start and an older, longer one's after it.
        String older = noise(700_000, 7);
        for (String document : List.of("{\"ipa\":\"valley\"}", noise(40_000, 8), noise(400_000, 9), "")) {
            byte[] text = document.getBytes(StandardCharsets.UTF_8);
            byte[] buffer = older.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(text, 0, buffer, 0, text.length);
            byte[] stored = StoredText.compress(buffer, text.length);
            assertThat(stored).as("%d chars", document.length()).isEqualTo(StoredText.compress(document));
            assertThat(StoredText.text(stored)).isEqualTo(document);
        }
    }

    @Test
    void damagedBytesAreRefusedWithAMessageSayingWhatTheyAreNot() throws IOException {
        String document = DOCUMENTS.get(3);
        byte[] zstd = StoredText.compress(document);
        byte[] flipped = zstd.clone();
        flipped[zstd.length / 2] ^= 0x5a;
        assertThatThrownBy(() -> StoredText.text(flipped)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a readable zstd frame");
        byte[] truncated = Arrays.copyOf(zstd, zstd.length - 10);
        assertThatThrownBy(() -> StoredText.text(truncated)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("zstd frame");
        byte[] headerOnly = Arrays.copyOf(zstd, 4);
        assertThatThrownBy(() -> StoredText.text(headerOnly)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a readable zstd frame");

        byte[] gzip = asV5Stored(document);
        byte[] gzipTruncated = Arrays.copyOf(gzip, gzip.length - 12);
        assertThatThrownBy(() -> StoredText.text(gzipTruncated)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not readable gzip");

        byte[] text = document.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StoredText.text(text)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a stored run's text is neither zstd (28 b5 2f fd) nor gzip (1f 8b): %d bytes starting 7b 22 6c 69", text.length);
        assertThatThrownBy(() -> StoredText.text(new byte[0])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0 bytes starting");
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
