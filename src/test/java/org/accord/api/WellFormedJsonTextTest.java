package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The body check refuses exactly what the JDK's strict UTF-8 decoder refuses, read whole or in pieces. */
class WellFormedJsonTextTest {

    @Test
    void itRefusesWhatTheJdksDecoderRefusesOnGeneratedBytes() {
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
    void theOverlongSlashAndASurrogateAreRefusedAndAUtf16BodyIsLeftToTheParser() {
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

    private static boolean accepts(byte[] bytes, boolean byteByByte) {
        WellFormedJsonText.Utf8 utf8 = new WellFormedJsonText.Utf8();
        try {
            // one byte at a time, or in pieces of three that cut sequences
            int piece = byteByByte ? 1 : 3;
            for (int from = 0; from < bytes.length; from += piece) {
                utf8.follow(bytes, from, Math.min(piece, bytes.length - from));
            }
            utf8.ended();
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
}
