package org.accord.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
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

    private final class Bounded extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Bounded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream());
            }
            return stream;
        }
    }

    private final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        CountingStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLarge {
            read += n;
            if (read > maxBytes) {
                throw new RequestBodyTooLarge(message());
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
