package org.accord.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * Generator as {@code @Size} on the generated interface) is a 400 naming the parameter, before the
 * controller looks it up: it was a 404 that echoed all of it. The controllers are not wrapped in method
 * validation (WebConfiguration says why), so this reads the same annotations once per operation.
 */
final class PathParameterLengths implements HandlerInterceptor {

    private record Longest(String parameter, int characters) {
    }

    private final Map<Method, List<Longest>> byOperation = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        List<Longest> limits = byOperation.computeIfAbsent(method.getMethod(), m -> limitsOf(method));
        if (limits.isEmpty()) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> values = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (values == null) {
            return true;
        }
        for (Longest limit : limits) {
            String value = values.get(limit.parameter());
            if (value != null && value.length() > limit.characters()) {
                throw new InvalidRequestException(List.of(Problems.atParameter(limit.parameter(),
                        "at most " + limit.characters() + " characters, got " + value.length())));
            }
        }
        return true;
    }

    // HandlerMethod's parameters carry the annotations of the interface method the controller implements.
    private static List<Longest> limitsOf(HandlerMethod method) {
        List<Longest> limits = new ArrayList<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            Size size = parameter.getParameterAnnotation(Size.class);
            if (path != null && size != null) {
                String name = !path.value().isEmpty() ? path.value() : !path.name().isEmpty() ? path.name() : parameter.getParameterName();
                limits.add(new Longest(name, size.max()));
            }
        }
        return List.copyOf(limits);
    }
}
