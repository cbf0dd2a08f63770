package org.accord.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Accept: application/problem+json, application/json} must not make Spring label a
 * settlement as a problem (it picks the first acceptable type the JSON converter can write).
 * Problems set their own content type, so the answer's negotiation is left the other types; when
 * problem+json is all a client accepts, {@link ProblemOnlyAccept} answers 406.
 */
final class AnswersNotLabelledAsProblems extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader("Accept");
        List<MediaType> others = others(accept);
        // A .csv operation has one answer, its table: a generated client that names only
        // problem+json (the error type it can parse) still asks for that table.
        boolean onlyProblemsForATable = request.getRequestURI().endsWith(".csv") && accept != null
                && accept.toLowerCase(java.util.Locale.ROOT).contains("problem+json") && others == null;
        if (others == null && !onlyProblemsForATable) {
            chain.doFilter(request, response);
            return;
        }
        String rewritten = onlyProblemsForATable ? "text/csv" : MimeTypeUtils.toString(others);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return "Accept".equalsIgnoreCase(name) ? rewritten : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(List.of(rewritten)) : super.getHeaders(name);
            }
        }, response);
    }

    /** The accepted types other than problem+json, or null when there is nothing to take out. */
    private static List<MediaType> others(String accept) {
        if (accept == null || !accept.toLowerCase(java.util.Locale.ROOT).contains("problem+json")) {
            return null;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            List<MediaType> others = types.stream().filter(t -> !t.equalsTypeAndSubtype(Problems.PROBLEM_JSON)).toList();
            return others.isEmpty() || others.size() == types.size() ? null : others;
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }
}
