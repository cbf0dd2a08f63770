package org.accord.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problems, like every other error of the API. A 401 names the two ways
 * to authenticate in {@code WWW-Authenticate}; neither says which key or role was missing. Each
 * refusal is appended to the audit log as {@code denied}.
 */
final class ProblemWriter implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String CHALLENGE = "ApiKey header=\"" + ApiKeyFilter.HEADER + "\", Bearer";

    private final JsonMapper json = JsonMapper.builder().build();
    private final AuditTrail audit;

    ProblemWriter(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        audit.append("unauthenticated", AuditLog.DENIED, request.getMethod() + " " + request.getRequestURI(), 401);
        write(request, response, 401, "Unauthorized",
                "this operation needs a valid API key (header " + ApiKeyFilter.HEADER + ") or bearer token");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        audit.append(AuditFilter.actor(SecurityContextHolder.getContext().getAuthentication()), AuditLog.DENIED,
                request.getMethod() + " " + request.getRequestURI(), 403);
        write(request, response, 403, "Forbidden", "the caller's roles do not allow this operation");
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
