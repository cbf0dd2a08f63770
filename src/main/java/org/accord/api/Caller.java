package org.accord.api;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.accord.security.OperationAccess;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is calling, as a stored run records it: the name of the request's authenticated principal
 * ({@code key:} and an API key's name, or a bearer token's subject), or {@code anonymous} when there
 * is none (outside a request). Whether the caller reads every stored run or only its own follows
 * its roles (security/operation-roles.yaml grants the operations).
 */
@Component
class Caller {

    static final String ANONYMOUS = "anonymous";

    private final OperationAccess access;

    Caller(OperationAccess access) {
        this.access = access;
    }

    String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            Principal principal = attributes.getRequest().getUserPrincipal();
            if (principal != null && principal.getName() != null && !principal.getName().isBlank()) {
                return principal.getName();
            }
        }
        return ANONYMOUS;
    }

    /** Reviewers and admins read every stored run; any other caller only the runs it made. */
    boolean readsEveryRun() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.isUserInRole("REVIEWER") || request.isUserInRole("ADMIN");
        }
        return true; // outside a request: the service itself
    }

    /**
     * Whether the caller's roles let it call the operation (security/operation-roles.yaml): an
     * operation may ask, as a version's evaluation asks whether its caller may read the version.
     */
    boolean mayCall(String operationId) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return access.operations().stream().filter(operation -> operation.operationId().equals(operationId))
                    .flatMap(operation -> operation.roles().stream()).anyMatch(role -> request.isUserInRole(role.name()));
        }
        return true; // outside a request: the service itself
    }
}
