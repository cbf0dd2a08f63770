package org.accord.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;

/** Requests without a valid credential are audited up to a rate per address; beyond it, 429 and no row. */
class ProblemWriterTest {

    private final List<String> rows = new ArrayList<>();
    private final ProblemWriter problems = new ProblemWriter((actor, action, target, status) -> rows.add(actor + " " + action + " " + target + " " + status),
            List.of(), 3);

    private MockHttpServletResponse unauthenticated(String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/evaluations");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        problems.commence(request, response, new BadCredentialsException("unknown key"));
        return response;
    }

    @Test
    void anAddressSendingBadKeysIsAuditedUpToItsRateThenRefusedWith429Unaudited() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(unauthenticated("192.0.2.7").getStatus());
        }
        MockHttpServletResponse other = unauthenticated("192.0.2.8");

        assertThat(statuses).containsExactly(401, 401, 401, 429, 429);
        assertThat(other.getStatus()).as("another address has its own budget").isEqualTo(401);
        assertThat(rows).hasSize(4).allMatch(row -> row.equals("unauthenticated denied GET /api/v1/evaluations 401"));
        MockHttpServletResponse refused = unauthenticated("192.0.2.7");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("more than 3 requests without a valid credential in a second");
    }
}
