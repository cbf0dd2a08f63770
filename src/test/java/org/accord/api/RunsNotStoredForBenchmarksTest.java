package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.security.AuditLog;
import org.accord.store.RunFilter;
import org.accord.store.RunStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The benchmark-only setting {@code accord.bench.store-runs=false} (application.properties):
 * an evaluation is answered as usual but stores no run and names no Location, so that
 * bench/wrk/run.sh can measure what storing adds to an answer; nor does it write the call's audit
 * row, which a stored evaluation writes with its run. A context of its own.
 */
@TestPropertySource(properties = "accord.bench.store-runs=false")
class RunsNotStoredForBenchmarksTest extends ServerTest {

    @Autowired
    RunStore runs;

    @Autowired
    AuditLog audit;

    @Test
    void anEvaluationIsAnsweredWithoutARun() {
        long before = runs.count(RunFilter.all());
        long auditedBefore = audit.count(null, "evaluate");

        Reply answer = postJson("/api/v1/evaluations", read("examples/valley-ipa-request.json"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.json().get("ipaId").asString()).isEqualTo("valley-ipa");
        assertThat(answer.json().get("lines")).isNotEmpty();
        assertThat(runs.count(RunFilter.all())).isEqualTo(before);
        // no audit row either: a stored evaluation's row is written with its run, off the request thread
        assertThat(audit.count(null, "evaluate")).isEqualTo(auditedBefore);
    }

    @Test
    void anEvaluationThatFailsIsStillAudited() {
        long auditedBefore = audit.count(null, "evaluate");

        Reply refused = postJson("/api/v1/evaluations", "{\"contract\": {}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(audit.count(null, "evaluate")).isEqualTo(auditedBefore + 1);
    }
}
