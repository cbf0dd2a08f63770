package org.accord.api;

import java.security.Principal;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is calling, as a stored run records it: the name of the request's authenticated principal,
 * or {@code anonymous} when there is none (as long as the service asks for no authentication).
 * Authentication, when it lands, sets the principal; nothing here needs to change.
 */
@Component
class Caller {

    static final String ANONYMOUS = "anonymous";

    String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            Principal principal = attributes.getRequest().getUserPrincipal();
            if (principal != null && principal.getName() != null && !principal.getName().isBlank()) {
                return principal.getName();
            }
        }
        return ANONYMOUS;
    }
}
