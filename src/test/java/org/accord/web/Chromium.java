package org.accord.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, given by path so that Selenium
 * never looks for (or downloads) a browser or driver of its own. Missing either is a test failure
 * that says how to install them (.ci/run does), never a skip.
 */
final class Chromium {

    static final Path BROWSER = Path.of(System.getProperty("accord.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("accord.chromedriver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    /**
     * A fresh browser with its own profile and download folder, at the given window size.
     *
     * @throws IllegalStateException when Chromium or chromedriver is not installed
     */
    static ChromeDriver start(Path downloads, int width, int height) {
        for (Path needed : List.of(BROWSER, DRIVER)) {
            if (!Files.isExecutable(needed)) {
                throw new IllegalStateException(needed + " is missing: the browser tests need Debian's chromium and "
                        + "chromium-driver (apt-get install -y chromium chromium-driver; .ci/run installs them)");
            }
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("accord-chromium-profile");
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--force-device-scale-factor=1");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        // the console (errors such as a refused request) is kept for the tests to read
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
        return driver;
    }
}
