package org.accord.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.accord.testing.TestJwkSet;
import org.accord.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** The bearer-token decoder as the standard properties choose it when the service starts. */
class BearerTokenDecoderTest {

    private static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";

    @Test
    void noIssuerNoKeysNoDecoder() {
        assertThat(BearerTokenDecoder.configuredIn(new MockEnvironment())).isEmpty();
    }

    @Test
    void aJwkSetUriGivesTheKeysItServes() throws Exception {
        try (TestJwkSet jwkSet = TestJwkSet.serve()) {
            JwtDecoder decoder = BearerTokenDecoder.configuredIn(new MockEnvironment().withProperty(PREFIX + "jwk-set-uri", jwkSet.uri())).orElseThrow();

            assertThat(decoder.decode(TestTokens.withRoles("someone", List.of("admin"))).getSubject()).isEqualTo("someone");
            assertThat(jwkSet.fetches()).isPositive();
            assertThatThrownBy(() -> decoder.decode(TestTokens.expired("someone", List.of("admin")))).isInstanceOf(JwtValidationException.class);
        }
    }

    @Test
    void aJwkSetComesBeforeAPublicKeyAsInBoot() throws Exception {
        try (TestJwkSet jwkSet = TestJwkSet.serve()) {
            JwtDecoder decoder = BearerTokenDecoder.configuredIn(new MockEnvironment().withProperty(PREFIX + "jwk-set-uri", jwkSet.uri())
                    .withProperty(PREFIX + "public-key-location", "classpath:security/test-only-token-signing-key.pub.pem")).orElseThrow();

            decoder.decode(TestTokens.withRoles("someone", List.of("admin")));
            assertThat(jwkSet.fetches()).isPositive();
        }
    }

    @Test
    void aPublicKeyLocationChecksTheSignature() {
        JwtDecoder decoder = BearerTokenDecoder.configuredIn(new MockEnvironment()
                .withProperty(PREFIX + "public-key-location", "classpath:security/test-only-token-signing-key.pub.pem")).orElseThrow();
        String token = TestTokens.withRoles("someone", List.of("admin"));

        assertThat(decoder.decode(token).getClaimAsStringList("roles")).containsExactly("admin");
        assertThatThrownBy(() -> decoder.decode(token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl")).isInstanceOf(BadJwtException.class);
    }

    @Test
    void audiencesMustMeetTheTokens() throws Exception {
        try (TestJwkSet jwkSet = TestJwkSet.serve()) {
            JwtDecoder decoder = BearerTokenDecoder.configuredIn(new MockEnvironment().withProperty(PREFIX + "jwk-set-uri", jwkSet.uri())
                    .withProperty(PREFIX + "audiences", "accord")).orElseThrow();

            // the tests' tokens name no audience
            assertThatThrownBy(() -> decoder.decode(TestTokens.withRoles("someone", List.of("admin")))).isInstanceOf(JwtValidationException.class);
        }
    }

    @Test
    void anIssuerIsAskedForItsKeysOnlyWhenATokenArrives() {
        // nothing listens there: the service still starts, and the first token is refused
        JwtDecoder decoder = BearerTokenDecoder.configuredIn(new MockEnvironment().withProperty(PREFIX + "issuer-uri", "http://127.0.0.1:9/issuer")).orElseThrow();

        assertThatThrownBy(() -> decoder.decode(TestTokens.withRoles("someone", List.of("admin")))).isInstanceOf(JwtDecoderInitializationException.class);
    }

    @Test
    void anUnknownAlgorithmIsAConfigurationError() {
        assertThatThrownBy(() -> BearerTokenDecoder.configuredIn(new MockEnvironment().withProperty(PREFIX + "jwk-set-uri", "http://127.0.0.1:9/jwks.json")
                .withProperty(PREFIX + "jws-algorithms", "RS257"))).isInstanceOf(InvalidConfigurationPropertyValueException.class);
    }
}
