package org.accord.security;

import java.time.Instant;
import java.util.Set;

/**
 * An API key as the server keeps it: never the key itself, only its SHA-256.
 *
 * @param name    who or what holds it (an IPA tool), shown in logs
 * @param sha256  the key's SHA-256, lower-case hex
 * @param roles   what it may do ({@link Role} names)
 * @param expires when it stops working; a key always has an expiry
 */
public record ApiKey(String name, String sha256, Set<Role> roles, Instant expires) {

    public ApiKey {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an API key needs a name");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("API key '" + name + "': sha256 must be 64 lower-case hex digits");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("API key '" + name + "' has no role");
        }
        if (expires == null) {
            throw new IllegalArgumentException("API key '" + name + "' has no expiry");
        }
        roles = Set.copyOf(roles);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }
}
