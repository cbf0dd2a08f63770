package org.accord.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in lower-case hex, prefixed {@code sha256:} so a stored hash says how it was made. */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(byte[] content) {
        return ofDigest(sha256().digest(content));
    }

    public static String of(String content) {
        return of(content.getBytes(StandardCharsets.UTF_8));
    }

    /** A SHA-256 digest already taken, written as a hash. */
    static String ofDigest(byte[] digest) {
        return "sha256:" + HexFormat.of().formatHex(digest);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
