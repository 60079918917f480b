package io.arrears.e2e;

import io.arrears.testing.ScratchSpace;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;

/**
 * A headless Debian Chromium driven through its own ChromeDriver, as a member of staff uses the console:
 * signing in with a token, following links, filling forms. Every page it is asked to keep is saved as a
 * PNG under target/screenshots, for people to look at.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String base;

    Browser(String base) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium"));
        // As root, in a container without a GPU, on a machine whose network is closed: no sandbox, no GPU,
        // and none of the background calls Chromium would otherwise make to Google's hosts.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--lang=en-GB", "--user-data-dir=" + tempDir());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(executable("chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    /** Signs in at the bank's sign-in page as a member of staff would: a fresh session, a name, a role. */
    void signInAs(String user, String role) {
        open("/");
        driver.manage().deleteAllCookies();
        open("/");
        until(d -> d.getCurrentUrl().contains("/authorize"));
        type("user", user);
        click("role-" + role);
        until(d -> d.getCurrentUrl().startsWith(base) && !d.getCurrentUrl().contains("/authorize"));
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String id) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /**
     * The element's text once it is shown. Read inside the wait: an element found on a page that is being
     * replaced goes stale before its text is read, and is then looked up again on the new page.
     */
    String text(String id) {
        return until(d -> {
            WebElement element = d.findElement(By.id(id));
            return element.isDisplayed() ? element.getText() : null;
        });
    }

    void type(String id, String value) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(value);
    }

    /** A date field takes what a user types in the browser's own format; the value is set as its picker would. */
    void date(String id, String isoDate) {
        driver.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                find(id), isoDate);
    }

    void choose(String id, String value) {
        new Select(find(id)).selectByValue(value);
    }

    /**
     * Clicks and waits for the page the click leads to: every button and link of the console submits a form or
     * follows a link. Without the wait, what is read next could come from the page being left.
     */
    void click(String id) {
        WebElement leaving = driver.findElement(By.tagName("html"));
        until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        until(d -> gone(leaving));
    }

    /**
     * Whether the element's page has been replaced. Asked while the new page replaces it, ChromeDriver may answer
     * "Node with given id does not belong to the document" as an unknown error rather than a stale element: both
     * say the node left its document.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            if (leftItsDocument(e)) {
                return true;
            }
            throw e;
        }
    }

    private static boolean leftItsDocument(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || e.getMessage() != null && e.getMessage().contains("does not belong to the document");
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String page() {
        return until(d -> d.findElement(By.tagName("body")).getText());
    }

    /** Waits for the condition; an element that left its page while it was read is looked up again on the next try. */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, BOUND).until(d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException e) {
                if (leftItsDocument(e)) {
                    return null;
                }
                throw e;
            }
        });
    }

    /** The whole page as a PNG, beyond the window's height: Chromium's own capture of the full layout. */
    Path screenshot(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) driver.executeScript(
                "return {width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight};");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).intValue(),
                "height", Math.min(((Number) size.get("height")).intValue(), 8000), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String executable(String name) {
        for (String dir : new String[] {"/usr/bin", "/usr/local/bin"}) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        throw new IllegalStateException(name + " is not installed; the build installs it (e2e/browser/install-chromium.sh)");
    }

    private static String tempDir() {
        return ScratchSpace.directory("arrears-chromium-").toString();
    }
}
