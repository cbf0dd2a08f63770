package org.accord.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The keys listed in configuration ({@code accord.security.api-keys}), by hash. */
final class ConfiguredApiKeys implements ApiKeys {

    private final Map<String, ApiKey> bySha256 = new HashMap<>();

    ConfiguredApiKeys(List<ApiKey> keys) {
        for (ApiKey key : keys) {
            if (bySha256.putIfAbsent(key.sha256(), key) != null) {
                throw new IllegalArgumentException("API keys '" + bySha256.get(key.sha256()).name() + "' and '" + key.name()
                        + "' have the same hash");
            }
        }
    }

    @Override
    public Optional<ApiKey> bySha256(String sha256) {
        return Optional.ofNullable(bySha256.get(sha256));
    }
}
