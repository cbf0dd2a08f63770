package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accord.testing.TestKeys;
import org.accord.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a negotiator brings to the page and gets back from it: their own facts (a CSV chosen, a
 * JSON file dropped), problems shown beside the field that caused them, proposals saved,
 * reopened and shared by link, and a credential attached to every call.
 */
class WorkbenchInputsTest extends BrowserTest {

    private String figure(String label) {
        return byId("facts-summary").findElement(By.xpath(".//dt[normalize-space()=\"" + label + "\"]/following-sibling::dd[1]")).getText();
    }

    private void waitForFactsFrom(String source) {
        waitFor("the facts read from " + source, () -> byId("facts-summary").getText().contains("What the server read (" + source + ")"));
    }

    /** Drops a file with this text on the drop zone, as a person dragging it from their desktop does. */
    private void drop(String fileName, String type, String text) {
        script("""
                const [zone, name, type, text] = arguments;
                const data = new DataTransfer();
                data.items.add(new File([text], name, { type }));
                zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
                """, byId("drop-zone"), fileName, type, text);
    }

    @Test
    void aCsvOfPracticesIsReadByTheServerWithTheIpaAndPeriodTypedBesideIt() {
        open("");
        byId("facts-file").sendKeys(Path.of("examples/valley-ipa.csv").toAbsolutePath().toString());
        waitFor("the CSV's period form", () -> byId("csv-period").isDisplayed());

        byId("csv-ipa-id").sendKeys("valley-ipa");
        byId("csv-benchmark").sendKeys("525375558.00");
        byId("csv-period").findElement(By.cssSelector("button[type='submit']")).click();
        waitFor("the problem beside the year", () -> byId("csv-year-error").isDisplayed());
        assertThat(byId("csv-year").getDomAttribute("aria-invalid")).isEqualTo("true");

        byId("csv-year").sendKeys("2025");
        byId("csv-period").findElement(By.cssSelector("button[type='submit']")).click();
        waitForFactsFrom("file valley-ipa.csv");
        JsonNode example = get("/example-facts/valley-ipa").get("summary");
        assertThat(ungrouped(figure("Practices"))).isEqualTo(example.get("practices").asString());
        assertThat(ungrouped(figure("Attributed members"))).isEqualTo(example.get("attributedMembers").asString());
        assertThat(ungrouped(figure("Total cost of care, USD"))).isEqualTo(example.get("totalCostOfCare").asString());
        assertThat(figure("Period")).isEqualTo("2025-01-01 to 2025-12-31");
        assertThat(byId("csv-year-error").isDisplayed()).isFalse();
    }

    /** The CSV form has an input for every field of the period the API's facts carry, and no other. */
    @Test
    void theCsvFormHasAnInputForEveryFieldOfThePeriod() {
        open("");
        List<String> inputs = ((List<?>) script("return [...document.querySelectorAll('#csv-period [data-period]')].map(e => e.dataset.period)"))
                .stream().map(String::valueOf).toList();
        assertThat(inputs).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(
                org.accord.facts.PerformancePeriod.class.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList());
    }

    /**
     * The CSV of a Track 2 ACO in performance year 2017 of an agreement from 2015-01-01 settles as the same
     * facts in JSON: losses $10,000,000.00 (expenditures $50,000,000.00 against a $40,000,000.00 benchmark)
     * x shared loss rate 46% (1 - 60% x quality 0.90) = $4,600,000.00, cut to the third year's loss limit
     * of 10% of the benchmark, $4,000,000.00 (the first year's 5%, $2,000,000.00, without the agreement start).
     */
    @Test
    void aCsvWithItsAgreementStartTypedBesideItSettlesAsTheSameFactsInJson() {
        open("");
        new Select(byId("template")).selectByValue("mssp-aco-track-2");
        byId("facts-file").sendKeys(Path.of("src/test/resources/facts/csv-path/track-2-year-3.csv").toAbsolutePath().toString());
        waitFor("the CSV's period form", () -> byId("csv-period").isDisplayed());
        byId("csv-ipa-id").sendKeys("probe-ipa");
        byId("csv-year").sendKeys("2017");
        byId("csv-benchmark").sendKeys("40000000");
        byId("csv-quality-score").sendKeys("0.90");
        new Select(byId("csv-met-standard")).selectByValue("true");
        // a date input takes its digits in the browser's order for dates: set as the page would read it
        script("arguments[0].value = '2015-01-01'", byId("csv-agreement-start"));
        script("arguments[0].value = '2017-01-01'; arguments[1].value = '2017-12-31'", byId("csv-start"), byId("csv-end"));
        byId("csv-period").findElement(By.cssSelector("button[type='submit']")).click();
        waitForFactsFrom("file track-2-year-3.csv");
        assertThat(figure("First day of the current agreement period")).isEqualTo("2015-01-01");
        assertThat(figure("Period")).isEqualTo("2017-01-01 to 2017-12-31");

        run("settlement");
        List<List<String>> lines = table("Settlement lines, every scope");
        assertThat(lines).filteredOn(row -> row.get(1).equals("shared-losses")).singleElement()
                .satisfies(row -> assertThat(row.get(3)).isEqualTo("-4,000,000.00"));
        ObjectNode request = JSON.createObjectNode();
        request.putObject("contract").put("templateId", "mssp-aco-track-2");
        request.set("facts", JSON.readTree(read("src/test/resources/facts/csv-path/track-2-year-3.json")));
        assertThat(ungrouped(byId("settlement-results").findElement(By.xpath(
                ".//dt[normalize-space()=\"Payer total, USD\"]/following-sibling::dd[1]")).getText()))
                .isEqualTo(post("/evaluations", request).at("/totals/payerTotal").asString());
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aDroppedJsonFileIsShownAsTheServerReadItAndItsProblemsNameTheField() throws IOException {
        open("");
        String smallPanel = Files.readString(Path.of("examples/small-panel.json"));
        drop("small-panel.json", "application/json", smallPanel);
        waitForFactsFrom("file small-panel.json");
        JsonNode summary = get("/example-facts/small-panel").get("summary");
        assertThat(figure("Practices")).isEqualTo("3");
        assertThat(ungrouped(figure("Attributed members"))).isEqualTo(summary.get("attributedMembers").asString());
        assertThat(ungrouped(figure("Member months"))).isEqualTo(summary.get("memberMonths").asString());

        drop("broken.json", "application/json", smallPanel.replaceFirst("\"memberMonths\": \\d+", "\"memberMonths\": -5"));
        waitFor("the file's problem", () -> byId("facts-problems").isDisplayed());
        assertThat(byId("facts-problems").getText()).contains("/practices/0/memberMonths").contains("(400)");
        assertThat(byId("facts-summary").getText()).contains("file small-panel.json");
    }

    @Test
    void aTermOutsideItsRangeIsNamedBesideItsFieldAndAViewsProblemBesideItsOwn() {
        open("");
        setTerm("maximumSharingRate", "1.5");
        // Clearing the field shows the empty value's problem first: wait for the typed value's.
        waitFor("the problem beside the term", () -> byId("term-maximumSharingRate-error").isDisplayed()
                && byId("term-maximumSharingRate-error").getText().startsWith("1.5"));
        WebElement term = byId("term-maximumSharingRate");
        assertThat(byId("term-maximumSharingRate-error").getText()).isEqualTo("1.5 is above the maximum 1 (rate)");
        assertThat(term.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(term.getDomAttribute("aria-describedby")).contains("term-maximumSharingRate-error");

        setTerm("maximumSharingRate", "0.50");
        waitFor("the problem to clear", () -> !byId("term-maximumSharingRate-error").isDisplayed());
        assertThat(term.getDomAttribute("aria-invalid")).isNull();

        showView("sweep");
        new Select(byId("sweep-parameter-0")).selectByValue("maximumSharingRate");
        fill("sweep-step-0", "-1");
        byId("sweep-form").findElement(By.cssSelector("button[type='submit']")).click();
        waitFor("the sweep's problem", () -> "failed".equals(byId("sweep-results").getDomAttribute("data-state")));
        assertThat(byId("sweep-step-0-error").getText()).isEqualTo("the step must be above zero (was -1)");
        assertThat(byId("sweep-problems").getText()).contains("The input cannot be evaluated (422)");

        // an end beyond the term's range is said once, beside the end, not once a point beside the step
        fill("sweep-start-0", "0.5");
        fill("sweep-end-0", "1.5");
        fill("sweep-step-0", "0.1");
        byId("sweep-form").findElement(By.cssSelector("button[type='submit']")).click();
        waitFor("the sweep's range problem", () -> byId("sweep-end-0-error").isDisplayed());
        assertThat(byId("sweep-end-0-error").getText())
                .isEqualTo("the end 1.5 is above the maximum: maximumSharingRate is allowed from 0 to 1 (rate)");
        assertThat(byId("sweep-step-0-error").isDisplayed()).isFalse();
        assertThat(byId("sweep-form").findElements(By.cssSelector(".field-error")))
                .filteredOn(WebElement::isDisplayed).hasSize(1);
        assertThat(byId("sweep-end-0").getDomAttribute("aria-invalid")).isEqualTo("true");
    }

    /** An empty term, or one that is not a number, is named with its range, not in the decimal parser's words. */
    @Test
    void aTermLeftEmptyOrNotANumberSaysWhichTermNeedsANumberAndItsRange() {
        open("");
        WebElement term = byId("term-maximumSharingRate");
        // "1e" is no number: the field's value is empty, and the browser knows what was typed is not a number
        term.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1e", Keys.TAB);
        waitFor("the problem beside the term", () -> !browser.findElements(By.id("term-maximumSharingRate-error")).isEmpty()
                && byId("term-maximumSharingRate-error").isDisplayed());
        assertThat(byId("term-maximumSharingRate-error").getText())
                .isEqualTo("maximumSharingRate needs a number from 0 to 1 (rate): what is typed is not a number");
        assertThat(term.getDomAttribute("aria-invalid")).isEqualTo("true");

        byId("reset-terms").click();
        setTerm("maximumSharingRate", "");
        // the reset draws the terms anew: the field's problem is written beside the new field
        waitFor("the problem beside the emptied term", () -> !browser.findElements(By.id("term-maximumSharingRate-error")).isEmpty()
                && byId("term-maximumSharingRate-error").getText().endsWith("empty"));
        assertThat(byId("term-maximumSharingRate-error").getText())
                .isEqualTo("maximumSharingRate needs a number from 0 to 1 (rate): the field is empty");
        // a view run with it says the same beside the term
        showView("settlement");
        byId("settlement-form").findElement(By.cssSelector("button[type='submit']")).click();
        waitFor("the settlement to be refused", () -> "failed".equals(byId("settlement-results").getDomAttribute("data-state")));
        assertThat(byId("term-maximumSharingRate-error").getText())
                .isEqualTo("maximumSharingRate needs a number from 0 to 1 (rate): the field is empty");
    }

    /** The sweep offers the numeric terms a negotiator may change: none the template marks not negotiable (set by regulation). */
    @Test
    void theSweepOffersOnlyTermsANegotiatorMayChange() {
        open("");
        List<String> negotiable = new ArrayList<>();
        List<String> setByRegulation = new ArrayList<>();
        for (JsonNode clause : get("/contract-templates/mssp-basic").get("clauses")) {
            for (JsonNode parameter : clause.get("parameters")) {
                if (List.of("rate", "amount", "number", "count").contains(parameter.get("type").asString())) {
                    (parameter.path("negotiable").asBoolean(true) ? negotiable : setByRegulation).add(parameter.get("name").asString());
                }
            }
        }
        assertThat(setByRegulation).contains("sequestrationRate", "performancePaymentLimit");
        for (String select : List.of("sweep-parameter-0", "sweep-parameter-1")) {
            assertThat(new Select(byId(select)).getOptions()).extracting(option -> option.getDomAttribute("value"))
                    .as(select).containsExactlyElementsOf(negotiable);
        }
    }

    /**
     * A term the template marks not negotiable (set by regulation) is shown with its value, not offered as
     * an input: the server refuses it as an override, so an input would only lead to that refusal.
     */
    @Test
    void aTermSetByRegulationIsShownReadOnlyWithItsValue() {
        open("");
        ObjectNode request = JSON.createObjectNode();
        request.putObject("contract").put("templateId", "mssp-basic");
        request.set("facts", get("/example-facts/valley-ipa").get("facts"));
        JsonNode resolved = post("/evaluations:validate", request);
        Map<String, String> inForce = new java.util.HashMap<>();
        resolved.get("clauses").forEach(clause -> clause.get("parameters").properties().stream()
                .filter(entry -> entry.getValue().isValueNode()).forEach(entry -> inForce.put(entry.getKey(), entry.getValue().asString())));
        List<String> setByRegulation = new ArrayList<>();
        for (JsonNode clause : get("/contract-templates/mssp-basic").get("clauses")) {
            for (JsonNode parameter : clause.get("parameters")) {
                String name = parameter.get("name").asString();
                if (!parameter.path("negotiable").asBoolean(true)) {
                    setByRegulation.add(name);
                    waitFor(name + " in force", () -> byId("term-" + name).getText().startsWith(inForce.get(name) + " "));
                    assertThat(byId("term-" + name).getTagName()).as(name).isEqualTo("span");
                    assertThat(byId("term-" + name).getText()).isEqualTo(inForce.get(name) + " (not negotiable: the template’s value applies)");
                } else if (List.of("rate", "amount", "number", "count").contains(parameter.get("type").asString())) {
                    assertThat(byId("term-" + name).getTagName()).as(name).isEqualTo("input");
                }
            }
        }
        assertThat(setByRegulation).contains("sequestrationRate", "performancePaymentLimit");
        assertThat(browser.findElements(By.cssSelector("#terms input[name='performancePaymentLimit']"))).isEmpty();
    }

    /** The settlement view's IPA pool as shown, ungrouped. */
    private String ipaPoolShown() {
        return ungrouped(run("settlement").findElement(
                By.xpath(".//dt[normalize-space()='IPA pool, USD']/following-sibling::dd[1]")).getText());
    }

    /**
     * A proposal saved through the API (a version of the IPA's stored contract, with its facts
     * stored by id), reopened from the list, then from its link in a fresh page as a colleague
     * would: the same terms and the same numbers as the API's for the same request.
     */
    @Test
    void aProposalIsSavedOnTheServerReopenedComparedAndSharedByLink() {
        open("");
        setTerm("maximumSharingRate", "0.50");
        String pool = ipaPoolShown();
        byId("proposal-name").sendKeys("Half sharing");
        byId("save-proposal").findElement(By.cssSelector("button[type='submit']")).click();
        waitFor("the saved proposal", () -> byId("saved-proposals").getText().contains("Half sharing"));
        assertThat(byId("proposals-where").getText()).contains("on the server");
        assertThat(table("Saved proposals")).containsExactly(
                List.of("Half sharing", "mssp-basic", "maximumSharingRate = 0.50", "IPA valley-ipa", "Open Half sharingLink to Half sharing"));

        byId("reset-terms").click();
        assertThat(byId("term-maximumSharingRate").getDomProperty("value")).isEqualTo("0.40");
        browser.findElement(By.xpath("//button[normalize-space()='Open Half sharing']")).click();
        waitFor("the proposal's terms", () -> "0.50".equals(byId("term-maximumSharingRate").getDomProperty("value")));

        // The terms as they are travel in the query; the stored proposal has a link of its own.
        assertThat(byId("share-link").getDomProperty("value"))
                .isEqualTo(url("/?name=Half+sharing&template=mssp-basic&facts=valley-ipa&set.maximumSharingRate=0.50"));
        String stored = browser.findElement(By.linkText("Link to Half sharing")).getDomAttribute("href");
        assertThat(stored).matches(java.util.regex.Pattern.quote(url("/#proposal=")) + "[0-9a-f-]{36}%2F[0-9a-f-]{36}&facts=sha256%3A[0-9a-f]{64}");
        byId("reset-terms").click();
        open(stored.substring(url("/").length()));
        waitFor("the shared proposal's terms", () -> "0.50".equals(byId("term-maximumSharingRate").getDomProperty("value")));
        assertThat(byId("proposal-name").getDomProperty("value")).isEqualTo("Half sharing");
        assertThat(byId("terms-changed").getText()).isEqualTo("1 term changed.");

        // The same numbers as before saving, and as the API's for the same request.
        ObjectNode evaluation = JSON.createObjectNode();
        evaluation.putObject("contract").put("templateId", "mssp-basic").putObject("overrides").put("maximumSharingRate", "0.50");
        evaluation.set("facts", exampleFacts("valley-ipa"));
        assertThat(ipaPoolShown()).isEqualTo(pool).isEqualTo(post("/evaluations", evaluation).at("/totals/ipaPool").asString());

        showView("compare");
        byId("compare-current").click();
        browser.findElement(By.xpath("//label[normalize-space()='Saved: Half sharing (mssp-basic)']")).click();
        run("compare");
        ObjectNode request = JSON.createObjectNode();
        request.set("facts", exampleFacts("valley-ipa"));
        request.putObject("baseline").put("templateId", "mssp-basic");
        ObjectNode proposal = request.putArray("proposals").addObject().put("templateId", "mssp-basic");
        proposal.putObject("overrides").put("maximumSharingRate", "0.50");
        JsonNode expected = post("/scenarios/compare", request).get("proposals").get(0).get("practices");
        List<List<String>> shown = table("Each practice, largest change first: saved proposal “Half sharing”");
        for (int i = 0; i < shown.size(); i++) {
            assertThat(ungrouped(shown.get(i).get(4))).isEqualTo(expected.get(i).get("delta").asString());
        }
        screenshot("proposals", byId("proposals"));
    }

    /** A save the server refuses says so beside the button that failed, not among the terms in section 1. */
    @Test
    void aRefusedSaveIsShownBesideTheSaveButton() {
        open("");
        // a reviewer reads contracts but may not make one
        signIn("api-key", TestKeys.only("reviewer"));
        byId("proposal-name").sendKeys("Refused");
        byId("save-proposal").findElement(By.cssSelector("button[type='submit']")).click();
        WebElement problems = byId("save-proposal-problems");
        waitFor("the save's problem", problems::isDisplayed);
        assertThat(problems.getText()).contains("Forbidden (403)").contains("do not allow createContract");
        assertThat(problems.getDomAttribute("role")).isEqualTo("alert");
        assertThat(script("return arguments[0].previousElementSibling.id", problems)).isEqualTo("save-proposal");
        assertThat(byId("terms-problems").isDisplayed()).isFalse();
    }

    @Test
    void theCredentialGivenAtSignInGoesWithEveryCallAndTheServersRefusalIsShownPlainly() {
        open("");
        assertThat(byId("sign-in-status").getDomProperty("textContent")).isEqualTo("Signed in with an API key (kept for this tab only).");

        signIn("api-key", "not-a-key-the-server-knows");
        WebElement problems = runAndFail("settlement");
        assertThat(problems.getText()).contains("Unauthorized (401)").contains("needs a valid API key")
                .contains("Sign in with a credential that may do this");
        assertThat(byId("sign-in").getDomProperty("open")).isEqualTo("true");
        assertThat(byId("sign-in-status").getDomProperty("textContent"))
                .startsWith("The server did not accept this key (it may be mistyped, revoked or expired): ");
        assertThat(byId("sign-in-summary").getDomProperty("textContent")).as("a refused key signs no one in").isEqualTo("Sign in");

        // a reviewer reads templates and rules but does not evaluate
        signIn("api-key", TestKeys.only("reviewer"));
        assertThat(runAndFail("settlement").getText()).contains("Forbidden (403)")
                .contains("the caller's roles (reviewer) do not allow evaluate").contains("it is open to admin, integrator, negotiator");

        signIn("bearer", TestTokens.withRoles("a-negotiator", List.of("negotiator")));
        assertThat(byId("sign-in-status").getDomProperty("textContent")).isEqualTo("Signed in with an OAuth2 bearer token (kept for this tab only).");
        run("settlement");

        // signing in may have folded the panel away: open it to reach the button, as a user would
        if (!"true".equals(byId("sign-in").getDomProperty("open"))) {
            byId("sign-in-summary").click();
        }
        byId("sign-out").click();
        assertThat(byId("sign-in-status").getDomProperty("textContent")).isEqualTo("Not signed in: calls carry no credential.");
        assertThat(script("return sessionStorage.getItem('accord.credential')")).isNull();
        assertThat(runAndFail("settlement").getText()).contains("Unauthorized (401)");
    }

    /**
     * Before anyone signs in, the page calls no operation of the API (each would be refused with a
     * 401, an error in the console): it asks for a credential, then loads once it has one.
     */
    @Test
    void theFirstLoadCallsNothingBeforeSignInAndTheConsoleShowsNoError() {
        browser.get(url("/actuator/health"));
        script("sessionStorage.clear()");
        consoleErrors();
        browser.get(url("/"));
        waitFor("the page to ask for a credential", () -> byId("page-status").getText().startsWith("Sign in"));
        assertThat(byId("sign-in").getDomProperty("open")).isEqualTo("true");
        assertThat(byId("terms-problems").isDisplayed()).isFalse();
        sleep(1_000); // a call made late would still reach the console
        assertThat(consoleErrors()).isEmpty();

        signIn("api-key", TestKeys.EVERY_ROLE);
        waitFor("the page to become usable", () -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(byId("term-maximumSharingRate").getDomProperty("value")).isEqualTo("0.40");
        assertThat(consoleErrors()).isEmpty();
    }

    private void signIn(String kind, String secret) {
        if (!"true".equals(byId("sign-in").getDomProperty("open"))) {
            byId("sign-in-summary").click();
        }
        new Select(byId("credential-kind")).selectByValue(kind);
        byId("credential-secret").clear();
        byId("credential-secret").sendKeys(secret);
        byId("sign-in-form").findElement(By.cssSelector("button[type='submit']")).click();
        script("document.getElementById('sign-in').open = false");
    }

    private WebElement runAndFail(String view) {
        showView(view);
        byId(view + "-form").findElement(By.cssSelector("button[type='submit']")).click();
        WebElement results = byId(view + "-results");
        waitFor(view + " to be refused", () -> "failed".equals(results.getDomAttribute("data-state")));
        return byId(view + "-problems");
    }
}
