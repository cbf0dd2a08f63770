package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.jobs.InteractiveRequests;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which requests running jobs give way to: every one but the jobs' own, counted while it is answered. */
class InteractiveRequestsInFlightTest {

    private final InteractiveRequests requests = new InteractiveRequests();
    private final InteractiveRequestsInFlight filter = new InteractiveRequestsInFlight(requests);

    /** How many requests were in flight while the request to {@code path} was answered. */
    private int inFlightWhileAnswering(String method, String path) throws Exception {
        AtomicInteger seen = new AtomicInteger(-1);
        filter.doFilter(new MockHttpServletRequest(method, path), new MockHttpServletResponse(),
                (request, response) -> seen.set(requests.inFlight()));
        return seen.get();
    }

    @Test
    void evaluationsReplaysAndOtherRequestsCountWhileTheyAreAnswered() throws Exception {
        assertThat(inFlightWhileAnswering("POST", "/api/v1/evaluations")).isEqualTo(1);
        assertThat(inFlightWhileAnswering("POST", "/api/v1/evaluations/42/replay")).isEqualTo(1);
        assertThat(inFlightWhileAnswering("POST", "/api/v1/scenarios/simulate")).isEqualTo(1);
        assertThat(inFlightWhileAnswering("GET", "/api/v1/jobsearch")).isEqualTo(1); // not under /jobs
        assertThat(requests.inFlight()).isZero();
    }

    @Test
    void theJobsOwnRequestsDoNotCount() throws Exception {
        assertThat(inFlightWhileAnswering("POST", "/api/v1/jobs")).isZero();
        assertThat(inFlightWhileAnswering("GET", "/api/v1/jobs/7f1c")).isZero();
        assertThat(inFlightWhileAnswering("GET", "/api/v1/jobs/7f1c/result")).isZero();
    }

    @Test
    void aRequestThatFailsStillEndsItsCount() {
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/evaluations"),
                new MockHttpServletResponse(), (request, response) -> {
                    throw new ServletException("broken");
                })).hasMessage("broken");
        assertThat(requests.inFlight()).isZero();
    }
}
