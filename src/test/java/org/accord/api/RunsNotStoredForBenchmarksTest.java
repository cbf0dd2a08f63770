package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.store.RunFilter;
import org.accord.store.RunStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The benchmark-only setting {@code accord.bench.store-runs=false} (application.properties):
 * an evaluation is answered as usual but stores no run and names no Location, so that
 * bench/wrk/run.sh can measure what storing adds to an answer. A context of its own.
 */
@TestPropertySource(properties = "accord.bench.store-runs=false")
class RunsNotStoredForBenchmarksTest extends ServerTest {

    @Autowired
    RunStore runs;

    @Test
    void anEvaluationIsAnsweredWithoutARun() {
        long before = runs.count(RunFilter.all());

        Reply answer = postJson("/api/v1/evaluations", read("examples/valley-ipa-request.json"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.json().get("ipaId").asString()).isEqualTo("valley-ipa");
        assertThat(answer.json().get("lines")).isNotEmpty();
        assertThat(runs.count(RunFilter.all())).isEqualTo(before);
    }
}
