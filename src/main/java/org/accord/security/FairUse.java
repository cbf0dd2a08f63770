package org.accord.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.accord.jobs.HeavyWork;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fairness: each caller (a principal, or the address of a caller without one) may send so many
 * requests a second (Resilience4j's rate limiter, one per caller), and the whole server runs at
 * most so many heavy operations at once (those the API document marks {@code x-heavy: true}:
 * simulations, sweeps, backtests), counting the jobs running (which share the same
 * {@link HeavyWork}; a request that makes a job takes no slot, its job waits for one). Beyond
 * either, the answer is a 429 problem with {@code Retry-After} in seconds, and nothing is done.
 */
final class FairUse extends OncePerRequestFilter {

    private final RateLimits perCaller;
    private final HeavyWork heavy;
    private final List<RequestMatcher> heavyOperations;
    private final ProblemWriter problems;

    FairUse(int requestsPerSecond, HeavyWork heavy, OperationAccess access, ProblemWriter problems) {
        this.perCaller = new RateLimits(requestsPerSecond);
        this.heavy = heavy;
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        this.heavyOperations = access.operations().stream().filter(OperationAccess.Operation::heavy)
                .map(operation -> (RequestMatcher) paths.matcher(HttpMethod.valueOf(operation.method()), operation.path())).toList();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var caller = SecurityContextHolder.getContext().getAuthentication();
        String who = caller != null && caller.isAuthenticated() ? "principal:" + caller.getName() : "address:" + request.getRemoteAddr();
        if (!perCaller.permits(who)) {
            // the limiter refreshes every second: a second from now there are permits again
            tooMany(request, response, 1, "this caller sent more than " + perCaller.perSecond() + " requests in a second");
            return;
        }
        if (heavyOperations.stream().noneMatch(matcher -> matcher.matches(request))) {
            chain.doFilter(request, response);
            return;
        }
        if (!heavy.tryStart()) {
            tooMany(request, response, 5, "the server runs as many simulations, sweeps and backtests as it may at once"
                    + " (a job, POST /api/v1/jobs, waits for a free slot instead)");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            heavy.finish();
        }
    }

    private void tooMany(HttpServletRequest request, HttpServletResponse response, long seconds, String detail) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(request, response, 429, "Too Many Requests", detail + "; try again in " + seconds + " s");
    }
}
