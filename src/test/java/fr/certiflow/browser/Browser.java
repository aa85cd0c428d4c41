package fr.certiflow.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, with the screenshots of each step under target/: a window
 * of 1366×768, a French browser in Paris (the webapps show dates in the browser's time zone).
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "browser");
    static final String PARIS = "Europe/Paris";

    final WebDriver driver;
    final WebDriverWait wait;
    private final String base;

    Browser(String base) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1366,768",
                "--lang=fr-FR");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                .withEnvironment(java.util.Map.of("TZ", PARIS))
                .build();
        this.driver = new ChromeDriver(service, options);
        // A page replaced while a condition reads it (a form submitted, a redirect) is read again on the next poll.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        this.base = base;
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Logs into a Camunda webapp through its login page. */
    void login(String app, String engine, String user, String password) {
        open("/camunda/app/" + app + "/" + engine + "/");
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys(user);
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-login-" + app + "-" + user);
            throw new AssertionError("No login form at " + driver.getCurrentUrl() + ": " + text(), e);
        }
        driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Clicks as a person would, the element first scrolled to the middle of the window. */
    void click(By by) {
        // Tasklist re-renders its lists as data arrives: an element found a moment ago may be replaced, then found again.
        for (int attempt = 1; ; attempt++) {
            try {
                click(wait.until(ExpectedConditions.presenceOfElementLocated(by)));
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.TimeoutException replaced) {
                if (attempt == 3) {
                    throw replaced;
                }
            }
        }
    }

    void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        try {
            wait.until(ExpectedConditions.elementToBeClickable(element)).click();
        } catch (ElementClickInterceptedException covered) {
            // Tasklist's notification toasts float over the form's bottom: the click goes to the element itself.
            ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
        }
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Scrolls every scrolling box of the page to its end, as a user reaching the bottom of a task form. */
    void scrollToEnd() {
        script("document.querySelectorAll('*').forEach(e => { const s = getComputedStyle(e);"
                + " if ((s.overflowY === 'auto' || s.overflowY === 'scroll') && e.scrollHeight > e.clientHeight) e.scrollTop = e.scrollHeight; });"
                + " window.scrollTo(0, document.body.scrollHeight);");
    }

    /** The element's bounds in the window: left, top, right, bottom. */
    @SuppressWarnings("unchecked")
    java.util.List<Number> bounds(WebElement element) {
        return (java.util.List<Number>) script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom];", element);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
