package org.accord.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * OAuth2 bearer tokens as an issuer would sign them, with the tests' own key pair
 * (src/test/resources/security; the tests' configuration gives the service its public half).
 */
public final class TestTokens {

    private TestTokens() {
    }

    /** A token valid for ten minutes whose {@code roles} claim lists these roles. */
    public static String withRoles(String subject, List<String> roles) {
        return signed(new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                .issueTime(Date.from(Instant.now())).expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10)))).build());
    }

    /** A token that expired an hour ago. */
    public static String expired(String subject, List<String> roles) {
        return signed(new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2)))).expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))).build());
    }

    private static String signed(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(privateKey()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() {
        try (InputStream pem = TestTokens.class.getResourceAsStream("/security/test-only-token-signing-key.pem")) {
            String base64 = new String(pem.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
