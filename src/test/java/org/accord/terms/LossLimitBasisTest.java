package org.accord.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.accord.evaluation.ContractChoice;
import org.accord.testing.Engine;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * A revenue-based loss limit needs its share of revenue: a template offers the basis only where it
 * declares revenueLossLimit (BASIC levels C-E, Track 1+), so the engine never meets one without the
 * other; elsewhere (ENHANCED, Tracks 2 and 3: 42 CFR 425.606(g), 425.610(g), a share of the benchmark
 * only) choosing it is a 4xx problem naming the override, where it used to fail in the engine.
 */
class LossLimitBasisTest {

    @Test
    void everyTemplateOfferingARevenueBasedLossLimitDeclaresItsShareOfRevenue() {
        for (ContractTemplate template : TemplateCatalog.load().all()) {
            template.parameter("lossLimitBasis").ifPresent(basis -> {
                if (basis.allowedValues().contains("revenue-capped-by-benchmark")) {
                    assertThat(template.parameter("revenueLossLimit")).as(template.id() + " offers revenue-capped-by-benchmark").isPresent();
                }
            });
        }
    }

    @Test
    void aRevenueBasedLossLimitWithoutAShareOfRevenueIsRefusedNamingTheOverride() {
        ContractChoice enhanced = new ContractChoice("mssp-aco-enhanced", Map.of("lossLimitBasis", "revenue-capped-by-benchmark"));

        assertThatThrownBy(() -> Engine.service().check(enhanced, Engine.example("valley-ipa")))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(
                        refused.problems().stream().map(InputProblem::pointer).toList()).containsExactly("/contract/overrides/lossLimitBasis"));
    }
}
