package org.accord.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Nested
    class Rounding {
        @Test
        void payableAmountsRoundHalfEvenToCents() {
            assertThat(Money.payable(new BigDecimal("0.125"))).isEqualTo("0.12");
            assertThat(Money.payable(new BigDecimal("0.135"))).isEqualTo("0.14");
            assertThat(Money.payable(new BigDecimal("-0.125"))).isEqualTo("-0.12");
            assertThat(Money.payable(new BigDecimal("3900097.18000"))).isEqualTo("3900097.18");
        }

        @Test
        void quotientsKeepThirtyFourSignificantDigitsAndAnEmptyBasisSharesNothing() {
            assertThat(Money.divide(1, 3).precision()).isEqualTo(34);
            assertThat(Money.divide(new BigDecimal("5"), BigDecimal.ZERO)).isEqualByComparingTo("0");
        }

        @Test
        void comparisonsIgnoreScale() {
            assertThat(Money.atMost(new BigDecimal("0.40"), new BigDecimal("0.4"))).isTrue();
            assertThat(Money.above(new BigDecimal("0.40"), new BigDecimal("0.4"))).isFalse();
            assertThat(Money.above(new BigDecimal("0.401"), new BigDecimal("0.4"))).isTrue();
            assertThat(Money.atMost(new BigDecimal("0.401"), new BigDecimal("0.4"))).isFalse();
        }

        @Test
        void aPortionBetweenTwoEdgesIsTheOverlap() {
            assertThat(Money.portionBetween(new BigDecimal("7"), new BigDecimal("2"), new BigDecimal("5"))).isEqualByComparingTo("3");
            assertThat(Money.portionBetween(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("5"))).isEqualByComparingTo("0");
            assertThat(Money.portionBetween(new BigDecimal("4"), new BigDecimal("2"), new BigDecimal("5"))).isEqualByComparingTo("2");
        }
    }

    @Nested
    class PartsOfOnePayableAmount {
        private List<BigDecimal> decimals(String... values) {
            return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
        }

        @Test
        void theSumIsRoundedOnceAndItsCentGoesToTheLargestRemainder() {
            // 50,400.252 + 4,799.874 + 0 = 55,200.126, paid 55,200.13: rounded toward zero 50,400.25 + 4,799.87 = 55,200.12;
            // the cent left goes to 4,799.874 (remainder 0.004 against 0.002). Each rounded alone they paid 55,200.12.
            assertThat(Money.payableParts(decimals("50400.252", "4799.874", "0")))
                    .containsExactly(new BigDecimal("50400.25"), new BigDecimal("4799.88"), new BigDecimal("0.00"));
        }

        @Test
        void lossesAreSplitTheSameWayTiesToTheEarlierPart() {
            // -0.005 x 3 = -0.015, paid -0.02 (half-even); rounded toward zero 0.00 each; two cents, remainders tie: the first two.
            assertThat(Money.payableParts(decimals("-0.005", "-0.005", "-0.005")))
                    .containsExactly(new BigDecimal("-0.01"), new BigDecimal("-0.01"), new BigDecimal("0.00"));
        }

        @Test
        void aSumRoundedDownLeavesEveryPartRoundedTowardZero() {
            // 1.004 + 2.004 = 3.008, paid 3.01: one cent, to the earlier of the tied remainders; 0.0049 x 2 = 0.0098, paid 0.01.
            assertThat(Money.payableParts(decimals("1.004", "2.004"))).containsExactly(new BigDecimal("1.01"), new BigDecimal("2.00"));
            assertThat(Money.payableParts(decimals("1.002", "2.002"))).containsExactly(new BigDecimal("1.00"), new BigDecimal("2.00"));
        }

        @Test
        void partsOfBothSignsAreRefused() {
            assertThatThrownBy(() -> Money.payableParts(decimals("1.005", "-0.005"))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class LargestRemainder {
        @Test
        void theOddCentGoesToTheLargestRemainderAndTiesToTheEarlierPart() {
            // 100.00 by 1:1:1 -> 33.333... each; floors 33.33 x 3 = 99.99; the cent goes to the first part.
            assertThat(Money.allocate(new BigDecimal("100.00"), List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE)))
                    .containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
            // 10.00 by 1:2 -> 3.333.. and 6.666..; floors 3.33 + 6.66 = 9.99; the larger remainder (0.00666) wins.
            assertThat(Money.allocate(new BigDecimal("10.00"), List.of(BigDecimal.ONE, new BigDecimal("2"))))
                    .containsExactly(new BigDecimal("3.33"), new BigDecimal("6.67"));
        }

        @Test
        void severalCentsLeftGoLargestRemainderFirstThenByIndex() {
            // 1.00 by 1:3:3 -> 0.142857.., 0.428571.., 0.428571..; floors 0.14 + 0.42 + 0.42 = 0.98;
            // two cents left: remainders 0.00857.. (parts 2 and 3, a tie kept in index order) beat 0.00285.. (part 1).
            assertThat(Money.allocate(new BigDecimal("1.00"), List.of(BigDecimal.ONE, new BigDecimal("3"), new BigDecimal("3"))))
                    .containsExactly(new BigDecimal("0.14"), new BigDecimal("0.43"), new BigDecimal("0.43"));
            // 0.05 by seven equal weights -> 0.00714.. each; floors 0.00; five cents left, all remainders equal:
            // the first five parts get one cent each.
            assertThat(Money.allocate(new BigDecimal("0.05"), java.util.Collections.nCopies(7, BigDecimal.ONE)))
                    .containsExactly(new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("0.01"),
                            new BigDecimal("0.01"), new BigDecimal("0.00"), new BigDecimal("0.00"));
        }

        @Test
        void negativePoolsAreSplitTheSameWayAndConserved() {
            assertThat(Money.allocate(new BigDecimal("-100.00"), List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE)))
                    .containsExactly(new BigDecimal("-33.34"), new BigDecimal("-33.33"), new BigDecimal("-33.33"));
        }

        @Test
        void aPartNeverTakesACentAboveItsMostAmount() {
            // 1,000.01 by 0.35:0.35:0.3 with a cap of 350.0035 (0.35 of the pool) on each: exact 350.0035, 350.0035,
            // 300.003; toward zero 350.00 + 350.00 + 300.00 = 1,000.00. By largest remainder alone the cent left goes
            // to the first part (0.0035, the earlier of a tie) and lifts it to 350.01, above the cap; within the caps
            // it goes to the one part that can take it.
            List<BigDecimal> shares = List.of(new BigDecimal("0.35"), new BigDecimal("0.35"), new BigDecimal("0.3"));
            BigDecimal cap = new BigDecimal("350.0035");
            assertThat(Money.allocate(new BigDecimal("1000.01"), shares))
                    .containsExactly(new BigDecimal("350.01"), new BigDecimal("350.00"), new BigDecimal("300.00"));
            assertThat(Money.allocate(new BigDecimal("1000.01"), shares, nulls(3), List.of(cap, cap, cap)))
                    .containsExactly(new BigDecimal("350.00"), new BigDecimal("350.00"), new BigDecimal("300.01"));
        }

        @Test
        void aPartNeverFallsACentBelowItsLeastAmount() {
            // 1,000.01 by 0.1:0.45:0.45 with a floor of 100.001 (0.1 of the pool) on each: exact 100.001, 450.0045,
            // 450.0045. By largest remainder alone 100.00 + 450.00 + 450.00 leaves one cent, which goes to the second
            // part (0.0045 beats 0.001), and the first stays at 100.00, below its floor. Within the floors it starts
            // at 100.01, which takes the cent.
            List<BigDecimal> shares = List.of(new BigDecimal("0.1"), new BigDecimal("0.45"), new BigDecimal("0.45"));
            BigDecimal floor = new BigDecimal("100.001");
            assertThat(Money.allocate(new BigDecimal("1000.01"), shares, List.of(floor, floor, floor), nulls(3)))
                    .containsExactly(new BigDecimal("100.01"), new BigDecimal("450.00"), new BigDecimal("450.00"));
        }

        @Test
        void centsTheFloorsTakeBeyondWhatIsLeftComeBackFromThePartsAboveTheirFloorSmallestRemainderFirst() {
            // 10.01 by 0.1 x 3 and 0.35 x 2, a floor of 1.001 (0.1 of the pool) on every part: exact 1.001 x 3 and
            // 3.5035 x 2. The first three start at their floor rounded up, 1.01; the last two at 3.50: 10.03, two cents
            // over the pool. Each of the first three would fall below its floor at 1.00, so the two cents come back
            // from the last two.
            List<BigDecimal> shares = List.of(new BigDecimal("0.1"), new BigDecimal("0.1"), new BigDecimal("0.1"),
                    new BigDecimal("0.35"), new BigDecimal("0.35"));
            List<BigDecimal> floors = java.util.Collections.nCopies(5, new BigDecimal("1.001"));
            List<BigDecimal> parts = Money.allocate(new BigDecimal("10.01"), shares, floors, nulls(5));
            assertThat(parts).containsExactly(new BigDecimal("1.01"), new BigDecimal("1.01"), new BigDecimal("1.01"),
                    new BigDecimal("3.49"), new BigDecimal("3.49"));
            assertThat(Money.sum(parts)).isEqualByComparingTo("10.01");
        }

        @Test
        void aCentTheFloorsTakeBeyondThePoolComesBackFromWhatIsRetainedNotFromAPartHeldAtItsCap() {
            // 1,000.05 by 0.40 : 0.40 : 0.05 : 0.05 : 0.10 (the last what is retained, never below zero), floors of
            // 50.0025 and caps of 400.02 on the first four, the first two held at the cap: exact 400.02, 400.02,
            // 50.0025, 50.0025, 100.005. Toward zero, the floors rounded up: 400.02 + 400.02 + 50.01 + 50.01 + 100.00 =
            // 1,000.06, a cent over. By smallest remainder alone it came back from the first part (nothing over 400.02)
            // and left it a cent under its cap; held there, it passes the cent to what is retained.
            List<BigDecimal> shares = List.of(new BigDecimal("0.40"), new BigDecimal("0.40"), new BigDecimal("0.05"), new BigDecimal("0.05"),
                    new BigDecimal("0.10"));
            BigDecimal floor = new BigDecimal("50.0025");
            BigDecimal cap = new BigDecimal("400.020");
            List<BigDecimal> least = java.util.Arrays.asList(floor, floor, floor, floor, BigDecimal.ZERO);
            List<BigDecimal> most = java.util.Arrays.asList(cap, cap, cap, cap, null);
            assertThat(Money.allocate(new BigDecimal("1000.05"), shares, least, most))
                    .containsExactly(new BigDecimal("400.01"), new BigDecimal("400.02"), new BigDecimal("50.01"), new BigDecimal("50.01"),
                            new BigDecimal("100.00"));
            assertThat(Money.allocate(new BigDecimal("1000.05"), shares, least, most, List.of(true, true, false, false, false)))
                    .containsExactly(new BigDecimal("400.02"), new BigDecimal("400.02"), new BigDecimal("50.01"), new BigDecimal("50.01"),
                            new BigDecimal("99.99"));
        }

        @Test
        void aPartHeldAtItsCapStartsAtTheCapThoughItsShareTo34DigitsFellASpeckUnderIt() {
            // 1,000.05 by a share a speck (1E-34) under 0.40, 0.05, 0.05, 0.22 and a speck over 0.28: exact 400.0199..,
            // 50.0025 twice, 220.011, 280.014... The first rounded toward zero is 400.01, a whole cent under the cap it
            // is held at, and with the floors rounded up the parts add up to the pool: no cent moves, and it stayed
            // there. Held at the cap it starts at 400.02, and the cent over comes back from the smallest remainder
            // of the parts the floor and the cap do not hold (220.011).
            BigDecimal speck = new BigDecimal("1E-34");
            List<BigDecimal> shares = List.of(new BigDecimal("0.40").subtract(speck), new BigDecimal("0.05"), new BigDecimal("0.05"),
                    new BigDecimal("0.22"), new BigDecimal("0.28").add(speck));
            List<BigDecimal> least = java.util.Collections.nCopies(5, new BigDecimal("50.0025"));
            List<BigDecimal> most = java.util.Collections.nCopies(5, new BigDecimal("400.02"));
            assertThat(Money.allocate(new BigDecimal("1000.05"), shares, least, most))
                    .containsExactly(new BigDecimal("400.01"), new BigDecimal("50.01"), new BigDecimal("50.01"), new BigDecimal("220.01"),
                            new BigDecimal("280.01"));
            assertThat(Money.allocate(new BigDecimal("1000.05"), shares, least, most, List.of(true, false, false, false, false)))
                    .containsExactly(new BigDecimal("400.02"), new BigDecimal("50.01"), new BigDecimal("50.01"), new BigDecimal("220.00"),
                            new BigDecimal("280.01"));
        }

        @Test
        void aCentTheCapsLeaveGoesToWhatIsRetainedNotToAPartMarkedToTakeLastThatTiesWithIt() {
            // 1,000.10 by 0.35 : 0.35 : 0.10 : 0.20 (the last what is retained), caps of 350.035 on the first three,
            // the first two held there, a floor of 100.01 on the third: exact 350.035, 350.035, 100.01, 200.02. Toward
            // zero 350.03 + 350.03 + 100.01 + 200.02 = 1,000.09, a cent under; the capped parts cannot take it, and the
            // third part and what is retained tie with no remainder: the third came first by index. Marked to take
            // last (a practice whose weight is zero), it passes the cent to what is retained.
            List<BigDecimal> shares = List.of(new BigDecimal("0.35"), new BigDecimal("0.35"), new BigDecimal("0.10"), new BigDecimal("0.20"));
            BigDecimal floor = new BigDecimal("100.010");
            BigDecimal cap = new BigDecimal("350.035");
            List<BigDecimal> least = java.util.Arrays.asList(floor, floor, floor, BigDecimal.ZERO);
            List<BigDecimal> most = java.util.Arrays.asList(cap, cap, cap, null);
            List<Boolean> held = List.of(true, true, false, false);
            assertThat(Money.allocate(new BigDecimal("1000.10"), shares, least, most, held))
                    .containsExactly(new BigDecimal("350.03"), new BigDecimal("350.03"), new BigDecimal("100.02"), new BigDecimal("200.02"));
            assertThat(Money.allocate(new BigDecimal("1000.10"), shares, least, most, held, List.of(false, false, true, false)))
                    .containsExactly(new BigDecimal("350.03"), new BigDecimal("350.03"), new BigDecimal("100.01"), new BigDecimal("200.03"));
        }

        @Test
        void aPartMarkedToTakeLastTakesTheCentWhenNoOtherPartCanWithinItsAmounts() {
            // 1,000.10 by 0.45 : 0.45 : 0.10, caps of 450.045 held on the first two, a floor of 100.01 on the third and
            // nothing retained: toward zero 450.04 + 450.04 + 100.01 = 1,000.09. The cent the caps leave has nowhere
            // else to go within the amounts, so the part marked to take last takes it rather than one pass its cap.
            List<BigDecimal> shares = List.of(new BigDecimal("0.45"), new BigDecimal("0.45"), new BigDecimal("0.10"));
            List<BigDecimal> least = java.util.Collections.nCopies(3, new BigDecimal("100.010"));
            List<BigDecimal> most = java.util.Collections.nCopies(3, new BigDecimal("450.045"));
            assertThat(Money.allocate(new BigDecimal("1000.10"), shares, least, most, List.of(true, true, false), List.of(false, false, true)))
                    .containsExactly(new BigDecimal("450.04"), new BigDecimal("450.04"), new BigDecimal("100.02"));
        }

        @Test
        void aCentTakenBackAmongEqualRemaindersComesFromTheLaterPartSoTheEarlierKeepsIt() {
            // 1.02 over four parts held at a floor and cap of a quarter each, 0.255: every part starts at the floor rounded
            // up, 0.26, 1.04 in all; two cents come back, and no part can give one within its amounts. Every remainder is
            // the same, so the parts given a cent by largest remainder, ties by index, would be the first two: the cents
            // come back from the last two. (The form without the tie named took them from the first two.)
            List<BigDecimal> quarter = java.util.Collections.nCopies(4, new BigDecimal("0.25"));
            List<BigDecimal> bound = java.util.Collections.nCopies(4, new BigDecimal("0.255"));
            List<Boolean> held = java.util.Collections.nCopies(4, true);
            List<Boolean> none = java.util.Collections.nCopies(4, false);
            assertThat(Money.allocate(new BigDecimal("1.02"), quarter, bound, bound, held, none, Money.TakenBackOnATie.LATER))
                    .containsExactly(new BigDecimal("0.26"), new BigDecimal("0.26"), new BigDecimal("0.25"), new BigDecimal("0.25"));
            assertThat(Money.allocate(new BigDecimal("1.02"), quarter, bound, bound, held, none))
                    .containsExactly(new BigDecimal("0.25"), new BigDecimal("0.25"), new BigDecimal("0.26"), new BigDecimal("0.26"));
            // Without bounds the same shares by plain largest remainder: 0.25 each, two cents to the first two.
            assertThat(Money.allocate(new BigDecimal("1.02"), quarter))
                    .containsExactly(new BigDecimal("0.26"), new BigDecimal("0.26"), new BigDecimal("0.25"), new BigDecimal("0.25"));
        }

        @Test
        void aCentTakenBackGoesSmallestRemainderFirstWhateverTheTie() {
            // 10.01 over shares 0.15, 0.05 x 17 (0.85) with a floor of 0.05: the 17 start at 0.51 (0.5005 rounded up), the
            // first at 1.50 (1.5015 toward zero); 10.17, sixteen cents over. The first part's remainder beats every floor's,
            // so it gives all sixteen
            // within its amounts, one a pass, and no tie among the others is broken, either way.
            List<BigDecimal> shares = new java.util.ArrayList<>(List.of(new BigDecimal("0.15")));
            shares.addAll(java.util.Collections.nCopies(17, new BigDecimal("0.05")));
            List<BigDecimal> floors = java.util.Collections.nCopies(18, new BigDecimal("0.5005"));
            List<Boolean> none = java.util.Collections.nCopies(18, false);
            List<BigDecimal> later = Money.allocate(new BigDecimal("10.01"), shares, floors, nulls(18), none, none, Money.TakenBackOnATie.LATER);
            assertThat(later).isEqualTo(Money.allocate(new BigDecimal("10.01"), shares, floors, nulls(18), none, none));
            assertThat(later.get(0)).isEqualByComparingTo("1.34");
            assertThat(later.subList(1, 18)).allSatisfy(part -> assertThat(part).isEqualByComparingTo("0.51"));
        }

        @Test
        void whenNoPartCanTakeACentWithinItsAmountsThePoolStillAddsUp() {
            // 0.02 by 1:1:1 with a cap of 0.0066.. (a third of the pool) on each: exact 0.00666.., toward zero 0.00;
            // two cents that no part can take within its cap, and the parts must add up to the pool: largest remainder,
            // ties by index, as without caps.
            List<BigDecimal> equal = java.util.Collections.nCopies(3, BigDecimal.ONE);
            List<BigDecimal> caps = java.util.Collections.nCopies(3, new BigDecimal("0.0066666666"));
            assertThat(Money.allocate(new BigDecimal("0.02"), equal, nulls(3), caps))
                    .containsExactly(new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("0.00"));
        }

        @Test
        void aPoolCannotBeSplitByWeightsThatAreAllZero() {
            assertThatThrownBy(() -> Money.allocate(new BigDecimal("1.00"), List.of(BigDecimal.ZERO)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(Money.allocate(BigDecimal.ZERO, List.of(BigDecimal.ZERO))).containsExactly(new BigDecimal("0.00"));
        }
    }

    private static List<BigDecimal> nulls(int n) {
        return java.util.Collections.nCopies(n, null);
    }
}
