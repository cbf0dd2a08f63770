package org.accord.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The per-caller rate limit and the server-wide limit on heavy work, each answered by a 429 with Retry-After. */
class FairUseTest {

    private static final String DOCUMENT = """
            servers:
              - url: /api/v1
            paths:
              /evaluations:
                post:
                  operationId: evaluate
              /scenarios/simulate:
                post:
                  operationId: simulatePerformanceYears
                  x-heavy: true
            """;

    private static final FilterChain ANSWERS = (request, response) -> ((jakarta.servlet.http.HttpServletResponse) response).setStatus(200);

    private static FairUse fairUse(int perSecond, int heavyAtOnce) {
        OperationAccess access = OperationAccess.of(new ByteArrayInputStream(DOCUMENT.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream("evaluate: [negotiator]\nsimulatePerformanceYears: [negotiator]\n".getBytes(StandardCharsets.UTF_8)));
        return new FairUse(perSecond, new org.accord.jobs.HeavyWork(heavyAtOnce), access, new ProblemWriter((actor, action, target, status) -> { }));
    }

    private static MockHttpServletResponse call(FairUse filter, String path, String caller, FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, java.util.List.of()));
        try {
            filter.doFilter(request, response, chain);
        } finally {
            SecurityContextHolder.clearContext();
        }
        return response;
    }

    @Test
    void aCallerBeyondItsRequestsPerSecondGetsA429WithRetryAfterWhileAnotherCallerIsServed() throws Exception {
        FairUse filter = fairUse(3, 2);

        int[] first = new int[4];
        for (int i = 0; i < 4; i++) {
            first[i] = call(filter, "/api/v1/evaluations", "key:busy", ANSWERS).getStatus();
        }
        MockHttpServletResponse refused = call(filter, "/api/v1/evaluations", "key:busy", ANSWERS);
        MockHttpServletResponse other = call(filter, "/api/v1/evaluations", "key:quiet", ANSWERS);

        // 3 a second: the fourth and fifth of the same second are refused (the test sends them
        // well within a second of the first; a slower machine could only let more through)
        assertThat(first[0]).isEqualTo(200);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429");
        assertThat(other.getStatus()).isEqualTo(200);
    }

    @Test
    void heavyWorkBeyondTheServersLimitGetsA429WhileLightWorkGoesOn() throws Exception {
        FairUse filter = fairUse(1000, 1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        FilterChain slow = (request, response) -> {
            running.countDown();
            try {
                finish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ((jakarta.servlet.http.HttpServletResponse) response).setStatus(200);
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<MockHttpServletResponse> first = pool.submit(() -> call(filter, "/api/v1/scenarios/simulate", "key:a", slow));
            assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

            MockHttpServletResponse second = call(filter, "/api/v1/scenarios/simulate", "key:b", ANSWERS);
            MockHttpServletResponse light = call(filter, "/api/v1/evaluations", "key:b", ANSWERS);
            finish.countDown();
            int firstStatus = first.get(30, TimeUnit.SECONDS).getStatus();
            MockHttpServletResponse afterwards = call(filter, "/api/v1/scenarios/simulate", "key:b", ANSWERS);

            assertThat(second.getStatus()).isEqualTo(429);
            assertThat(second.getHeader("Retry-After")).isNotNull();
            assertThat(light.getStatus()).isEqualTo(200);
            assertThat(firstStatus).isEqualTo(200);
            assertThat(afterwards.getStatus()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
