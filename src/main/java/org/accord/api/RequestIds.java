package org.accord.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request has an id: the caller's {@code X-Request-Id} (its printable ASCII characters only, at most
 * 128) or a new UUID. A header's bytes reach the service as ISO-8859-1, so a bidirectional override sent
 * in UTF-8 arrives as three characters, none of them a control character: keeping printable ASCII drops
 * them all. It is echoed in the response
 * and carried in the logs (MDC {@code requestId}) of everything done for the request.
 */
final class RequestIds extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final int LONGEST = 128;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = idOf(request.getHeader(HEADER));
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    static String idOf(String given) {
        if (given == null) {
            return UUID.randomUUID().toString();
        }
        StringBuilder kept = new StringBuilder(Math.min(given.length(), LONGEST));
        given.chars().filter(c -> c >= ' ' && c <= '~').forEach(c -> kept.append((char) c));
        String shown = kept.toString().strip();
        if (shown.isEmpty()) {
            return UUID.randomUUID().toString();
        }
        return shown.length() > LONGEST ? shown.substring(0, LONGEST) : shown;
    }
}
