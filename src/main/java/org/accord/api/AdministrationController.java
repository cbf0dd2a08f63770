package org.accord.api;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.accord.api.generated.AdministrationApi;
import org.accord.api.generated.model.ApiKeyList;
import org.accord.api.generated.model.ApiKeyRecord;
import org.accord.api.generated.model.CreatedApiKey;
import org.accord.api.generated.model.NewApiKey;
import org.accord.io.Displayed;
import org.accord.security.Role;
import org.accord.security.StoredApiKeys;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** API keys made, listed and revoked by an admin (the operation table grants these to admins only). */
@RestController
class AdministrationController implements AdministrationApi {

    /** A key lives at most this long: a forgotten key stops working by itself. */
    static final Duration LONGEST_LIFE = Duration.ofDays(2 * 366);

    private final StoredApiKeys keys;
    private final Caller caller;
    private final Clock clock = Clock.systemUTC();

    AdministrationController(StoredApiKeys keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<CreatedApiKey> createApiKey(NewApiKey request) {
        String name = request.getName().strip();
        Instant expires = request.getExpires().toInstant();
        Instant now = clock.instant();
        if (name.isEmpty() || !name.equals(Displayed.text(name))) {
            throw new InvalidRequestException(List.of(Problems.atPointer("/name", "must be visible text, without control or direction characters")));
        }
        if (!expires.isAfter(now) || expires.isAfter(now.plus(LONGEST_LIFE))) {
            throw new InvalidRequestException(List.of(Problems.atPointer("/expires", "must be in the future and at most two years away")));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        request.getRoles().forEach(role -> roles.add(Role.named(role.getValue())));
        StoredApiKeys.CreatedKey created;
        try {
            created = keys.create(name, roles, expires, caller.current());
        } catch (IllegalArgumentException taken) {
            throw new InvalidRequestException(List.of(Problems.atPointer("/name", taken.getMessage())));
        }
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.record().id()))
                .body(new CreatedApiKey(created.key(), record(created.record())));
    }

    @Override
    public ResponseEntity<ApiKeyList> listApiKeys() {
        return ResponseEntity.ok(new ApiKeyList(keys.list().stream().map(AdministrationController::record).toList()));
    }

    @Override
    public ResponseEntity<ApiKeyRecord> revokeApiKey(String keyId) {
        return ResponseEntity.ok(record(keys.revoke(keyId, caller.current())
                .orElseThrow(() -> new NotFoundException("no API key '" + keyId + "'"))));
    }

    private static ApiKeyRecord record(StoredApiKeys.KeyRecord key) {
        ApiKeyRecord record = new ApiKeyRecord(key.id(), key.name(),
                key.roles().stream().sorted().map(role -> org.accord.api.generated.model.Role.fromValue(role.name().toLowerCase(Locale.ROOT))).toList(),
                key.expires().atOffset(ZoneOffset.UTC), key.createdAt().atOffset(ZoneOffset.UTC), key.createdBy());
        if (key.revokedAt() != null) {
            record.revokedAt(key.revokedAt().atOffset(ZoneOffset.UTC)).revokedBy(key.revokedBy());
        }
        return record;
    }
}
