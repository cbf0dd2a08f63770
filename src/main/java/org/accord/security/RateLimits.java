package org.accord.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** So many requests a second for each key (a caller, an address), with Resilience4j's rate limiter, one per key. */
final class RateLimits {

    /** Keys from ever new addresses must not fill the memory: beyond this many, every limiter is forgotten. */
    private static final int MOST_KEYS = 100_000;

    private final RateLimiterConfig perKey;
    private final Map<String, RateLimiter> byKey = new ConcurrentHashMap<>();

    RateLimits(int perSecond) {
        this.perKey = RateLimiterConfig.custom().limitForPeriod(perSecond).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO).build();
    }

    /** Whether the key may send one more request this second (the limiter refreshes every second). */
    boolean permits(String key) {
        if (byKey.size() > MOST_KEYS) {
            byKey.clear();
        }
        return byKey.computeIfAbsent(key, name -> RateLimiter.of(name, perKey)).acquirePermission();
    }

    int perSecond() {
        return perKey.getLimitForPeriod();
    }
}
