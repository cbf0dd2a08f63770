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
        void aPoolCannotBeSplitByWeightsThatAreAllZero() {
            assertThatThrownBy(() -> Money.allocate(new BigDecimal("1.00"), List.of(BigDecimal.ZERO)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(Money.allocate(BigDecimal.ZERO, List.of(BigDecimal.ZERO))).containsExactly(new BigDecimal("0.00"));
        }
    }
}
