package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The page for people who do not use a mouse or do not see it: axe-core (installed from npm by
 * the build, injected into the page) finds no critical or serious violation with each view's
 * results on the page, and the Tab key reaches every control the page shows, in that same state.
 */
class WorkbenchAccessibilityTest extends BrowserTest {

    private static final Path AXE = Path.of("target/web-test/node_modules/axe-core/axe.min.js");

    /** Every element a person can reach with Tab, as the page is drawn now: shown (not in a closed details) and enabled. */
    private static final String FOCUSABLE = """
            return [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
              .filter(e => e.tabIndex >= 0 && !e.disabled && e.checkVisibility())
              .map(e => e.id || e.textContent.trim().slice(0, 60) || e.outerHTML.slice(0, 80));
            """;

    private void openWithResults(String view) {
        open("");
        setTerm("maximumSharingRate", "0.50");
        showView(view);
        if ("simulate".equals(view)) {
            fill("simulate-trials", "500");
        }
        run(view);
    }

    /** axe-core's violations on the page as it is now: rule id, impact, help and the first elements. */
    private List<Map<String, Object>> axeViolations() throws IOException {
        assertThat(AXE).as("axe-core, installed by the build's npm ci (target/web-test)").exists();
        script(Files.readString(AXE));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(result => done(result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))))
                  .catch(error => done([{ id: 'axe-error', impact: 'critical', help: String(error), nodes: [] }]));
                """);
        return found;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"settlement", "compare", "sweep", "simulate", "cash-flow"})
    void axeFindsNoCriticalOrSeriousViolation(String view) throws IOException {
        openWithResults(view);
        List<Map<String, Object>> found = axeViolations();
        found.forEach(v -> System.out.println("axe, " + view + " view: " + v));
        assertThat(found).filteredOn(v -> List.of("critical", "serious").contains(v.get("impact"))).isEmpty();
    }

    /** The check above can fail: an unlabelled field and an image without text planted in the page are found. */
    @Test
    void axeFindsAViolationPlantedInThePage() throws IOException {
        open("");
        script("document.getElementById('facts').append(Object.assign(document.createElement('input'), { id: 'planted' }),"
                + " Object.assign(document.createElement('img'), { src: '/favicon.ico' }))");
        assertThat(axeViolations()).extracting(v -> v.get("id") + " " + v.get("impact"))
                .contains("label critical", "image-alt critical");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"settlement", "compare", "sweep", "simulate", "cash-flow"})
    void theTabKeyReachesEveryControlOnThePage(String view) {
        openWithResults(view);
        @SuppressWarnings("unchecked")
        List<String> controls = (List<String>) script(FOCUSABLE);
        script("""
                window.reachedByTab = new Set();
                document.addEventListener('focusin', event => window.reachedByTab.add(event.target));
                document.querySelector('a[href]').focus();
                """);
        Actions tabs = new Actions(browser);
        for (int i = 0; i < controls.size() + 5; i++) {
            tabs.sendKeys(Keys.TAB);
        }
        tabs.perform();
        @SuppressWarnings("unchecked")
        List<String> missed = (List<String>) script(FOCUSABLE.replace(".map(", ".filter(e => !window.reachedByTab.has(e)).map("));
        assertThat(controls).hasSizeGreaterThan(40).first().isEqualTo("Skip to the workbench");
        assertThat(missed).as("controls Tab never reached, of " + controls.size()).isEmpty();
    }

    /**
     * At 400 CSS pixels (a phone held upright) the page fits its width with every view's results
     * drawn: only a table scrolls sideways, inside its own region. Headless Chromium's window is
     * at least 500 pixels wide, so the width is the one DevTools emulates.
     */
    @Test
    void atFourHundredPixelsWideThePageDoesNotScrollSideways() {
        open("");
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 400, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        try {
            assertThat(script("return window.innerWidth")).isEqualTo(400L);
            assertFitsItsWidth("the page as it opens");
            for (String view : List.of("settlement", "compare", "sweep", "simulate", "cash-flow")) {
                showView(view);
                if ("simulate".equals(view)) {
                    fill("simulate-trials", "500");
                }
                run(view);
                assertFitsItsWidth("the " + view + " view's results");
            }
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private void assertFitsItsWidth(String what) {
        @SuppressWarnings("unchecked")
        List<Long> widths = (List<Long>) script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        // what reaches beyond the width, outside a table's own scrolling region: named in the failure
        @SuppressWarnings("unchecked")
        List<String> beyond = (List<String>) script("""
                const width = document.documentElement.clientWidth;
                return [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > width + 0.5 && e.checkVisibility())
                  .filter(e => !e.parentElement.closest('.table-scroll, .terms-scroll'))
                  .slice(0, 10).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''));
                """);
        assertThat(widths.get(0)).as(what + ": scroll width against the visible width; wider: " + beyond).isLessThanOrEqualTo(widths.get(1));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"settlement", "cash-flow"})
    void aViewRunsFromTheKeyboardAlone(String view) {
        open("");
        byId("term-maximumSharingRate").sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.50", Keys.TAB);
        showView(view);
        String runButton = "settlement".equals(view) ? "Settle" : "Lay out the cash flow";
        int presses = 0;
        while (!runButton.equals(script("return document.activeElement.textContent.trim()")) && presses++ < 200) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        waitFor(view + " to finish", () -> "ready".equals(byId(view + "-results").getDomAttribute("data-state")));
        assertThat(byId(view + "-results").getText()).isNotBlank();
    }
}
