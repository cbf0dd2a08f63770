package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The body check refuses exactly what the JDK's strict UTF-8 decoder refuses, read whole or in pieces. */
class WellFormedJsonTextTest {

    @Test
    void itRefusesWhatTheJdksDecoderRefusesOnGeneratedBytes() throws IOException {
        Random random = new Random(20261204);
        int refused = 0;
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = sample(random);
            boolean jdk = jdkAccepts(bytes);
            refused += jdk ? 0 : 1;
            assertThat(accepts(bytes, random.nextBoolean())).as(hex(bytes)).isEqualTo(jdk);
        }
        assertThat(refused).as("the samples hold both kinds").isBetween(2_000, 18_000);
    }

    @Test
    void theOverlongSlashAndASurrogateAreRefusedAndAUtf16BodyIsLeftToTheParser() throws IOException {
        assertThat(accepts(new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'}, false)).isFalse();
        assertThat(accepts(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, false)).isFalse();
        assertThat(accepts(new byte[] {'"', (byte) 0xE2, (byte) 0x82}, false)).as("cut inside a sequence").isFalse();
        assertThat(accepts("\"Pioneer Valley – Å\"".getBytes(StandardCharsets.UTF_8), true)).isTrue();
        assertThat(accepts("{\"name\":\"Å\"}".getBytes(StandardCharsets.UTF_16LE), false)).isTrue();
    }

    @Test
    void onlyJsonSentAsUtf8IsChecked() {
        assertThat(WellFormedJsonText.sentAsUtf8Json("application/json")).isTrue();
        assertThat(WellFormedJsonText.sentAsUtf8Json("application/json; charset=utf-8")).isTrue();
        assertThat(WellFormedJsonText.sentAsUtf8Json("application/merge-patch+json")).isTrue();
        assertThat(WellFormedJsonText.sentAsUtf8Json("application/json; charset=UTF-16")).isFalse();
        assertThat(WellFormedJsonText.sentAsUtf8Json("text/csv")).isFalse();
        assertThat(WellFormedJsonText.sentAsUtf8Json(null)).isFalse();
        assertThat(WellFormedJsonText.sentAsUtf8Json("not a type")).isFalse();
    }

    /** Mostly ASCII and well-formed sequences, with now and then a byte of any value. */
    private static byte[] sample(Random random) {
        byte[] bytes = new byte[2 + random.nextInt(12)];
        bytes[0] = '"';
        bytes[1] = 'x';
        for (int i = 2; i < bytes.length; i++) {
            bytes[i] = switch (random.nextInt(4)) {
                case 0 -> (byte) ('a' + random.nextInt(26));
                case 1 -> (byte) (0x80 + random.nextInt(0x40));
                default -> (byte) (0xC0 + random.nextInt(0x40));
            };
        }
        if (random.nextInt(3) == 0) {
            String text = new String(Character.toChars(0x80 + random.nextInt(0x10FF00)));
            byte[] encoded = ("\"" + text + "\"").getBytes(StandardCharsets.UTF_8);
            return encoded;
        }
        return bytes;
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean accepts(byte[] bytes, boolean byteByByte) throws IOException {
        WellFormedJsonText.CheckingStream in = new WellFormedJsonText.CheckingStream(new Servlet(bytes));
        try {
            if (byteByByte) {
                while (in.read() >= 0) {
                    // read to the end
                }
            } else {
                byte[] buffer = new byte[3];
                while (in.read(buffer, 0, buffer.length) >= 0) {
                    // read to the end, in pieces that cut sequences
                }
            }
            return true;
        } catch (WellFormedJsonText.IllFormedUtf8 refused) {
            return false;
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02X ", b & 0xFF));
        }
        return out.toString();
    }

    private static final class Servlet extends ServletInputStream {
        private final ByteArrayInputStream in;

        Servlet(byte[] bytes) {
            in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int from, int length) {
            return in.read(buffer, from, length);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
