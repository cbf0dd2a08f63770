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
        assertThat(p01.explanation()).contains("weight share 4.4075...%", "is not above the cap", "where it is held: it receives the cap");
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
        // In the cents the lines pay, each practice's amount less its weight's share in cents (the exact figure read $56,516.42).
        lines.stream().filter(l -> l.rule().startsWith("When what the caps cut takes practices to the cap"))
                .forEach(l -> assertThat(l.explanation()).contains("of the rest, $56,516.38 among the practices within the floor and the cap (5 of them)"));
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
        // In the cents the lines pay (the exact figure read $59,896.74).
        assertThat(finding(capped, "taken to the cap").explanation()).startsWith("Practices paid the cap 12: 9 with their own weight's share "
                + "above it, and 3 taken to it by their part of what the caps cut ($59,896.73 of it)");
    }

    /**
     * Cap = floor = 0.04 over 25 practices: 184,120.9632 each of 4,603,024.08, which does not split in whole cents. Eight
     * practices are paid 184,120.97 and seventeen 184,120.96; the odd cents went to P18-P25, every practice having started
     * at the floor rounded up and the cents over the pool taken back from the earliest, while the allocation's finding said
     * "ties by practice id", and every line said its practice received the cap or was raised to the floor.
     */
    @Test
    void withTheCapAtTheFloorTheOddCentsGoToTheFirstPracticesAndTheFractionsPastTheBoundsAreSaid() {
        Settlement settlement = Engine.service().evaluate(ContractChoice.of("mssp-basic")
                .with("practiceCapShare", "0.04").with("practiceFloorShare", "0.04"), Engine.example("valley-ipa"));
        List<SettlementLine> lines = settlement.lines().stream()
                .filter(l -> l.clause().equals("distribution") && l.scope().startsWith("P")).toList();

        assertThat(lines).hasSize(25).allSatisfy(l -> assertThat(l.amount())
                .isEqualByComparingTo(l.scope().compareTo("P08") <= 0 ? "184120.97" : "184120.96"));
        assertThat(line(lines, "P01").rule()).isEqualTo("A practice the cents cannot hold within the floor and the cap is paid a fraction of a cent above the cap");
        assertThat(line(lines, "P01").explanation()).contains("the floor of $184,120.9632 and the cap of $184,120.9632",
                "this practice is paid $0.0068 above the cap");
        assertThat(line(lines, "P25").rule()).isEqualTo("A practice the cents cannot hold within the floor and the cap is paid a fraction of a cent below the floor");
        assertThat(line(lines, "P25").explanation()).contains("this practice is paid $0.0032 below the floor");
        assertThat(lines).noneSatisfy(l -> assertThat(l.explanation()).containsAnyOf("receives the cap", "raised to the floor"));

        assertThat(finding(settlement, "allocation").explanation()).endsWith("cents by largest remainder, ties by practice id.");
        SettlementLine above = finding(settlement, "above the cap");
        assertThat(above.basis()).containsEntry("count", 8).containsEntry("practices", "P01, P02, P03, P04, P05, P06, P07, P08");
        assertThat((java.math.BigDecimal) above.basis().get("aboveTheCap")).isEqualByComparingTo("0.0544");
        assertThat(above.explanation()).startsWith("Practices paid a fraction of a cent above the cap 8: P01, P02, P03, P04, P05, P06, P07, P08, "
                + "$0.0544 above it in all.");
        SettlementLine below = finding(settlement, "below the floor");
        assertThat(below.basis()).containsEntry("count", 17);
        assertThat((java.math.BigDecimal) below.basis().get("belowTheFloor")).isEqualByComparingTo("0.0544");
        assertThat(below.explanation()).startsWith("Practices paid a fraction of a cent below the floor 17: P09, P10, P11, P12, P13, P14, P15, "
                + "P16, P17, P18 and 7 more, $0.0544 below it in all.");
    }

    /**
     * small-panel under ma-capitation at cap 0.40, floor 0.30: P02 is held at the cap, 23,920.056 of 59,800.14, and P01 and
     * P03 at the floor, 17,940.042 each, rounded up to 17,940.05: a cent more than the pool leaves them after the cap's
     * 23,920.05, which came back from P02. Its line said it "receives the cap of 40%" while it was paid 23,920.04.
     */
    @Test
    void aPracticeHeldAtTheCapThatGaveBackTheFloorsCentSaysWhatItWasPaidAndWhy() {
        Settlement settlement = Engine.service().evaluate(ContractChoice.of("ma-capitation")
                .with("practiceCapShare", "0.40").with("practiceFloorShare", "0.30"), Engine.example("small-panel"));
        List<SettlementLine> lines = settlement.lines().stream()
                .filter(l -> l.clause().equals("distribution") && l.scope().startsWith("P")).toList();

        SettlementLine p02 = line(lines, "P02");
        assertThat(p02.amount()).isEqualByComparingTo("23920.04");
        assertThat(p02.rule()).isEqualTo("A practice held at the cap that gives back the cents the floors took beyond the pool receives less than the cap in cents");
        assertThat(p02.explanation()).startsWith("Distribution $23,920.04, $0.01 less than the cap in whole cents ($23,920.05): the practice is held at "
                + "the cap of 40% of the distributable pool $59,800.14, $23,920.056").contains("It is paid $0.016 under its cap").doesNotContain("receives the cap");
        assertThat(line(lines, "P01").amount()).isEqualByComparingTo("17940.05");
        assertThat(line(lines, "P03").amount()).isEqualByComparingTo("17940.05");
        assertThat(finding(settlement, "under the cap in cents").explanation()).startsWith("Practices held at the cap and paid under it in whole cents 1: "
                + "P02, $0.01 in all under the cap of $23,920.056 ($23,920.05 in whole cents).");
        assertThat(settlement.findings()).noneMatch(f -> f.detail().equals("above the cap") || f.detail().equals("below the floor"));
    }

    private static SettlementLine finding(Settlement settlement, String detail) {
        return settlement.findings().stream().filter(f -> "distribution".equals(f.clause()) && f.detail().equals(detail))
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
