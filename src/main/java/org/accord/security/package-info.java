/**
 * Who may call the service: API keys (kept as SHA-256 hashes) and OAuth2 bearer tokens, the
 * roles they carry, and the one table that says which roles may run each operation of the API
 * document. A Spring adapter around the REST layer; the engine knows nothing of it.
 */
package org.accord.security;
