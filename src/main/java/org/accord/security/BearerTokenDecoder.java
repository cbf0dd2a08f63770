package org.accord.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * The decoder of OAuth2 bearer tokens, chosen when the service starts from Boot's standard
 * properties ({@code spring.security.oauth2.resourceserver.jwt.*}), in Boot's order: a JWK set
 * URI, else a public key location, else an issuer (its keys discovered on the first token, so the
 * service starts while the issuer is unreachable). Chosen here rather than by Boot's
 * auto-configuration because the build's ahead-of-time processing would fix that one's conditions
 * to the build's properties: these work with the generated bean definitions and without them.
 * Tokens are checked as Boot checks them: expiry, the issuer when one is named, the audiences.
 */
final class BearerTokenDecoder {

    private static final String PREFIX = "spring.security.oauth2.resourceserver.jwt";

    private BearerTokenDecoder() {
    }

    /** None when no JWK set, public key or issuer is configured: bearer tokens are then refused. */
    static Optional<JwtDecoder> configuredIn(Environment environment) {
        OAuth2ResourceServerProperties.Jwt jwt = Binder.get(environment).bind(PREFIX, OAuth2ResourceServerProperties.Jwt.class)
                .orElseGet(OAuth2ResourceServerProperties.Jwt::new);
        if (StringUtils.hasText(jwt.getJwkSetUri())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
                    .jwsAlgorithms(algorithms -> algorithms.addAll(algorithms(jwt))).build();
            decoder.setJwtValidator(validator(jwt));
            return Optional.of(decoder);
        }
        if (jwt.getPublicKeyLocation() != null) {
            List<SignatureAlgorithm> algorithms = algorithms(jwt);
            if (algorithms.size() != 1) {
                throw new InvalidConfigurationPropertyValueException(PREFIX + ".jws-algorithms", jwt.getJwsAlgorithms(),
                        "a public key verifies exactly one algorithm");
            }
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(jwt)).signatureAlgorithm(algorithms.get(0)).build();
            decoder.setJwtValidator(validator(jwt));
            return Optional.of(decoder);
        }
        if (StringUtils.hasText(jwt.getIssuerUri())) {
            return Optional.of(new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(jwt.getIssuerUri())
                        .jwsAlgorithms(algorithms -> algorithms.addAll(algorithms(jwt))).build();
                decoder.setJwtValidator(validator(jwt));
                return decoder;
            }));
        }
        return Optional.empty();
    }

    private static List<SignatureAlgorithm> algorithms(OAuth2ResourceServerProperties.Jwt jwt) {
        List<SignatureAlgorithm> algorithms = new ArrayList<>();
        for (String name : jwt.getJwsAlgorithms()) {
            SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
            if (algorithm == null) {
                throw new InvalidConfigurationPropertyValueException(PREFIX + ".jws-algorithms", name, "unknown algorithm");
            }
            algorithms.add(algorithm);
        }
        return algorithms;
    }

    private static RSAPublicKey publicKey(OAuth2ResourceServerProperties.Jwt jwt) {
        try {
            String pem = jwt.readPublicKey().replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(pem)));
        } catch (Exception e) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + ".public-key-location", jwt.getPublicKeyLocation(),
                    "not a readable RSA public key (PEM): " + e.getMessage());
        }
    }

    private static OAuth2TokenValidator<Jwt> validator(OAuth2ResourceServerProperties.Jwt jwt) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        if (StringUtils.hasText(jwt.getIssuerUri())) {
            validators.add(new JwtIssuerValidator(jwt.getIssuerUri()));
        }
        List<String> audiences = jwt.getAudiences();
        if (!audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && !Collections.disjoint(aud, audiences)));
        }
        return validators.isEmpty() ? JwtValidators.createDefault() : JwtValidators.createDefaultWithValidators(validators);
    }
}
