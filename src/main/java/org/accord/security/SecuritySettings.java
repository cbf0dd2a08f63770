package org.accord.security;

import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code accord.security.*}: the API keys (hashes only), where bearer tokens carry their roles,
 * the development key, and the origins that may call from a browser.
 *
 * @param apiKeys            keys by hash; none by default, so nothing is callable until an operator adds one
 * @param rolesClaim         the claim of a bearer token that lists its roles
 * @param devAdminKey        creates a random admin key at start and prints it once (the {@code dev} profile)
 * @param corsAllowedOrigins origins allowed to call the API from a browser; none by default
 * @param requestsPerSecond  how many requests one caller may send a second; beyond, 429
 * @param heavyAtOnce        how many simulations, sweeps and backtests the server runs at once; beyond, 429
 * @param unauthenticatedPerSecond how many requests without a valid credential one address may send a second; beyond,
 *                           429, not audited
 */
@ConfigurationProperties("accord.security")
public record SecuritySettings(
        @DefaultValue List<ConfiguredKey> apiKeys,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("false") boolean devAdminKey,
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue("50") int requestsPerSecond,
        @DefaultValue("2") int heavyAtOnce,
        @DefaultValue("10") int unauthenticatedPerSecond) {

    /** One key as configuration lists it: {@code accord.security.api-keys[0].name=...}. */
    public record ConfiguredKey(String name, String sha256, List<String> roles, Instant expires) {

        ApiKey toApiKey() {
            return new ApiKey(name, sha256, roles == null ? java.util.Set.of()
                    : roles.stream().map(Role::named).collect(java.util.stream.Collectors.toUnmodifiableSet()), expires);
        }
    }
}
