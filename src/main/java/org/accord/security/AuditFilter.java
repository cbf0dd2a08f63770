package org.accord.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Appends a call of an audited operation to the audit log once it is answered, whatever the
 * answer: who, which operation, what it was about (what the operation named, {@link CallAudit#about},
 * else the resource it made, named by {@code Location}, else the path) and the status. Runs after authorization, so a refused call
 * is logged by {@link ProblemWriter} instead; one the operation refuses itself (403) is logged as
 * {@code denied} here. An operation that commits what it made appends its
 * row in that transaction ({@link CallAudit}); it is then not appended again here.
 */
final class AuditFilter extends OncePerRequestFilter {

    private record Audited(String operationId, RequestMatcher matcher) {
    }

    private final AuditTrail log;
    private final List<Audited> audited;

    AuditFilter(AuditTrail log, OperationAccess access) {
        this.log = log;
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        this.audited = access.operations().stream().filter(OperationAccess.Operation::audited)
                .map(operation -> new Audited(operation.operationId(),
                        paths.matcher(HttpMethod.valueOf(operation.method()), operation.path())))
                .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Audited operation = audited.stream().filter(candidate -> candidate.matcher().matches(request)).findFirst().orElse(null);
        if (operation == null) {
            chain.doFilter(request, response);
            return;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        CallAudit call = new CallAudit(log, actor(caller), operation.operationId());
        request.setAttribute(CallAudit.ATTRIBUTE, call);
        try {
            chain.doFilter(request, response);
        } finally {
            if (response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
                // Refused by the operation itself (a job whose work the caller's roles may not run): denied, as
                // the refusals authorization answers are.
                log.append(call.actor(), AuditLog.DENIED, request.getMethod() + " " + request.getRequestURI(), response.getStatus());
            } else if (!call.appendedAs(response.getStatus())) {
                String made = call.about() != null ? call.about() : response.getHeader(HttpHeaders.LOCATION);
                log.append(call.actor(), operation.operationId(), made != null ? made : request.getRequestURI(), response.getStatus());
            }
        }
    }

    static String actor(Authentication caller) {
        return caller == null || !caller.isAuthenticated() || caller.getName() == null ? "unauthenticated" : caller.getName();
    }
}
