package org.accord.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@code X-API-Key}: the key is hashed and looked up; an
 * unknown or expired key is a 401 whatever the operation (a caller who sent a key wants to know
 * it failed). A request without the header passes on unauthenticated.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final AuthenticationEntryPoint refusal;
    private final Clock clock;

    ApiKeyFilter(ApiKeys keys, AuthenticationEntryPoint refusal, Clock clock) {
        this.keys = keys;
        this.refusal = refusal;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKey> key = keys.bySha256(Secrets.sha256(presented.strip()));
        if (key.isEmpty() || key.get().expiredAt(clock.instant())) {
            SecurityContextHolder.clearContext();
            refusal.commence(request, response, new BadCredentialsException(key.isEmpty() ? "unknown API key" : "expired API key"));
            return;
        }
        List<SimpleGrantedAuthority> authorities = key.get().roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated("key:" + key.get().name(), null, authorities);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
