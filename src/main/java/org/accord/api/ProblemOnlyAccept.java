package org.accord.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A client that accepts only {@code application/problem+json} cannot be given a settlement: JSON
 * would be labelled as a problem it is not. Answer 406 (itself a problem, which that client accepts).
 */
final class ProblemOnlyAccept implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return true;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException unreadable) {
            return true; // Spring's own negotiation answers a malformed Accept
        }
        if (!accepted.isEmpty() && accepted.stream().allMatch(type -> type.equalsTypeAndSubtype(Problems.PROBLEM_JSON))) {
            throw new HttpMediaTypeNotAcceptableException(
                    "application/problem+json is the type of errors only; accept application/json (or the operation's own type) for the answer");
        }
        return true;
    }
}
