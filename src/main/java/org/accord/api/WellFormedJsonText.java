package org.accord.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A JSON body sent as UTF-8 (no charset named, or UTF-8) must be well-formed UTF-8 (RFC 3629): the
 * JSON parser decodes an overlong or otherwise ill-formed sequence to some character all the same (C0 AF
 * to "/"), so that a name could be evaluated and stored as text the client never wrote. Checked as the
 * body is read, byte by byte beyond ASCII; a body JSON's own detection reads as UTF-16 or UTF-32 (a zero
 * among its first two bytes) is left to the parser.
 */
final class WellFormedJsonText extends OncePerRequestFilter {

    /** Thrown while reading a body at its first ill-formed byte; a 400 naming that byte. */
    static final class IllFormedUtf8 extends IOException {
        IllFormedUtf8(long offset) {
            super("the body is not well-formed UTF-8: byte " + offset + " cannot stand where it does");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(sentAsUtf8Json(request.getContentType()) ? new Checked(request) : request, response);
    }

    static boolean sentAsUtf8Json(String contentType) {
        if (contentType == null) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException unreadable) {
            return false; // Spring answers it, 415
        }
        boolean json = type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
        return json && (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
    }

    private static final class Checked extends WatchedBody {

        private final Utf8 utf8 = new Utf8();

        Checked(HttpServletRequest request) {
            super(request);
        }

        @Override
        void watch(byte[] bytes, int from, int count) throws IllFormedUtf8 {
            utf8.follow(bytes, from, count);
        }

        @Override
        void ended() throws IllFormedUtf8 {
            utf8.ended();
        }
    }

    /** UTF-8's well-formed byte sequences (RFC 3629, section 4), followed across the runs of bytes read. */
    static final class Utf8 {

        private long offset;
        private boolean utf16or32;
        /** Continuation bytes still due, and the range the next one must fall in. */
        private int due;
        private int lowest = 0x80;
        private int highest = 0xBF;

        void follow(byte[] bytes, int from, int count) throws IllFormedUtf8 {
            for (int i = from; i < from + count; i++) {
                if (bytes[i] >= 0 && due == 0 && offset > 1) {
                    offset++; // ASCII, the common case
                } else {
                    follow(bytes[i] & 0xFF);
                }
            }
        }

        private void follow(int b) throws IllFormedUtf8 {
            if (offset < 2 && b == 0) {
                utf16or32 = true;
            }
            if (!utf16or32) {
                sequence(b);
            }
            offset++;
        }

        private void sequence(int b) throws IllFormedUtf8 {
            if (due > 0) {
                if (b < lowest || b > highest) {
                    throw new IllFormedUtf8(offset);
                }
                due--;
                lowest = 0x80;
                highest = 0xBF;
                return;
            }
            if (b < 0x80) {
                return;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                due = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                due = 2;
                lowest = b == 0xE0 ? 0xA0 : 0x80; // E0: no overlong three-byte form
                highest = b == 0xED ? 0x9F : 0xBF; // ED: no surrogate
            } else if (b >= 0xF0 && b <= 0xF4) {
                due = 3;
                lowest = b == 0xF0 ? 0x90 : 0x80; // F0: no overlong four-byte form
                highest = b == 0xF4 ? 0x8F : 0xBF; // F4: nothing above U+10FFFF
            } else {
                throw new IllFormedUtf8(offset); // a continuation byte first, C0, C1 (overlong), F5-FF
            }
        }

        void ended() throws IllFormedUtf8 {
            if (due > 0 && !utf16or32) {
                throw new IllFormedUtf8(offset); // cut inside a sequence
            }
        }
    }
}
