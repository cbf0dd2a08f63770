package org.accord.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.accord.engine.Progress;
import org.accord.evaluation.ContractChoice;
import org.junit.jupiter.api.Test;

/** Long scenarios tell their progress through the engine's callback, up to the whole, and settle the same. */
class ProgressTest {

    private final Scenarios scenarios = Fixtures.scenarios();

    /** Every (done, total) told, in the order told; the simulation's threads tell it concurrently. */
    private static final class Told implements Progress {
        final List<long[]> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void advanced(long done, long total) {
            calls.add(new long[] {done, total});
        }
    }

    @Test
    void aSweepOfTwoHundredAndFiftyPointsTellsEachSessionsPointsAndSettlesAsWithoutProgressOrOnOneThread() {
        SweepRequest request = new SweepRequest(ContractChoice.of("mssp-basic"), Fixtures.VALLEY,
                List.of(new SweepRequest.Range("maximumSharingRate", new BigDecimal("0.001"), new BigDecimal("0.250"),
                        new BigDecimal("0.001"))));
        Told told = new Told();

        SweepResult watched = scenarios.sweep(request, told);

        // Two threads settle chunks of 100 points (0-99, 100-199, 200-249), each in sessions of at most
        // 500 practices: 20 of the example's 25-practice IPAs each, the last chunk's last session 10.
        // Each session adds its points to the count told, in whichever order the threads finish them.
        assertThat(told.calls).hasSize(13).allSatisfy(c -> assertThat(c[1]).isEqualTo(250));
        List<Long> counts = told.calls.stream().map(c -> c[0]).sorted().toList();
        List<Long> steps = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            steps.add(counts.get(i) - (i == 0 ? 0 : counts.get(i - 1)));
        }
        assertThat(counts.get(counts.size() - 1)).isEqualTo(250);
        assertThat(steps).containsOnly(20L, 10L).filteredOn(step -> step == 10L).hasSize(1);
        assertThat(watched).isEqualTo(scenarios.sweep(request));
        assertThat(watched).isEqualTo(new Scenarios(Fixtures.SERVICE, 1).sweep(request));
    }

    @Test
    void aSimulationTellsEveryBatchOfTrialsUpToTheTotal() {
        SimulationRequest request = new SimulationRequest(ContractChoice.of("mssp-basic"), Fixtures.VALLEY, 420, 7L,
                new BigDecimal(SimulationRequest.DEFAULT_COEFFICIENT_OF_VARIATION), SimulationRequest.GAMMA,
                SimulationRequest.OBSERVED, java.util.Map.of(), true);
        Told told = new Told();

        scenarios.simulate(request, told);

        // Batches of 50 trials: 8 of 50 and one of 20, told as they finish, on whichever thread.
        assertThat(told.calls).hasSize(9).allSatisfy(c -> assertThat(c[1]).isEqualTo(420));
        assertThat(told.calls).extracting(c -> c[0]).doesNotHaveDuplicates().contains(420L);
        assertThat(told.calls).extracting(c -> c[0]).allSatisfy(done -> assertThat(done % 50 == 0 || done % 50 == 20).isTrue());
    }
}
