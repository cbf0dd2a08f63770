package org.accord.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.accord.jobs.InteractiveRequests;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every request in flight but the jobs' own ({@code /api/v1/jobs} and below: submitting,
 * polling, reading a result), from before authentication until the answer is written, so that
 * running jobs give way to evaluations, replays and the rest while they are answered.
 */
final class InteractiveRequestsInFlight extends OncePerRequestFilter {

    static final String JOBS = "/api/v1/jobs";

    private final InteractiveRequests requests;

    InteractiveRequestsInFlight(InteractiveRequests requests) {
        this.requests = requests;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(JOBS) || path.startsWith(JOBS + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        requests.started();
        try {
            chain.doFilter(request, response);
        } finally {
            requests.finished();
        }
    }
}
