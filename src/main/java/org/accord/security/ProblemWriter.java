package org.accord.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problems, like every other error of the API. A 401 names the two ways
 * to authenticate in {@code WWW-Authenticate}. A 403 names the operation refused, the caller's
 * roles and the roles that may call it, all of which the API document already says to anyone who
 * reads it. Each refusal is appended to the audit log as {@code denied}, up to so many requests
 * without a valid credential a second from one address: beyond, the answer is a 429 and nothing is
 * appended, so that an address sending garbage keys cannot fill the append-only log at its own pace.
 */
final class ProblemWriter implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String CHALLENGE = "ApiKey header=\"" + ApiKeyFilter.HEADER + "\", Bearer";

    private final JsonMapper json = JsonMapper.builder().build();
    private final AuditTrail audit;
    private final List<Guarded> operations;
    private final RateLimits unauthenticatedPerAddress;

    /** An operation of the API document with the matcher of its method and path. */
    private record Guarded(OperationAccess.Operation operation, RequestMatcher matcher) {
    }

    /** For refusals outside the API's operations (the firewall's): a 403 then names no operation. */
    ProblemWriter(AuditTrail audit) {
        this(audit, List.of(), Integer.MAX_VALUE);
    }

    /** @param unauthenticatedPerSecond how many requests without a valid credential one address may send a second */
    ProblemWriter(AuditTrail audit, List<OperationAccess.Operation> operations, int unauthenticatedPerSecond) {
        this.audit = audit;
        this.unauthenticatedPerAddress = new RateLimits(unauthenticatedPerSecond);
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        this.operations = operations.stream()
                .map(operation -> new Guarded(operation, paths.matcher(HttpMethod.valueOf(operation.method()), operation.path())))
                .toList();
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
        if (!unauthenticatedPerAddress.permits(request.getRemoteAddr())) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            write(request, response, 429, "Too Many Requests", "this address sent more than "
                    + unauthenticatedPerAddress.perSecond() + " requests without a valid credential in a second");
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        audit.append("unauthenticated", AuditLog.DENIED, request.getMethod() + " " + request.getRequestURI(), 401);
        write(request, response, 401, "Unauthorized",
                "this operation needs a valid API key (header " + ApiKeyFilter.HEADER + ") or bearer token");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        audit.append(AuditFilter.actor(caller), AuditLog.DENIED, request.getMethod() + " " + request.getRequestURI(), 403);
        write(request, response, 403, "Forbidden", refusal(request, caller));
    }

    /** Why a 403: whose roles, which operation, and who may call it. */
    private String refusal(HttpServletRequest request, Authentication caller) {
        String roles = caller == null ? "" : caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()).toLowerCase(Locale.ROOT)).sorted()
                .collect(Collectors.joining(", "));
        String refused = roles.isEmpty() ? "a caller without a role may not call " : "the caller's roles (" + roles + ") do not allow ";
        String target = request.getMethod() + " " + request.getRequestURI();
        return operations.stream().filter(guarded -> guarded.matcher().matches(request)).findFirst()
                .map(guarded -> refused + guarded.operation().operationId() + " (" + target + "); it is open to "
                        + guarded.operation().roles().stream().map(role -> role.name().toLowerCase(Locale.ROOT)).sorted()
                                .collect(Collectors.joining(", ")))
                .orElse(refused + target + (request.getRequestURI().startsWith("/actuator/") ? "; it is open to admin" : ""));
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
