package org.accord.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static final String HASH = Secrets.sha256("a key");
    private static final ApiKeys NONE_STORED = sha256 -> java.util.Optional.empty();

    @Test
    void configurationHoldsNoKeysUnlessAnOperatorAddsThem() {
        ApiKeys keys = SecurityConfiguration.configuredThen(new SecuritySettings(List.of(), "roles", false, List.of(), 50, 2, 10), NONE_STORED);

        assertThat(keys.bySha256(HASH)).isEmpty();
    }

    @Test
    void aConfiguredKeyIsFoundByItsHashWithItsRolesAndExpiry() {
        var configured = new SecuritySettings.ConfiguredKey("claims tool", HASH, List.of("integrator", "Reviewer"), Instant.parse("2027-06-30T00:00:00Z"));
        ApiKeys keys = SecurityConfiguration.configuredThen(new SecuritySettings(List.of(configured), "roles", false, List.of(), 50, 2, 10), NONE_STORED);

        ApiKey key = keys.bySha256(HASH).orElseThrow();
        assertThat(key.roles()).containsExactlyInAnyOrder(Role.INTEGRATOR, Role.REVIEWER);
        assertThat(key.expiredAt(Instant.parse("2027-06-29T23:59:59Z"))).isFalse();
        assertThat(key.expiredAt(Instant.parse("2027-06-30T00:00:00Z"))).isTrue();
    }

    @Test
    void aKeyNeedsANameAHashARoleAndAnExpiry() {
        Instant expires = Instant.parse("2027-01-01T00:00:00Z");
        assertThatThrownBy(() -> new ApiKey(" ", HASH, Set.of(Role.ADMIN), expires)).hasMessageContaining("name");
        assertThatThrownBy(() -> new ApiKey("k", "not-hex", Set.of(Role.ADMIN), expires)).hasMessageContaining("64 lower-case hex");
        assertThatThrownBy(() -> new ApiKey("k", HASH, Set.of(), expires)).hasMessageContaining("no role");
        assertThatThrownBy(() -> new ApiKey("k", HASH, Set.of(Role.ADMIN), null)).hasMessageContaining("no expiry");
        assertThatThrownBy(() -> new ConfiguredApiKeys(List.of(new ApiKey("a", HASH, Set.of(Role.ADMIN), expires),
                new ApiKey("b", HASH, Set.of(Role.ADMIN), expires)))).hasMessageContaining("same hash");
    }

    @Test
    void theDevelopmentKeyIsPrintedOnceAndKeptOnlyAsAHash() {
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ApiKeys keys;
        try {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            keys = SecurityConfiguration.configuredThen(new SecuritySettings(List.of(), "roles", true, List.of(), 50, 2, 10), NONE_STORED);
        } finally {
            System.setErr(err);
        }

        Matcher shown = Pattern.compile("(acc_[A-Za-z0-9_-]{43})").matcher(printed.toString(StandardCharsets.UTF_8));
        assertThat(shown.find()).as(printed.toString(StandardCharsets.UTF_8)).isTrue();
        String given = shown.group(1);
        assertThat(shown.find()).as("printed once").isFalse();
        ApiKey key = keys.bySha256(Secrets.sha256(given)).orElseThrow();
        assertThat(key.roles()).containsExactlyInAnyOrder(Role.values());
        assertThat(key.expiredAt(Instant.now().plus(Duration.ofHours(23)))).isFalse();
        assertThat(key.expiredAt(Instant.now().plus(Duration.ofHours(25)))).isTrue();
    }
}
