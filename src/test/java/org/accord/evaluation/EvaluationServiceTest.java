package org.accord.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.accord.facts.PerformanceFacts;
import org.accord.testing.Engine;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

/** What check refuses, evaluate refuses the same way: validate and evaluate never disagree. */
class EvaluationServiceTest {

    private final EvaluationService service = Engine.service();
    private final PerformanceFacts valley = Engine.example("valley-ipa");

    @Test
    void weightsThatDoNotAddUpToOneAreRefusedBeforeTheEngineNamingEachWeight() {
        ContractChoice contract = ContractChoice.of("mssp-basic").with("memberMonthsWeight", "0.7");

        InvalidInputException checked = catchThrowableOfType(InvalidInputException.class, () -> service.check(contract, valley));
        InvalidInputException evaluated = catchThrowableOfType(InvalidInputException.class, () -> service.evaluate(contract, valley));

        assertThat(checked.problems()).extracting(InputProblem::pointer).containsExactlyInAnyOrder(
                "/contract/overrides/memberMonthsWeight", "/contract/overrides/qualityWeight",
                "/contract/overrides/costPerformanceWeight");
        assertThat(checked.problems()).allSatisfy(p -> assertThat(p.reason()).contains("= 1.20", "must add up to 1"));
        assertThat(evaluated.problems()).isEqualTo(checked.problems());
    }

    @Test
    void aCapShareOfZeroIsRefusedNamingTheOverride() {
        // Inside its declared range 0-1, but no practice could receive any of a positive pool; the check
        // used to divide by it while writing its message.
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> service.check(ContractChoice.of("mssp-basic").with("practiceCapShare", "0"), valley));

        assertThat(e.problems()).containsExactly(new InputProblem("/contract/overrides/practiceCapShare",
                "a cap of 0 leaves a positive pool to no practice"));
    }
}
