package org.kinora.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.kinora.webapp.DevServer;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One DevServer on a free port and one headless Chromium driven through Debian's chromedriver
 * (never a downloaded driver or browser). Shared by the tests of a class.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final DevServer server;
    /** A folder served under /scratch/, for files a test makes (deleted files are not). */
    final Path scratch;
    final ChromeDriver driver;
    final String baseUrl;
    private final Path profile;

    /** Selenium warns at every start that it has no CDP bindings for this Chromium; tests do not use CDP. */
    private static final java.util.logging.Logger[] QUIET = {
        java.util.logging.Logger.getLogger("org.openqa.selenium.devtools"),
        java.util.logging.Logger.getLogger("org.openqa.selenium.chromium"),
    };

    static {
        for (java.util.logging.Logger l : QUIET) {
            l.setLevel(Level.SEVERE);
        }
    }

    Browser() throws Exception {
        this("no-user-gesture-required");
    }

    /** A browser with the given autoplay policy (Chromium's --autoplay-policy, e.g. document-user-activation-required). */
    Browser(String autoplayPolicy) throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver (the README's test command does this)");
        }
        Map<String, Path> roots = new LinkedHashMap<>();
        roots.put("/dist", dir("kinora.dist"));
        // the same bundle under another path, as if copied elsewhere (drop-in test)
        roots.put("/elsewhere/lib", dir("kinora.dist"));
        roots.put("/testdata", dir("kinora.testdata"));
        roots.put("/pages", dir("kinora.pages"));
        scratch = Files.createTempDirectory("kinora-scratch");
        roots.put("/scratch", scratch);
        roots.put("/", dir("kinora.demo"));
        server = new DevServer("127.0.0.1", 0, roots);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.port() + "/";

        profile = Files.createTempDirectory("kinora-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--autoplay-policy=" + autoplayPolicy,
                "--user-data-dir=" + profile, "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver d;
        try {
            d = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        driver = d;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    private static Path dir(String property) {
        String v = System.getProperty(property);
        if (v == null) {
            throw new IllegalStateException("system property " + property + " not set (run through Maven)");
        }
        return Path.of(v);
    }

    /** Opens a page under the server and waits for its load event. */
    void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Runs an async script: the last argument is the callback. */
    Object async(String script, Object... args) {
        return driver.executeAsyncScript(script, args);
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /**
     * Polls the JavaScript expression {@code condition} every 25 ms until it is truthy (true) or
     * {@code timeoutMs} have passed (false); an expression that throws counts as false.
     */
    boolean waitUntil(String condition, int timeoutMs) {
        return Boolean.TRUE.equals(async("var done = arguments[arguments.length - 1], t0 = Date.now(), limit = arguments[1],"
                + " f = new Function('return (' + arguments[0] + ');');"
                + "(function poll() { var v; try { v = f(); } catch (e) { v = false; }"
                + "  if (v || Date.now() - t0 > limit) done(!!v); else setTimeout(poll, 25); })();", condition, timeoutMs));
    }

    /** The number the JavaScript expression gives. */
    double num(String expression) {
        return ((Number) js("return " + expression + ";")).doubleValue();
    }

    /** The browser console so far, for failure messages. */
    String console() {
        StringBuilder sb = new StringBuilder();
        driver.manage().logs().get(LogType.BROWSER).forEach(e -> sb.append(e.getLevel()).append(' ').append(e.getMessage()).append('\n'));
        return sb.toString();
    }

    static List<String> builds() {
        return List.of("wasm", "js");
    }

    @Override
    public void close() throws Exception {
        try {
            driver.quit();
        } finally {
            server.stop();
        }
    }
}
