package org.accord.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.testing.Engine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * valley-ipa under mssp-basic with the floors and caps an outside audit tried: a practice that reaches the cap or
 * the floor only when what the others' bounds moved is spread by weight says it is held there, and the practices
 * within the bounds are counted without it. The amounts are those the audit checked against an independent solver.
 */
@DisplayName("Distribution: practices held at a bound after the redistribution")
class DistributionPracticesHeldAtABoundTest {

    private static final String REACHED_CAP = "A practice whose part of what the caps cut takes it to the cap is held at the cap";
    private static final String REACHED_FLOOR = "A practice whose part of what the floors took brings it down to the floor is held at the floor";

    @Test
    void aPracticeTheCapsCutTakesToTheCapSaysItIsHeldThereAndIsNotCountedWithinTheBounds() {
        List<SettlementLine> lines = distribution(ContractChoice.of("mssp-basic")
                .with("practiceFloorShare", "0").with("practiceCapShare", "0.05"));

        SettlementLine p01 = line(lines, "P01");
        assertThat(p01.amount()).isEqualByComparingTo("230151.20");
        assertThat(p01.rule()).isEqualTo(REACHED_CAP);
        assertThat(p01.explanation()).contains("weight share 4.4076%", "is not above the cap", "where it is held: it receives the cap");
        assertThat(line(lines, "P06").rule()).isEqualTo(REACHED_CAP);
        assertThat(line(lines, "P25").rule()).isEqualTo(REACHED_CAP);
        assertThat(line(lines, "P03").explanation()).contains("takes practices to the cap (3 of them)",
                "the practices within the floor and the cap (13 of them)");
        assertThat(line(lines, "P02").explanation()).contains("(13 of them), its part by weight is");
    }

    @Test
    void withAFloorBindingTooThePracticeTakenToTheCapIsLeftOutOfTheFloorsCount() {
        List<SettlementLine> lines = distribution(ContractChoice.of("mssp-basic")
                .with("practiceFloorShare", "0.03").with("practiceCapShare", "0.05"));

        assertThat(line(lines, "P06").rule()).isEqualTo(REACHED_CAP);
        assertThat(line(lines, "P06").explanation()).contains("$12,532.24 more than its weight's share");
        lines.stream().filter(l -> l.rule().startsWith("When what the caps cut takes practices to the cap"))
                .forEach(l -> assertThat(l.explanation()).contains("of the rest, $56,516.42 among the practices within the floor and the cap (5 of them)"));
        lines.stream().filter(l -> l.rule().startsWith("A practice whose weight's share is below the floor"))
                .forEach(l -> assertThat(l.explanation()).contains("(5 of them)"));
    }

    @Test
    void aPracticeTheFloorsBringDownToTheFloorSaysItIsHeldThere() {
        List<SettlementLine> lines = distribution(ContractChoice.of("mssp-basic")
                .with("practiceFloorShare", "0.035").with("practiceCapShare", "1"));

        assertThat(line(lines, "P18").rule()).isEqualTo(REACHED_FLOOR);
        assertThat(line(lines, "P18").explanation()).contains("is not below the floor", "where it is held: it receives the floor");
    }

    private static List<SettlementLine> distribution(ContractChoice choice) {
        Settlement settlement = Engine.service().evaluate(choice, Engine.example("valley-ipa"));
        return settlement.lines().stream()
                .filter(l -> l.clause().equals("distribution") && l.scope().startsWith("P")).toList();
    }

    private static SettlementLine line(List<SettlementLine> lines, String scope) {
        return lines.stream().filter(l -> l.scope().equals(scope)).findFirst().orElseThrow();
    }
}
