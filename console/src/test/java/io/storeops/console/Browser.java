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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
 * Debian's chromium, headless, driven through its own chromedriver (nothing is downloaded): what a
 * person sees of the console and does, page by page, at a laptop's 1280 px or a tablet's width,
 * with screenshots. The console's page tests drive it against stubbed services; system-tests (through
 * the console's test-jar) against the whole standalone.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("storeops.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("storeops.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;
    private final Path screenshots;

    /** A browser whose screenshots go to {@code target/screenshots}. */
    public Browser(int consolePort, String language) {
        this(consolePort, language, SCREENSHOTS);
    }

    public Browser(int consolePort, String language, Path screenshots) {
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
        this.screenshots = screenshots;
        this.driver = started(options);
    }

    /**
     * A browser that has shown the sign-in page. On a loaded 2-core machine headless chromium now and
     * then never answers its first navigation (seen once in a full build: the page was served, the
     * renderer hung for minutes); such a browser is replaced once rather than failing the test with
     * a console that works. Commands wait at most a minute, so a hang is seen as one.
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

    /**
     * Goes to {@code path}. A navigation whose page did not load within the page-load timeout is
     * asked for once more: on a loaded machine the renderer now and then stalls on a page the
     * console had served (seen on later navigations too, not only a browser's first).
     */
    public Browser open(String path) {
        try {
            driver.get(base + path);
        } catch (TimeoutException stalled) {
            driver.get(base + path);
        }
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

    /** Waits until {@code javascript} answers true in the page (a picture loaded, say). */
    public void waitUntilTrue(String javascript) {
        new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.jsReturnsValue("return (function () { " + javascript + " })() || null;"));
    }

    public void acceptConfirmation() {
        new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.alertIsPresent())
                .accept();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The element that has the keyboard's focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    public String cookie(String name) {
        return driver.manage().getCookieNamed(name).getValue();
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Whether the page fits the window's width: no sideways scrolling of the page itself. */
    public boolean fitsTheWidth() {
        return Boolean.TRUE.equals(script("return document.documentElement.scrollWidth <= window.innerWidth;"));
    }

    public Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    public void reload() {
        driver.navigate().refresh();
    }

    /** A picture of the window, for a person to look at what the test saw (the README's pictures too). */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(screenshots);
        File taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(taken.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
