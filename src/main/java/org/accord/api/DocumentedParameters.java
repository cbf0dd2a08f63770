package org.accord.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.io.Displayed;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What the API document allows of an operation's parameters, checked before the controller runs. A path
 * parameter longer than it allows (an id's 36 characters, written by OpenAPI Generator as {@code @Size} on
 * the generated interface), or not of the form it gives (a content hash's {@code sha256:} and 64 hex digits,
 * {@code @Pattern}), is a 400 naming it: it was a 404 (that echoed all of a long one). A query parameter the
 * operation does not take is a 400 naming it: a misspelt filter ({@code ?ipa=} for {@code ?ipaId=}) listed
 * every run, as if no filter had been asked for. A query parameter it takes given without a value, or blank
 * ({@code ?performanceYear=}, {@code ?storedFrom=%20}), is a 400 naming it too: Spring read it as absent, or as a
 * filter matching nothing, so {@code GET /jobs?state=} listed every job (found from outside). A list parameter
 * ({@code state}) is left to its operation, which names the values it takes; Spring hands it an empty list, not
 * null. The controllers are not wrapped in method validation
 * (WebConfiguration says why), so this reads the same annotations once per operation.
 */
final class DocumentedParameters implements HandlerInterceptor {

    /** One path parameter's bounds: at most this many characters, and of this form when one is given. */
    private record Bound(String parameter, int characters, java.util.regex.Pattern form) {
    }

    /** An operation's path parameters' bounds, the names of the query parameters it takes, and those that are lists. */
    private record Operation(List<Bound> bounds, Set<String> queryNames, Set<String> listNames) {
    }

    private final Map<Method, Operation> byMethod = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // Accord's own operations only: the actuator's endpoints read parameters of their own.
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().equals(getClass().getPackageName())) {
            return true;
        }
        Operation operation = byMethod.computeIfAbsent(method.getMethod(), m -> operationOf(method));
        checkQuery(request.getQueryString(), operation);
        if (operation.bounds().isEmpty()) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> values = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (values == null) {
            return true;
        }
        for (Bound bound : operation.bounds()) {
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
                        "not of the form " + bound.form().pattern())));
            }
        }
        return true;
    }

    /** The query string's names (not a form body's: request.getParameterMap() would read those too). */
    private static void checkQuery(String query, Operation operation) {
        if (query == null || query.isEmpty()) {
            return;
        }
        Set<String> known = operation.queryNames();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (!name.isEmpty() && !known.contains(name)) {
                throw new InvalidRequestException(List.of(Problems.atParameter(shown(name),
                        known.isEmpty() ? "this operation takes no query parameters"
                                : "this operation takes no such query parameter; it takes " + String.join(", ", new TreeSet<>(known)))));
            }
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (!name.isEmpty() && value.isBlank() && !operation.listNames().contains(name)) {
                throw new InvalidRequestException(List.of(Problems.atParameter(shown(name),
                        (value.isEmpty() ? "is empty" : "is blank") + ": give a value, or leave the parameter out")));
            }
        }
    }

    /** A name the client sent, as a problem shows it: hidden characters out, and not more than a hundred. */
    private static String shown(String name) {
        String shown = Displayed.text(name);
        return shown.length() <= 100 ? shown : shown.substring(0, 100) + "...";
    }

    // HandlerMethod's parameters carry the annotations of the interface method the controller implements.
    private static Operation operationOf(HandlerMethod method) {
        List<Bound> bounds = new ArrayList<>();
        Set<String> queryNames = new HashSet<>();
        Set<String> listNames = new HashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
            if (query != null) {
                String name = !query.value().isEmpty() ? query.value() : !query.name().isEmpty() ? query.name() : parameter.getParameterName();
                queryNames.add(name);
                if (java.util.Collection.class.isAssignableFrom(parameter.getParameterType())) {
                    listNames.add(name);
                }
            }
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            Size size = parameter.getParameterAnnotation(Size.class);
            Pattern pattern = parameter.getParameterAnnotation(Pattern.class);
            if (path != null && (size != null || pattern != null)) {
                String name = !path.value().isEmpty() ? path.value() : !path.name().isEmpty() ? path.name() : parameter.getParameterName();
                bounds.add(new Bound(name, size == null ? Integer.MAX_VALUE : size.max(),
                        pattern == null ? null : java.util.regex.Pattern.compile(pattern.regexp())));
            }
        }
        return new Operation(List.copyOf(bounds), Set.copyOf(queryNames), Set.copyOf(listNames));
    }
}
