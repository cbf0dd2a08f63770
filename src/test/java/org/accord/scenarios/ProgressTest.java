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
    void aSweepOfTwoHundredAndFiftyPointsTellsEachSessionsPointsAndSettlesAsWithoutProgress() {
        SweepRequest request = new SweepRequest(ContractChoice.of("mssp-basic"), Fixtures.VALLEY,
                List.of(new SweepRequest.Range("maximumSharingRate", new BigDecimal("0.001"), new BigDecimal("0.250"),
                        new BigDecimal("0.001"))));
        Told told = new Told();

        SweepResult watched = scenarios.sweep(request, told);

        // Sessions of at most 500 practices: 20 of the example's 25-practice IPAs each (20, 40, ... 240),
        // then the last 10.
        assertThat(told.calls).extracting(c -> c[0] + "/" + c[1]).containsExactly("20/250", "40/250", "60/250", "80/250",
                "100/250", "120/250", "140/250", "160/250", "180/250", "200/250", "220/250", "240/250", "250/250");
        assertThat(watched).isEqualTo(scenarios.sweep(request));
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
