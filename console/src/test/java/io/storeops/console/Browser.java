package io.storeops.console;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through its own chromedriver (nothing is downloaded), on the
 * console of a test (its services stubbed): what a person sees and does, page by page. The same
 * browser as system-tests' {@code ConsoleBrowser}, which drives the whole standalone.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("storeops.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("storeops.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;

    public Browser(int consolePort, String language) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the console's browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver (./mvnw verify installs them)");
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--lang=" + language,
                        "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        this.base = "http://localhost:" + consolePort;
        this.driver = started(options);
    }

    /**
     * A browser that has shown the sign-in page; on a loaded machine headless chromium now and then
     * never answers its first navigation, so such a browser is replaced once.
     */
    private ChromeDriver started(ChromeOptions options) {
        for (int attempt = 1; ; attempt++) {
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver browser = new ChromeDriver(
                    service, options, ClientConfig.defaultConfig().readTimeout(Duration.ofMinutes(1)));
            browser.manage().timeouts().pageLoadTimeout(PATIENCE);
            try {
                browser.get(base + "/sign-in");
                browser.getCurrentUrl();
                return browser;
            } catch (TimeoutException hung) {
                browser.quit();
                if (attempt == 2) {
                    throw hung;
                }
            }
        }
    }

    /** Signs in as one of the test's people, from the sign-in page, and waits for the home page. */
    public Browser signIn(String username) {
        open("/sign-in");
        new Select(find(By.id("username"))).selectByValue(username);
        find(By.cssSelector("form[action='/sign-in'] button")).click();
        find(By.id("stores"));
        return this;
    }

    public Browser signOut() {
        find(By.cssSelector("form[action='/sign-out'] button")).click();
        find(By.id("username"));
        return this;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Waits until {@code by} shows {@code text}: pages change in place, so the test waits on what the person would see. */
    public WebElement waitForText(By by, String text) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    public void acceptConfirmation() {
        new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.alertIsPresent())
                .accept();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void reload() {
        driver.navigate().refresh();
    }

    /** A picture of the window in {@code target/screenshots}, for a person to look at what the test saw. */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(taken.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
