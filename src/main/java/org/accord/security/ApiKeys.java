package org.accord.security;

import java.util.Optional;

/**
 * Where API keys are kept. Configuration holds them until the system of record does; a JDBC
 * implementation replaces {@link ConfiguredApiKeys} then, with create and revoke.
 */
public interface ApiKeys {

    /** The key whose SHA-256 this is, expired or not. */
    Optional<ApiKey> bySha256(String sha256);
}
