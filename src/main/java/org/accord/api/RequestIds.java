package org.accord.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.accord.io.Displayed;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request has an id: the caller's {@code X-Request-Id} (stripped of control and
 * bidirectional characters, at most 128 characters) or a new UUID. It is echoed in the response
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
        String shown = Displayed.text(given);
        if (shown == null || shown.isBlank()) {
            return UUID.randomUUID().toString();
        }
        shown = shown.strip();
        return shown.length() > LONGEST ? shown.substring(0, LONGEST) : shown;
    }
}
