package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The negotiator's page says what each term may take, as the API does (`conceptLimits`, `constraints`): the template's
 * range and what the clause's concept allows, and what a clause's terms must keep together, before the server refuses
 * a value outside them.
 */
class WorkbenchTermsTest extends BrowserTest {

    /** The "Allowed" cell of a term's row: after the term's header, its field and its unit. */
    private String allowed(String term) {
        return byId("term-" + term).findElement(By.xpath("./ancestor::tr[1]/td[3]")).getText();
    }

    /**
     * Track 2 with the example's 2025 facts: the template has no values for 2025 (it settles 2012 to 2021), and its terms
     * showed empty values; they say the years it settles instead.
     */
    @Test
    void aTemplateThatDoesNotSettleTheFactsYearSaysWhichYearsItSettles() {
        open("?template=mssp-aco-track-2");

        waitFor("the terms to say the template's years", () -> !browser.findElements(By.id("terms-years")).isEmpty());
        assertThat(byId("terms-years").getText()).isEqualTo("This template settles performance years 2012 to 2021; the facts are for performance year 2025,"
                + " for which it gives no values.");
        assertThat(byId("term-maximumSharingRate").getAttribute("placeholder")).isEqualTo("none for 2025");
    }

    @Test
    void eachTermSaysWhatItsTemplateAndItsConceptAllowAndEachClauseItsConstraints() {
        open("");

        assertThat(allowed("electedMinimumSavingsRate")).isEqualTo("0 to 0.02; concept allows 0, 0.005, 0.01, 0.015 or 0.02 only");
        assertThat(allowed("maximumSharingRate")).isEqualTo("0 to 1; concept allows 0 to 1, a share of a whole");
        assertThat(allowed("minimumSavingsRateBasis")).isEqualTo("population, elected");
        List<String> constraints = browser.findElements(By.xpath("//section[@aria-labelledby='clause-distribution']/p[contains(@class, 'constraint')]"))
                .stream().map(WebElement::getText).toList();
        assertThat(constraints).containsExactly(
                "Constraint: memberMonthsWeight, qualityWeight and costPerformanceWeight add up to exactly 1 (shares of one whole), "
                        + "required of every clause of concept distribution.",
                "Constraint: costPerformanceTarget names a clause of the same template, or none.");
    }
}
