package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accord.evaluation.ContractChoice;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.testing.Engine;
import org.junit.jupiter.api.Test;

/**
 * A practice cut to the cap names its weight's share in cents and the cents it is paid below it, as one raised to the floor
 * names the cents it is paid above it (FloorSaysTheCentsItPaysTest), and so do the practices that take up or give the
 * difference: the exact cut, rounded on its own, read a cent off what its line moves ("the $200.00 above the cap" of
 * 200.002, its weight's share 600.01 in cents paid 400.00), and what the caps cut in all, named beside a floor's raise,
 * a cent off the raises and what is retained (300.03 beside 100.01 raised and 200.03 retained). The weight's shares in
 * cents are those the pool would pay with no floor or cap, so they add up to the pool, and every figure the lines name
 * adds up with the amounts (golden distribution/a-capped-practice-names-its-weights-share-in-cents-*). No amount moves:
 * a rule set stored before settles every case as the shipped rules do, in its own words.
 */
class DistributionSaysTheCentsTheBoundsMoveTest {

    /** rules/distribution/distribution.drl as it was before the change (the shipped text of commit d6df248). */
    private static final String CAPS_CUT_BEFORE_THE_CENTS = "engine/distribution-caps-cut-before-the-cents";

    private static final RuleBase EARLIER = ReplayedRuleSets.shippedWith(CAPS_CUT_BEFORE_THE_CENTS, "distribution/distribution.drl");

    private static final String HAND_CASE = "a-capped-practice-names-its-weights-share-in-cents-and-the-cents-its-cap-cuts.yaml";

    /** Floors and caps over the examples that bind each kind of line (valley-ipa has 25 practices, small-panel 3). */
    private static final List<String[]> BOUNDS = List.of(
            new String[] {"valley-ipa", "mssp-basic", "0", "0.05"},
            new String[] {"valley-ipa", "mssp-basic", "0.03", "0.05"},
            new String[] {"valley-ipa", "mssp-basic", "0.035", "1"},
            new String[] {"valley-ipa", "ma-capitation", "0.02", "0.06"},
            new String[] {"valley-ipa", "commercial-global-budget", "0.01", "0.045"},
            new String[] {"small-panel", "ma-capitation", "0.33", "0.34"},
            new String[] {"small-panel", "ma-capitation", "0.30", "0.40"},
            new String[] {"small-panel", "mssp-basic", "0.1", "0.35"},
            new String[] {"small-panel", "commercial-global-budget", "0", "0.40"});

    @Test
    void aStoredRuleSetSettlesEveryCaseAsTheShippedRulesDo() {
        ReplayedRuleSets.assertSettlesAsShipped(EARLIER, List.of("valley-ipa", "small-panel"),
                "the cases reach rules the change touched (the golden cases reaching the others are written for a later fix)", List.of(
                        "A practice whose weight's share is above the cap receives the cap, and what the cap cuts goes to the practices within the bounds",
                        "A practice whose weight's share is below the floor is raised to the floor, from the practices within the bounds",
                        "When a floor or cap binds, a practice within the bounds takes its part of the difference by weight"));
    }

    @Test
    void aCappedPracticeNamesTheCentsItIsPaidBelowItsWeightsShare() {
        Settlement settlement = ReplayedRuleSets.settledWith(RuleBases.builtIn(), "distribution", HAND_CASE);
        // Pool 1,000.01; P1's weight share 0.60, 600.006, is 600.01 in cents (the cent 600.00 + 200.00 + 200.00 leaves goes to
        // its remainder, 0.006, the largest); its cap 0.40 x 1,000.01 = 400.004 is paid rounded down, 400.00: 600.01 - 400.00 = 200.01.
        SettlementLine p1 = distributionLine(settlement, "P1");
        assertThat(p1.amount()).isEqualByComparingTo("400.00");
        assertThat(p1.explanation()).contains("of the distributable pool $1,000.01, $600.01 to the cent, is above the cap",
                "the $200.01 it is paid below that goes to the practices within the floor and the cap");
        // P2 takes the cent 400.00 + 300.00 + 300.00 leaves (0.30 x 1,000.01 = 300.003 each, P2 the earlier of the tie):
        // 300.01 - 200.00 = 100.01; P3 300.00 - 200.00 = 100.00; 100.01 + 100.00 = 200.01, what the cap cut.
        assertThat(distributionLine(settlement, "P2").explanation()).contains("$200.00 to the cent", "caps cut $200.01",
                "its part of the difference by weight is $100.01");
        assertThat(distributionLine(settlement, "P3").explanation()).contains("its part of the difference by weight is $100.00");
    }

    @Test
    void aStoredRuleSetSaysTheExactCutAsItRan() {
        Settlement replayed = ReplayedRuleSets.settledWith(EARLIER, "distribution", HAND_CASE);
        // (0.60 - 0.40) x 1,000.01 = 200.002, read 200.00: the exact cut, rounded on its own
        assertThat(distributionLine(replayed, "P1").amount()).isEqualByComparingTo("400.00");
        assertThat(distributionLine(replayed, "P1").explanation()).contains("so it receives the cap of 40%; the $200.00 above the cap goes to");
    }

    /**
     * Every figure a distribution line names in cents adds up: its weight's share in cents and what it names as moved from it
     * give what it is paid, what the caps cut is what the capped lines name as cut from them, what the floors added what the
     * floored lines name as raised, and with every practice held at a bound what the caps cut is what the floors added, what
     * took practices to the cap and what is retained.
     */
    @Test
    void theCentsEveryDistributionLineNamesAddUpToWhatTheLinesPay() {
        List<Settlement> settlements = new ArrayList<>();
        for (String[] bounds : BOUNDS) {
            settlements.add(Engine.service().evaluate(ContractChoice.of(bounds[1]).with("practiceFloorShare", bounds[2])
                    .with("practiceCapShare", bounds[3]), Engine.example(bounds[0])));
        }
        for (String golden : List.of(HAND_CASE,
                "the-odd-cent-the-caps-leave-is-retained-not-given-to-a-practice-without-weight-at-the-floor.yaml",
                "the-odd-cent-the-caps-leave-is-retained-not-given-to-a-practice-without-weight.yaml",
                "the-cent-the-floors-take-beyond-the-pool-comes-from-a-practice-within-the-bounds-not-a-capped-one.yaml",
                "a-capped-practice-that-gives-back-the-floors-cent-is-said-to-receive-less-than-the-cap.yaml",
                "a-floored-practice-that-takes-the-cent-the-caps-leave-is-said-to-receive-more-than-the-floor.yaml")) {
            settlements.add(ReplayedRuleSets.settledWith(RuleBases.builtIn(), "distribution", golden));
        }
        int capped = 0;
        int floored = 0;
        for (Settlement settlement : settlements) {
            List<SettlementLine> practices = settlement.lines().stream()
                    .filter(l -> l.clause().equals("distribution") && !l.scope().equals("IPA")).toList();
            BigDecimal retained = settlement.lines().stream()
                    .filter(l -> l.clause().equals("distribution") && "retained by the caps".equals(l.detail()))
                    .map(SettlementLine::amount).findFirst().orElse(BigDecimal.ZERO);
            BigDecimal cutFromEach = BigDecimal.ZERO;
            BigDecimal raisedEach = BigDecimal.ZERO;
            // A practice held at a bound and paid a cent off it, or a fraction of a cent past it, names its bound, not its cut
            // or its raise: the sums below are taken where every capped, or every floored, practice names it.
            boolean everyCapSaysItsCut = practices.stream().noneMatch(l -> l.rule().startsWith("A practice held at the cap")
                    || l.rule().endsWith("is paid a fraction of a cent above the cap"));
            boolean everyFloorSaysItsRaise = practices.stream().noneMatch(l -> l.rule().startsWith("A practice held at the floor")
                    || l.rule().endsWith("is paid a fraction of a cent below the floor"));
            for (SettlementLine line : practices) {
                Map<String, Object> basis = line.basis();
                String said = line.scope() + ": " + line.explanation();
                if (line.rule().startsWith("A practice whose weight's share is above the cap receives the cap")) {
                    capped++;
                    cutFromEach = cutFromEach.add(number(basis, "cutByCap"));
                    assertThat(number(basis, "weightShareAmount").subtract(number(basis, "cutByCap"))).as(said).isEqualByComparingTo(line.amount());
                } else if (line.rule().startsWith("A practice whose weight's share is below the floor is raised to the floor")) {
                    floored++;
                    raisedEach = raisedEach.add(number(basis, "addedByFloor"));
                    assertThat(number(basis, "weightShareAmount").add(number(basis, "addedByFloor"))).as(said).isEqualByComparingTo(line.amount());
                } else if (line.rule().startsWith("A practice whose part of what the caps cut takes it to the cap")) {
                    assertThat(number(basis, "weightShareAmount").add(number(basis, "reachedBy"))).as(said).isEqualByComparingTo(line.amount());
                } else if (line.rule().startsWith("A practice whose part of what the floors took brings it down to the floor")) {
                    assertThat(number(basis, "weightShareAmount").subtract(number(basis, "reachedBy"))).as(said).isEqualByComparingTo(line.amount());
                } else if (basis.containsKey("adjustment")) {
                    assertThat(number(basis, "weightShareAmount").add(number(basis, "adjustment"))).as(said).isEqualByComparingTo(line.amount());
                } else if (basis.containsKey("given")) {
                    assertThat(number(basis, "weightShareAmount").subtract(number(basis, "given"))).as(said).isEqualByComparingTo(line.amount());
                }
            }
            for (SettlementLine line : practices) {
                Map<String, Object> basis = line.basis();
                String said = line.scope() + ": " + line.explanation();
                if (everyCapSaysItsCut && basis.containsKey("cutByCaps")) {
                    assertThat(number(basis, "cutByCaps")).as(said).isEqualByComparingTo(cutFromEach);
                }
                if (everyFloorSaysItsRaise && basis.containsKey("addedByFloors")) {
                    assertThat(number(basis, "addedByFloors")).as(said).isEqualByComparingTo(raisedEach);
                }
                boolean everyPracticeAtABound = line.explanation().contains("every practice with weight is held at a bound")
                        || line.explanation().contains("every practice with weight is then held at a bound");
                boolean cutSaid = basis.containsKey("cutByCaps") || everyCapSaysItsCut;
                boolean addedSaid = basis.containsKey("addedByFloors") || everyFloorSaysItsRaise;
                if (everyPracticeAtABound && cutSaid && addedSaid) {
                    BigDecimal cut = basis.containsKey("cutByCaps") ? number(basis, "cutByCaps") : cutFromEach;
                    BigDecimal added = basis.containsKey("addedByFloors") ? number(basis, "addedByFloors") : raisedEach;
                    BigDecimal takenAtTheCap = basis.containsKey("takenAtTheCap") ? number(basis, "takenAtTheCap") : BigDecimal.ZERO;
                    assertThat(cut).as(said).isEqualByComparingTo(added.add(takenAtTheCap).add(retained));
                }
            }
        }
        assertThat(capped).as("capped lines checked").isGreaterThan(10);
        assertThat(floored).as("floored lines checked").isGreaterThan(10);
    }

    private static BigDecimal number(Map<String, Object> basis, String name) {
        assertThat(basis).as("the line names %s", name).containsKey(name);
        return new BigDecimal(basis.get(name).toString());
    }

    private static SettlementLine distributionLine(Settlement settlement, String scope) {
        return settlement.lines().stream().filter(l -> l.clause().equals("distribution") && l.scope().equals(scope))
                .findFirst().orElseThrow();
    }
}
