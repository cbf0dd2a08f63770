package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accord.api.AccordService;
import org.accord.evaluation.EvaluationService;
import org.accord.testing.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real service on a random port and a real headless Chromium opening its page. The service
 * is configured exactly as the API tests configure theirs (the same spy), so that one server
 * serves both and the rules compile once per test run.
 */
@SpringBootTest(classes = AccordService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final Path DOWNLOADS = Path.of("target/web-downloads");
    static final Duration PATIENCE = Duration.ofMinutes(3);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @MockitoSpyBean
    EvaluationService evaluations;

    ChromeDriver browser;

    @BeforeAll
    void startBrowser() throws IOException {
        Path downloads = DOWNLOADS.resolve(getClass().getSimpleName());
        if (Files.exists(downloads)) {
            try (var old = Files.list(downloads)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        browser = Chromium.start(downloads, 1280, 1000);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Opens the page (with a proposal's query, if any) signed in with the tests' key, as a person
     * does with the form at the top, and waits until it says it is usable.
     */
    void open(String query) {
        browser.get(url("/actuator/health")); // any page of the origin that makes no call: the key is kept per origin
        script("sessionStorage.setItem('accord.credential', JSON.stringify({kind: 'api-key', secret: arguments[0]}))", TestKeys.EVERY_ROLE);
        browser.get(url("/" + query));
        waitFor("the page to become usable", () -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    void waitFor(String what, java.util.function.BooleanSupplier condition) {
        // the page redraws parts of itself as answers arrive: an element found a moment ago may be gone
        new WebDriverWait(browser, PATIENCE).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(driver -> condition.getAsBoolean());
    }

    /** The console's errors (a refused or failed request among them) since the last call; reading them empties the console's log. */
    List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Types a term's new value as a person does, and leaves the field so that the page takes it. */
    void setTerm(String name, String value) {
        WebElement input = byId("term-" + name);
        input.clear();
        input.sendKeys(value, Keys.TAB);
    }

    void showView(String view) {
        browser.findElement(By.cssSelector(".view-nav button[data-view='" + view + "']")).click();
    }

    /** Runs a view with its form as it stands and waits for its results; a problem fails the test with its text. */
    WebElement run(String view) {
        showView(view);
        byId(view + "-form").findElement(By.cssSelector("button[type='submit']")).click();
        WebElement results = byId(view + "-results");
        waitFor(view + " to finish", () -> List.of("ready", "failed").contains(results.getDomAttribute("data-state")));
        assertThat(results.getDomAttribute("data-state")).as(byId(view + "-problems").getText()).isEqualTo("ready");
        return results;
    }

    /** The rows of the table with this caption, each row's cells as shown. */
    List<List<String>> table(String caption) {
        WebElement table = browser.findElement(By.xpath("//table[caption[normalize-space()=\"" + caption + "\"]]"));
        // Every cell's text in one call: a call per cell made a 200-row table take seconds.
        List<?> shown = (List<?>) script("return Array.from(arguments[0].querySelectorAll('tbody tr'), row =>"
                + " Array.from(row.querySelectorAll('th, td'), cell => cell.textContent));", table);
        List<List<String>> rows = new ArrayList<>();
        for (Object row : shown) {
            rows.add(((List<?>) row).stream().map(cell -> cell.toString().strip()).toList());
        }
        return rows;
    }

    /** A shown amount as the API writes it: the page only groups digits. */
    static String ungrouped(String shown) {
        return shown.replace(",", "");
    }

    /** An API decimal as the page shows it: "-1234567.80" as "-1,234,567.80". */
    static String grouped(String decimal) {
        int point = decimal.indexOf('.');
        String whole = point < 0 ? decimal : decimal.substring(0, point);
        String sign = whole.startsWith("-") ? "-" : "";
        StringBuilder digits = new StringBuilder(whole.substring(sign.length()));
        for (int at = digits.length() - 3; at > 0; at -= 3) {
            digits.insert(at, ',');
        }
        return sign + digits + (point < 0 ? "" : decimal.substring(point));
    }

    void fill(String id, String value) {
        byId(id).clear();
        byId(id).sendKeys(value);
    }

    /** Clicks the download button with this text and reads the file it gives. */
    String download(String button, String file) {
        browser.findElement(By.xpath("//button[normalize-space()=\"" + button + "\"]")).click();
        return new String(downloaded(file), StandardCharsets.UTF_8);
    }

    byte[] downloadBytes(String button, String file) {
        browser.findElement(By.xpath("//button[normalize-space()=\"" + button + "\"]")).click();
        return downloaded(file);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The page's own timings (ms): usable after load, and each view from its click to its chart drawn. */
    @SuppressWarnings("unchecked")
    Map<String, Object> timings() {
        return (Map<String, Object>) script("return window.accordTimings");
    }

    /** The whole element: the window is made tall enough for it (up to 4,000 pixels), then restored. */
    void screenshot(String name, WebElement element) {
        Dimension window = browser.manage().window().getSize();
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = ((Number) script("return Math.ceil(arguments[0].getBoundingClientRect().height)", element)).longValue();
            browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(4000, Math.max(window.getHeight(), height + 200))));
            script("arguments[0].scrollIntoView()", element);
            Files.write(SCREENSHOTS.resolve(name + ".png"), element.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    /** The same request the page makes, sent by the test itself. */
    JsonNode post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/v1" + path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/v1" + path))).GET());
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.header(TestKeys.HEADER, TestKeys.EVERY_ROLE).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode exampleFacts(String name) {
        try {
            return JSON.readTree(Files.readString(Path.of("examples", name + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file the page offered for download, once it has arrived. */
    private byte[] downloaded(String fileName) {
        Path file = DOWNLOADS.resolve(getClass().getSimpleName()).resolve(fileName);
        // Chromium may show the file's name before it has written its bytes: wait for both.
        waitFor("the download of " + fileName, () -> Files.exists(file) && file.toFile().length() > 0);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
