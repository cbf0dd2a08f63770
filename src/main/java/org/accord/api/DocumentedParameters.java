package org.accord.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A path parameter longer than the API document allows (an id's 36 characters, written by OpenAPI
 * Generator as {@code @Size} on the generated interface), or not of the form it gives (a content hash's
 * {@code sha256:} and 64 hex digits, {@code @Pattern}), is a 400 naming the parameter before the
 * controller looks it up: it was a 404 (that echoed all of a long one). The controllers are not
 * wrapped in method validation (WebConfiguration says why), so this reads the same annotations once
 * per operation.
 */
final class PathParameterBounds implements HandlerInterceptor {

    /** One parameter's bounds: at most this many characters, and of this form when one is given. */
    private record Bound(String parameter, int characters, java.util.regex.Pattern form, String formText) {
    }

    private final Map<Method, List<Bound>> byOperation = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        List<Bound> bounds = byOperation.computeIfAbsent(method.getMethod(), m -> boundsOf(method));
        if (bounds.isEmpty()) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> values = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (values == null) {
            return true;
        }
        for (Bound bound : bounds) {
            String value = values.get(bound.parameter());
            if (value == null) {
                continue;
            }
            if (value.length() > bound.characters()) {
                throw new InvalidRequestException(List.of(Problems.atParameter(bound.parameter(),
                        "at most " + bound.characters() + " characters, got " + value.length())));
            }
            if (bound.form() != null && !bound.form().matcher(value).matches()) {
                throw new InvalidRequestException(List.of(Problems.atParameter(bound.parameter(),
                        "not of the form " + bound.formText())));
            }
        }
        return true;
    }

    // HandlerMethod's parameters carry the annotations of the interface method the controller implements.
    private static List<Bound> boundsOf(HandlerMethod method) {
        List<Bound> bounds = new ArrayList<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            Size size = parameter.getParameterAnnotation(Size.class);
            Pattern pattern = parameter.getParameterAnnotation(Pattern.class);
            if (path != null && (size != null || pattern != null)) {
                String name = !path.value().isEmpty() ? path.value() : !path.name().isEmpty() ? path.name() : parameter.getParameterName();
                bounds.add(new Bound(name, size == null ? Integer.MAX_VALUE : size.max(),
                        pattern == null ? null : java.util.regex.Pattern.compile(pattern.regexp()),
                        pattern == null ? null : pattern.regexp()));
            }
        }
        return List.copyOf(bounds);
    }
}
