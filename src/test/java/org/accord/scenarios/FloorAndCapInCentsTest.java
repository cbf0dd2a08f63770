package org.accord.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.function.Supplier;
import org.accord.evaluation.ContractChoice;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * A floor and a cap that hold as shares but not in cents are refused wherever the rules meet them: a floor is paid rounded
 * up to the cent (no practice below it), so a positive pool can be split within the bounds only when n x (floor x pool,
 * rounded up to the cent) is at most the pool. The pool is the rules' (rules/distribution/distribution.drl), so the check
 * is theirs; before it, valley-ipa at cap = floor = 0.04 paid 8 practices above the cap and 17 below the floor.
 */
class FloorAndCapInCentsTest {

    // valley-ipa (25 practices) under mssp-basic: pool 4,603,024.08; 0.04 of it = 184,120.9632 -> 184,120.97 a practice
    // in cents, 25 x 184,120.97 = 4,603,024.25 > 4,603,024.08 (460,302,408 cents / 25 is not whole).
    private static final String MSSP_BASIC_REASON = "with 25 practices, a floor share of 0.04 of the pool of $4,603,024.08 is "
            + "$184,120.97 a practice in cents, $4,603,024.25 in all, more than the pool: the floor and cap cannot both hold to the cent";

    private static ContractChoice atFourPercent(String template) {
        return ContractChoice.of(template).with("practiceCapShare", "0.04").with("practiceFloorShare", "0.04");
    }

    private static InvalidInputException refusal(Supplier<?> work) {
        Throwable thrown = catchThrowable(work::get);
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        return (InvalidInputException) thrown;
    }

    @Test
    void anEvaluationIsRefusedAtTheFloorItOverridesWithTheNumbers() {
        assertThat(refusal(() -> Fixtures.SERVICE.evaluate(atFourPercent("mssp-basic"), Fixtures.VALLEY)).problems())
                .containsExactly(new InputProblem("/contract/overrides/practiceFloorShare", MSSP_BASIC_REASON));
        // ma-capitation: pool 17,071,767.38; 0.04 of it = 682,870.6952 -> 682,870.70, x 25 = 17,071,767.50 > 17,071,767.38.
        assertThat(refusal(() -> Fixtures.SERVICE.evaluate(atFourPercent("ma-capitation"), Fixtures.VALLEY)).problems())
                .containsExactly(new InputProblem("/contract/overrides/practiceFloorShare", "with 25 practices, a floor share of "
                        + "0.04 of the pool of $17,071,767.38 is $682,870.70 a practice in cents, $17,071,767.50 in all, more than "
                        + "the pool: the floor and cap cannot both hold to the cent"));
    }

    /**
     * A lower floor holds: 0.0399 x 4,603,024.08 = 183,660.66 rounded up, x 25 = 4,591,516.50, under the pool. With the caps
     * adding up to one (25 x 0.04) every practice's share is the cap, 184,120.9632, paid rounded down: 25 x 184,120.96 =
     * 4,603,024.00, and the IPA retains the 0.08 left (before, 8 practices were paid 184,120.97, above the cap).
     */
    @Test
    void aFloorThatHoldsInCentsIsSettledWithNoPracticeAboveTheCapAndTheCentsLeftRetained() {
        var settlement = Fixtures.SERVICE.evaluate(ContractChoice.of("mssp-basic").with("practiceCapShare", "0.04")
                .with("practiceFloorShare", "0.0399"), Fixtures.VALLEY);
        assertThat(settlement.totals().practices()).hasSize(25)
                .allSatisfy(p -> assertThat(p.distributed()).isEqualByComparingTo("184120.96"));
        assertThat(settlement.lines()).filteredOn(l -> "What the caps cut that no practice with weight can take is retained by the IPA"
                .equals(l.rule())).singleElement().satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("0.08"));
    }

    /** A sweep's point that meets it is refused at its range, as the points refused before the engine are. */
    @Test
    void aSweepIsRefusedAtThePointThatCannotHold() {
        SweepRequest request = new SweepRequest(ContractChoice.of("mssp-basic").with("practiceCapShare", "0.04"), Fixtures.VALLEY,
                List.of(new SweepRequest.Range("practiceFloorShare", new java.math.BigDecimal("0.03"),
                        new java.math.BigDecimal("0.04"), new java.math.BigDecimal("0.01"))));
        InvalidInputException refused = refusal(() -> Fixtures.scenarios().sweep(request));
        assertThat(refused.request()).hasValue(1);
        assertThat(refused.problems()).containsExactly(new InputProblem("/vary/0",
                "at the point where practiceFloorShare is 0.04: " + MSSP_BASIC_REASON));
    }

    /** A comparison is refused at the side whose terms cannot hold. */
    @Test
    void aComparisonIsRefusedAtTheProposalThatCannotHold() {
        CompareRequest request = new CompareRequest(Fixtures.VALLEY, ContractChoice.of("mssp-basic"),
                List.of(ContractChoice.of("mssp-basic").with("practiceCapShare", "0.05"), atFourPercent("mssp-basic")));
        assertThat(refusal(() -> Fixtures.scenarios().compare(request)).problems())
                .containsExactly(new InputProblem("/proposals/1/overrides/practiceFloorShare", MSSP_BASIC_REASON));
    }

    /** A simulation under terms the observed facts cannot be settled with is refused as the evaluation is, before any trial. */
    @Test
    void aSimulationWhoseObservedPoolCannotHoldIsRefusedAsTheEvaluationIs() {
        SimulationRequest request = SimulationRequest.of(atFourPercent("mssp-basic"), Fixtures.VALLEY).withTrials(20).withSeed(3);
        assertThat(refusal(() -> Fixtures.scenarios().simulate(request)).problems())
                .containsExactly(new InputProblem("/contract/overrides/practiceFloorShare", MSSP_BASIC_REASON));
    }

    /**
     * A simulation settled as observed but with a trial whose drawn pool cannot hold the floor in cents is refused, naming the
     * trial: it cannot say what the contract pays in that trial. small-panel under ma-capitation at a floor of 0.3333333333
     * (cap 0.34): trial 28 of seed 3 draws a pool of 759,702.56; 0.3333333333 of it is 253,234.1864 -> 253,234.19, x 3 =
     * 759,702.57 > 759,702.56. The same trial is named whatever the thread count.
     */
    @Test
    void aSimulationWithATrialWhosePoolCannotHoldIsRefusedNamingTheTrial() {
        ContractChoice contract = ContractChoice.of("ma-capitation").with("practiceCapShare", "0.34")
                .with("practiceFloorShare", "0.3333333333");
        Fixtures.SERVICE.evaluate(contract, Fixtures.SMALL_PANEL); // the observed facts hold
        SimulationRequest request = SimulationRequest.of(contract, Fixtures.SMALL_PANEL).withTrials(30).withSeed(3);
        for (int threads : new int[] {1, 3}) {
            assertThat(refusal(() -> new Scenarios(Fixtures.SERVICE, threads).simulate(request)).problems())
                    .containsExactly(new InputProblem("/contract/overrides/practiceFloorShare", "in trial 28 (from 0) of 30, its costs "
                            + "drawn: with 3 practices, a floor share of 0.3333333333 of the pool of $759,702.56 is $253,234.19 a "
                            + "practice in cents, $759,702.57 in all, more than the pool: the floor and cap cannot both hold to the cent"));
        }
    }
}
