package org.accord.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds every request body: a declared length above the limit is refused before a byte is read,
 * and a body without a declared length (chunked) fails as soon as it passes the limit. Either way
 * the answer is a 413 problem.
 */
final class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final JsonMapper mapper;

    RequestSizeLimit(long maxBytes, JsonMapper mapper) {
        this.maxBytes = maxBytes;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            // Answered before the security filters, which would add these to every other answer.
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(Problems.PROBLEM_JSON.toString());
            response.getOutputStream().write(mapper.writeValueAsBytes(
                    Problems.of(HttpStatus.CONTENT_TOO_LARGE, message(), request.getRequestURI())));
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Bounded(request), response);
    }

    private String message() {
        return "the request body exceeds " + maxBytes + " bytes";
    }

    /** Thrown while reading a body without a declared length once it passes the limit. */
    static final class RequestBodyTooLarge extends IOException {
        RequestBodyTooLarge(String message) {
            super(message);
        }
    }

    /** A body without a declared length, counted as it is read. */
    private final class Bounded extends WatchedBody {

        private long read;

        Bounded(HttpServletRequest request) {
            super(request);
        }

        @Override
        void watch(byte[] bytes, int from, int count) throws RequestBodyTooLarge {
            read += count;
            if (read > maxBytes) {
                throw new RequestBodyTooLarge(message());
            }
        }
    }
}
