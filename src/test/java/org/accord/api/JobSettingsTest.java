package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A simulation leaves a processor to interactive requests unless told how many threads to use. */
class JobSettingsTest {

    private static JobSettings simulationThreads(Integer threads) {
        return new JobSettings(Duration.ofSeconds(30), Duration.ofMinutes(10), 20, 5, Duration.ofHours(1), Duration.ofSeconds(20), threads, 0.1);
    }

    @Test
    void unsetASimulationUsesOneThreadFewerThanTheProcessorsAndAtLeastOne() {
        assertThat(simulationThreads(null).simulationThreads(8)).isEqualTo(7);
        assertThat(simulationThreads(null).simulationThreads(2)).isEqualTo(1);
        assertThat(simulationThreads(null).simulationThreads(1)).isEqualTo(1);
    }

    @Test
    void configuredTheThreadsAreTheOnesNamedAndAtLeastOne() {
        assertThat(simulationThreads(4).simulationThreads(2)).isEqualTo(4);
        assertThatThrownBy(() -> simulationThreads(0)).hasMessageContaining("accord.jobs.simulation-threads must be at least 1");
    }

    @Test
    void aCallerMayHaveAtLeastOneJob() {
        JobSettings defaults = simulationThreads(null);
        assertThatThrownBy(() -> new JobSettings(defaults.requestBudget(), defaults.jobBudget(), 20, 0, defaults.keepFinished(),
                defaults.shutdownGrace(), null, 0.1)).hasMessageContaining("accord.jobs.per-caller must be at least 1, not 0");
    }

    @Test
    void aJobKeepsAShareAboveNothingAndAtMostAll() {
        JobSettings defaults = simulationThreads(null);
        assertThat(new JobSettings(defaults.requestBudget(), defaults.jobBudget(), 20, 5, defaults.keepFinished(), defaults.shutdownGrace(),
                null, 1.0).leastShare()).isEqualTo(1.0);
        for (double share : new double[] {0, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new JobSettings(defaults.requestBudget(), defaults.jobBudget(), 20, 5, defaults.keepFinished(),
                    defaults.shutdownGrace(), null, share)).hasMessageContaining("accord.jobs.least-share must be above 0 and at most 1");
        }
    }
}
