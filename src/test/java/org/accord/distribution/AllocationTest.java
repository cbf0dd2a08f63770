package org.accord.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.accord.distribution.Allocation.Bound;
import org.accord.distribution.Allocation.Part;
import org.junit.jupiter.api.Test;

/** Which bound held each part: the distribution lines explain caps and floors from it. */
class AllocationTest {

    @Test
    void aPartWhoseWeightShareIsAboveTheCapIsCappedAndTheOthersTakeTheExcessByWeight() {
        // Weights 8, 1, 1 of a pool of 100.00 with a cap of 0.5: P1's 0.8 is cut to 0.5; the 0.3 goes
        // to the others by weight (equal): 0.25 each.
        List<Part> parts = Allocation.parts(new BigDecimal("100.00"), decimals("8", "1", "1"), BigDecimal.ZERO, new BigDecimal("0.5"));

        assertThat(parts).extracting(Part::bound).containsExactly(Bound.CAP, Bound.NONE, Bound.NONE);
        assertThat(parts).extracting(Part::amount).containsExactly(new BigDecimal("50.00"), new BigDecimal("25.00"), new BigDecimal("25.00"));
        assertThat(parts.get(0).weightShare()).isEqualByComparingTo("0.8");
        assertThat(parts.get(1).share()).isEqualByComparingTo("0.25");
    }

    @Test
    void aPartRaisedToTheCapByWhatOthersLostIsNotCapped() {
        // Weights 0.6, 0.35, 0.05, 0 with a cap of 0.4: P1 is cut from 0.6 to 0.4; sharing the 0.2 by
        // weight would take P2 from 0.35 past the cap (lambda 1.5 gives 0.525), so P2 stops at 0.4
        // and P3 takes the rest, 0.2 (lambda 4). P2 was raised to the cap, not cut by it.
        List<Part> parts = Allocation.parts(new BigDecimal("1000.00"), decimals("0.6", "0.35", "0.05", "0"),
                BigDecimal.ZERO, new BigDecimal("0.4"));

        assertThat(parts).extracting(Part::bound).containsExactly(Bound.CAP, Bound.NONE, Bound.NONE, Bound.NONE);
        assertThat(parts).extracting(Part::amount).containsExactly(new BigDecimal("400.00"), new BigDecimal("400.00"),
                new BigDecimal("200.00"), new BigDecimal("0.00"));
    }

    @Test
    void partsBelowTheFloorAreRaisedToItFromTheOthers() {
        List<Part> parts = Allocation.parts(new BigDecimal("100.00"), decimals("1", "1", "18"), new BigDecimal("0.1"), BigDecimal.ONE);

        assertThat(parts).extracting(Part::bound).containsExactly(Bound.FLOOR, Bound.FLOOR, Bound.NONE);
        assertThat(parts).extracting(Part::amount).containsExactly(new BigDecimal("10.00"), new BigDecimal("10.00"), new BigDecimal("80.00"));
    }

    @Test
    void aPoolThatIsNotPositiveIsSplitByWeightWithoutBounds() {
        List<Part> parts = Allocation.parts(new BigDecimal("-100.00"), decimals("8", "1", "1"), BigDecimal.ZERO, new BigDecimal("0.5"));

        assertThat(parts).extracting(Part::bound).containsOnly(Bound.NONE);
        assertThat(parts).extracting(Part::amount).containsExactly(new BigDecimal("-80.00"), new BigDecimal("-10.00"), new BigDecimal("-10.00"));
    }

    private static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
