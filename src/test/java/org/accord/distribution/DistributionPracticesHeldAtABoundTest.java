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

    /**
     * The IPA's findings count the practices the lines hold at each bound: "capped practices" counted only those whose
     * own weight's share was above the cap (at a 5% cap, "capped practices 9" with 12 practices paid it), and nothing counted the
     * practices brought down to the floor.
     */
    @Test
    void theIpasFindingsCountEveryPracticeTheLinesHoldAtTheCapAndAtTheFloor() {
        for (ContractChoice choice : List.of(
                ContractChoice.of("mssp-basic").with("practiceFloorShare", "0").with("practiceCapShare", "0.05"),
                ContractChoice.of("mssp-basic").with("practiceFloorShare", "0.03").with("practiceCapShare", "0.05"),
                ContractChoice.of("mssp-basic").with("practiceFloorShare", "0.035").with("practiceCapShare", "1"))) {
            Settlement settlement = Engine.service().evaluate(choice, Engine.example("valley-ipa"));
            List<SettlementLine> lines = settlement.lines().stream()
                    .filter(l -> l.clause().equals("distribution") && l.scope().startsWith("P")).toList();
            long aboveTheCap = lines.stream().filter(l -> l.rule().startsWith("A practice whose weight's share is above the cap")).count();
            long takenToTheCap = lines.stream().filter(l -> l.rule().equals(REACHED_CAP)).count();
            long raisedToTheFloor = lines.stream().filter(l -> l.rule().startsWith("A practice whose weight's share is below the floor")).count();
            long broughtDownToTheFloor = lines.stream().filter(l -> l.rule().equals(REACHED_FLOOR)).count();

            assertThat(finding(settlement, "allocation").basis()).as(choice.toString())
                    .containsEntry("capped", (int) (aboveTheCap + takenToTheCap)).containsEntry("floored", (int) raisedToTheFloor);
            assertThat(settlement.findings()).filteredOn(f -> f.detail().equals("taken to the cap")).as(choice.toString())
                    .hasSize(takenToTheCap > 0 ? 1 : 0).allSatisfy(f -> assertThat(f.basis())
                            .containsEntry("capped", (int) (aboveTheCap + takenToTheCap)).containsEntry("aboveTheCap", (int) aboveTheCap)
                            .containsEntry("reachedCap", (int) takenToTheCap));
            assertThat(settlement.findings()).filteredOn(f -> f.detail().equals("brought down to the floor")).as(choice.toString())
                    .hasSize(broughtDownToTheFloor > 0 ? 1 : 0).allSatisfy(f -> assertThat(f.basis())
                            .containsEntry("atTheFloor", (int) (raisedToTheFloor + broughtDownToTheFloor))
                            .containsEntry("floored", (int) raisedToTheFloor).containsEntry("reachedFloor", (int) broughtDownToTheFloor));
        }
        Settlement capped = Engine.service().evaluate(ContractChoice.of("mssp-basic").with("practiceFloorShare", "0")
                .with("practiceCapShare", "0.05"), Engine.example("valley-ipa"));
        assertThat(finding(capped, "allocation").explanation()).contains("capped practices 12, practices raised to the floor 0");
        assertThat(finding(capped, "taken to the cap").explanation()).startsWith("Practices paid the cap 12: 9 with their own weight's share "
                + "above it, and 3 taken to it by their part of what the caps cut ($59,896.74 of it)");
    }

    private static SettlementLine finding(Settlement settlement, String detail) {
        return settlement.findings().stream().filter(f -> f.clause().equals("distribution") && f.detail().equals(detail))
                .findFirst().orElseThrow();
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
