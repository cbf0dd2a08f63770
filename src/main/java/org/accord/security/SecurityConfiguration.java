package org.accord.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.accord.jobs.HeavyWork;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Every operation needs a caller with a role the operation table grants; health and the web
 * page's own files (which hold no data) are public; the rest of the actuator is for admins.
 * Callers authenticate with an API key ({@code X-API-Key}) or, when an issuer or JWK set is
 * configured, an OAuth2 bearer token whose roles come from a configurable claim (the decoder chosen
 * at run time, {@link BearerTokenDecoder}). Stateless: no session, no cookie, so no CSRF token either.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);
    /** The name the {@code dev} profile's key is known by, in the audit log and as its runs' caller. */
    static final String DEVELOPMENT_KEY_NAME = "development admin";

    /** The page, its scripts, styles and charts, the API document and its viewer: no data in them. */
    private static final String[] PUBLIC_FILES = {"/", "/index.html", "/favicon.ico", "/css/**", "/js/**", "/webjars/**",
            "/api-spec/**", "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/swagger-config", "/error"};

    @Bean
    OperationAccess operationAccess() {
        return OperationAccess.load();
    }

    /**
     * No observation (timer and span) around each of the security filters: per request they cost
     * more than authenticating does. Requests stay observed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    StoredApiKeys storedApiKeys(JdbcClient jdbc, SecuritySettings settings) {
        Set<String> configured = new java.util.HashSet<>();
        settings.apiKeys().forEach(key -> configured.add(key.name()));
        if (settings.devAdminKey()) {
            configured.add(DEVELOPMENT_KEY_NAME);
        }
        return new StoredApiKeys(jdbc, Clock.systemUTC(), configured);
    }

    @Bean
    AuditLog auditLog(JdbcClient jdbc) {
        return new AuditLog(jdbc, Clock.systemUTC());
    }

    /** The keys of the configuration (and the development key) first, then those made through the API. */
    @Bean
    @Primary
    ApiKeys apiKeys(SecuritySettings settings, StoredApiKeys stored) {
        return configuredThen(settings, stored);
    }

    static ApiKeys configuredThen(SecuritySettings settings, ApiKeys stored) {
        List<ApiKey> keys = new ArrayList<>(settings.apiKeys().stream().map(SecuritySettings.ConfiguredKey::toApiKey).toList());
        if (settings.devAdminKey()) {
            String key = Secrets.newApiKey();
            keys.add(new ApiKey(DEVELOPMENT_KEY_NAME, Secrets.sha256(key), Set.of(Role.values()), Clock.systemUTC().instant().plus(Duration.ofDays(1))));
            // printed once, outside the logs (which may be shipped elsewhere); kept only as a hash
            System.err.println("Development admin key (every role, valid for a day, shown once): " + key);
        }
        LOG.info("{} API key(s) configured{}", keys.size(), keys.isEmpty() ? ": nothing is callable with a key until one is added" : "");
        ApiKeys configured = new ConfiguredApiKeys(keys);
        return sha256 -> configured.bySha256(sha256).or(() -> stored.bySha256(sha256));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, OperationAccess access, ApiKeys keys, SecuritySettings settings, AuditLog audit, HeavyWork heavyWork,
            Environment environment) throws Exception {
        ProblemWriter problems = new ProblemWriter(audit, access.operations(), settings.unauthenticatedPerSecond());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ApiKeyFilter(keys, problems, Clock.systemUTC()), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new FairUse(settings.requestsPerSecond(), heavyWork, access, problems), AuthorizationFilter.class)
                .addFilterAfter(new AuditFilter(audit, access), FairUse.class)
                .cors(cors -> cors.configurationSource(cors(settings.corsAllowedOrigins())))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; "
                                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        // Read from the environment as the service starts, so that it holds with the bean
        // definitions generated at build time too (whose conditions saw the build's properties)
        BearerTokenDecoder.configuredIn(environment).ifPresent(decoder -> http.oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(rolesFrom(settings.rolesClaim())))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems)));
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
            requests.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name());
            for (OperationAccess.Operation operation : access.operations()) {
                requests.requestMatchers(HttpMethod.valueOf(operation.method()), operation.path())
                        .hasAnyRole(operation.roles().stream().map(Role::name).toArray(String[]::new));
            }
            // Anything else under the API is not an operation: a signed-in caller learns so (404, 405)
            requests.requestMatchers("/api/**").authenticated();
            // HEAD too: link checkers and uptime probes ask for the page's files without their bodies
            requests.requestMatchers(HttpMethod.GET, PUBLIC_FILES).permitAll();
            requests.requestMatchers(HttpMethod.HEAD, PUBLIC_FILES).permitAll();
            requests.anyRequest().authenticated();
        });
        return http.build();
    }

    /**
     * Rule paths travel as one encoded segment ({@code payment%2Fshared-savings.drl}); the
     * controller itself refuses a path that climbs out of the rules, naming the parameter. A
     * request the firewall still refuses ({@code ..;}, {@code /./}) is a 400 problem like any other.
     */
    @Bean
    WebSecurityCustomizer encodedRulePaths(AuditLog audit) {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedPercent(true);
        ProblemWriter problems = new ProblemWriter(audit);
        return web -> web.httpFirewall(firewall).requestRejectedHandler((request, response, rejected) -> problems.write(
                request, response, 400, "Bad Request", "the request's path or headers were refused: " + rejected.getMessage()));
    }

    /** Bearer tokens' roles: a claim listing role names (any case), as {@code ROLE_} authorities. */
    static Converter<Jwt, AbstractAuthenticationToken> rolesFrom(String claim) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Object value = jwt.getClaims().get(claim);
            Collection<?> names = value instanceof Collection<?> list ? list
                    : value instanceof String text ? List.of(text.split("[ ,]+")) : List.of();
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            for (Object name : names) {
                try {
                    authorities.add(new SimpleGrantedAuthority(Role.named(String.valueOf(name)).authority()));
                } catch (IllegalArgumentException notOurs) {
                    // roles of other applications in the same token grant nothing here
                }
            }
            return authorities;
        });
        return converter;
    }

    /** Closed unless origins are configured: no CORS headers, so browsers keep other sites out. */
    private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!origins.isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(origins);
            cors.setAllowedMethods(List.of("GET", "POST"));
            cors.setAllowedHeaders(List.of("Content-Type", "Accept", ApiKeyFilter.HEADER, "Authorization", "X-Request-Id"));
            cors.setExposedHeaders(List.of("X-Request-Id", "WWW-Authenticate"));
            cors.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }
}
