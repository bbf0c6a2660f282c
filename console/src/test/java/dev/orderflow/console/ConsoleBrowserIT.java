package dev.orderflow.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.infra.Ports;
import dev.orderflow.infra.process.ChildProcess;
import dev.orderflow.sandbox.platform.ConsoleComponent;
import dev.orderflow.sandbox.platform.Platform;
import dev.orderflow.sandbox.platform.PlatformLayout;
import dev.orderflow.sandbox.platform.RunningPlatform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's chromium, headless) against a real platform: Kafka,
 * PostgreSQL, the registry, the provider and the four services, started once for every test, with
 * the console started the way `./orderflow up` starts it. Each test leaves a screenshot under
 * target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
    private static final Path ROOT = Path.of(System.getProperty("orderflow.home", "..")).toAbsolutePath().normalize();
    private static final Path SHOTS = Path.of("target/screenshots");
    private static final Pattern UUID_IN_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RunningPlatform platform;
    private static ChildProcess console;
    private static ChromeDriver browser;
    private static String base;

    @BeforeAll
    static void startPlatformConsoleAndBrowser() throws IOException {
        PlatformLayout layout = PlatformLayout.forTests(ROOT, Path.of("target/console-it"));
        Platform.Progress progress = (component, detail, took) -> System.out.printf("  ready %-18s %5.1f s%n", component, took.toMillis() / 1000.0);
        platform = Platform.up(layout, progress);
        int port = Ports.free();
        console = ConsoleComponent.start(platform, port, progress);
        base = ConsoleComponent.url(port);
        Files.createDirectories(SHOTS);
        browser = chromium();
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.stop();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void orderPlacedFromTheFormAppearsInTheListAndReachesShippedLiveOnItsSagaPageWithFiveEventsInCausalOrder() {
        browser.get(base + "/orders");
        // Keyboard only: Tab to the "Happy path" preset, Enter fills the form and focuses "Place order", Enter places it.
        tabTo(By.cssSelector("[data-preset][data-customer='ada'][data-sku='KB-001']")).sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("place");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        String orderId = placedOrderId();

        // The list shows it without a reload (htmx polls the rows).
        waitUpTo(Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("tr[data-order-id='" + orderId + "']")).isEmpty());
        screenshot("orders");

        browser.findElement(By.cssSelector("tr[data-order-id='" + orderId + "'] a")).click();
        waitUpTo(Duration.ofSeconds(90)).until(d -> "SHIPPED".equals(d.findElement(By.id("order-status")).getText())
                && d.findElements(By.cssSelector("#events li[data-event-type]")).size() == 5);
        List<WebElement> events = browser.findElements(By.cssSelector("#events li[data-event-type]"));
        assertThat(events).extracting(e -> e.getAttribute("data-event-type"))
                .containsExactly("OrderPlaced", "InventoryReserved", "PaymentCaptured", "ShipmentScheduled", "InventoryCommitted");
        Set<String> earlier = new HashSet<>();
        for (WebElement event : events) {
            String id = event.getAttribute("data-event-id");
            String cause = event.getAttribute("data-causation-id");
            assertThat(cause).as("the cause of %s comes before it", event.getAttribute("data-event-type"))
                    .satisfiesAnyOf(c -> assertThat(c).isEqualTo(id), c -> assertThat(earlier).contains(c));
            earlier.add(id);
        }
        assertThat(browser.findElement(By.id("story")).getText()).contains("Happy path");
        screenshot("saga");
    }

    @Test
    @Order(2)
    void customerCancellationShowsTheCompensationChainOrTheRefusedCancellationMatchingTheRestState() throws Exception {
        browser.get(base + "/orders");
        fill("customer", "ada-cancels");
        new Select(browser.findElement(By.id("sku"))).selectByValue("MS-002");
        fill("quantity", "1");
        browser.findElement(By.id("place")).click();
        String orderId = placedOrderId();
        clickOnceHtmxProcessed(By.id("cancel-placed"));
        waitUpTo(Duration.ofSeconds(20)).withMessage(() -> "#place-result reads: " + browser.findElement(By.id("place-result")).getText())
                .until(d -> d.findElement(By.id("place-result")).getText().contains("Cancellation asked"));

        browser.get(base + "/orders/" + orderId);
        waitUpTo(Duration.ofSeconds(90)).until(d -> !d.findElements(By.id("cancellation")).isEmpty()
                && !d.findElement(By.id("cancellation")).getText().contains("PENDING")
                && Set.of("SHIPPED", "CANCELLED").contains(d.findElement(By.id("order-status")).getText()));
        String rest = get(platform.url("order-service") + "/orders/" + orderId);
        String status = browser.findElement(By.id("order-status")).getText();
        assertThat(rest).contains("\"status\":\"" + status + "\"");
        String story = browser.findElement(By.id("story")).getText();
        if (status.equals("CANCELLED")) {
            assertThat(rest).contains("\"outcome\":\"CANCELLED\"");
            assertThat(browser.findElement(By.id("cancellation")).getText()).contains("CANCELLED");
            assertThat(story).contains("won the race");
            // The compensation chain, highlighted: the shipment cancelled and the stock released.
            waitUpTo(Duration.ofSeconds(30)).until(d -> compensations().containsAll(List.of("ShipmentCancelled", "InventoryReleased")));
        } else {
            assertThat(rest).contains("\"outcome\":\"REFUSED\"");
            assertThat(browser.findElement(By.id("cancellation")).getText()).contains("REFUSED");
            assertThat(story).contains("too late");
            assertThat(compensations()).isEmpty();
        }
        screenshot("saga-cancelled");
    }

    @Test
    @Order(3)
    void poisonRecordAppearsOnTheDeadLetterPageAndReplayFromThePageRepublishesItOnceUnderItsEventId() throws Exception {
        browser.get(base + "/break");
        browser.findElement(By.id("poison")).click();
        waitUpTo(Duration.ofSeconds(20)).until(d -> d.findElement(By.id("fault-result")).getText().contains("event id"));
        List<String> ids = uuids(browser.findElement(By.id("fault-result")).getText());
        String eventId = ids.get(0);
        String orderId = ids.get(1);

        // inventory, payment and shipping consume orders.events: each dead-letters the poison once.
        By rows = By.cssSelector("tr[data-event-id='" + eventId + "']");
        waitUpTo(Duration.ofSeconds(60)).until(d -> {
            d.get(base + "/dead-letters");
            return d.findElements(rows).size() == 3;
        });
        assertThat(browser.findElements(rows)).allSatisfy(row -> assertThat(row.getText()).contains("PERMANENT"));
        screenshot("dead-letters");

        browser.findElement(rows).findElement(By.tagName("a")).click();
        assertThat(browser.findElement(By.id("payload")).getText()).contains("poison from the orderflow console");
        assertThat(browser.findElement(By.id("reason")).getText()).isNotBlank();
        browser.findElement(By.id("replay")).click();
        waitUpTo(Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("confirm-replay")).isEmpty());
        screenshot("dead-letter-confirm");
        clickOnceHtmxProcessed(By.id("confirm-replay"));
        waitUpTo(Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("replayed-to")).isEmpty());
        assertThat(browser.findElement(By.id("replayed-to")).getText()).startsWith("orders.events-");

        // Published once more under its original ce_id; still poison, so each consumer dead-letters it
        // again and nothing is half-applied: order-service has no such order.
        waitUpTo(Duration.ofSeconds(60)).until(d -> "2".equals(d.findElement(By.id("on-topic")).getText())
                && "6".equals(d.findElement(By.id("dead-lettered")).getText()));
        assertThat(browser.findElement(By.id("replayed-order-status")).getText()).isEqualTo("no such order at order-service");
        assertThat(status(platform.url("order-service") + "/orders/" + orderId)).isEqualTo(404);
        screenshot("dead-letter-replayed");
    }

    @Test
    @Order(4)
    void deadLetterLeftByARefusedApiKeyIsReplayedFromThePageAfterTheFixAndAppliedOnceTheOrderShipsWithOneCharge() throws Exception {
        String orderId;
        By row;
        try {
            setProviderFromThePage("0", "1");
            browser.get(base + "/orders");
            fill("customer", "ada-replays");
            new Select(browser.findElement(By.id("sku"))).selectByValue("KB-001");
            fill("quantity", "1");
            browser.findElement(By.id("place")).click();
            orderId = placedOrderId();

            // payment-service got 401 for the capture: permanent, so it dead-lettered the reservation at once.
            row = By.cssSelector("tr[data-subject='" + orderId + "']");
            waitUpTo(Duration.ofSeconds(90)).until(d -> {
                d.get(base + "/dead-letters");
                return !d.findElements(row).isEmpty();
            });
            assertThat(browser.findElements(row)).singleElement().satisfies(r -> assertThat(r.getText())
                    .contains("InventoryReserved", "payment-service", "PERMANENT", "401"));
            assertThat(get(platform.url("order-service") + "/orders/" + orderId)).contains("\"status\":\"RESERVED\"");
        } finally {
            setProviderFromThePage("0", "0");
        }

        // The key is fixed: replay the dead letter from its page.
        browser.get(base + "/dead-letters");
        browser.findElement(row).findElement(By.tagName("a")).click();
        assertThat(browser.findElement(By.id("reason")).getText()).contains("401");
        browser.findElement(By.id("replay")).click();
        clickOnceHtmxProcessed(By.id("confirm-replay"));
        waitUpTo(Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("replayed-to")).isEmpty());
        assertThat(browser.findElement(By.id("replayed-to")).getText()).startsWith("inventory.events-");

        // Applied once where it was dead-lettered (payment captures, the saga ends SHIPPED); order-service,
        // which had applied it, skips it as a duplicate; no second dead letter.
        // The panel counts records from the console's own consumer, which may trail order-service's answer.
        waitUpTo(Duration.ofSeconds(90)).withMessage(() -> "shown: order " + browser.findElement(By.id("replayed-order-status")).getText()
                        + ", on topic " + browser.findElement(By.id("on-topic")).getText())
                .until(d -> "SHIPPED".equals(d.findElement(By.id("replayed-order-status")).getText())
                        && "2".equals(d.findElement(By.id("on-topic")).getText()));
        assertThat(browser.findElement(By.id("dead-lettered")).getText()).isEqualTo("1");
        assertThat(get(platform.url("order-service") + "/orders/" + orderId)).contains("\"status\":\"SHIPPED\"");
        JsonNode charges = new ObjectMapper().readTree(get(platform.endpoints().get(PlatformLayout.PROVIDER) + "/v1/charges?reference=" + orderId))
                .path("charges");
        assertThat(charges).as("the provider's ledger for order %s", orderId).hasSize(1);
        assertThat(charges.get(0).path("status").asText()).isEqualTo("captured");
        screenshot("dead-letter-applied");
    }

    @Test
    @Order(5)
    void everyPageLoadsWithNoConsoleErrorsAndNoFailedRequests() throws Exception {
        String anOrder = uuids(get(platform.url("order-service") + "/orders?limit=1")).get(0);
        browser.get(base + "/dead-letters");
        String aDeadLetter = browser.findElement(By.cssSelector("tr[data-reference]")).getAttribute("data-reference");
        browser.manage().logs().get(LogType.BROWSER); // drop what earlier tests logged
        List<String> pages = List.of("/orders", "/orders/" + anOrder, "/services", "/dead-letters", "/dead-letters/" + aDeadLetter, "/break",
                "/learn", "/learn/docs/transactional-outbox", "/learn/docs/payment-service");
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            browser.get(base + page);
            // Two polling rounds of the live fragments (every 2 s).
            Thread.sleep(4500);
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                problems.add(page + ": " + entry.getLevel() + " " + entry.getMessage());
            }
        }
        assertThat(problems).isEmpty();
        browser.get(base + "/services");
        Thread.sleep(2500);
        screenshot("services");
        browser.get(base + "/break");
        screenshot("break");
        browser.get(base + "/learn");
        screenshot("learn");

        // Phone width: the saga page still reads top to bottom.
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(base + "/orders/" + anOrder);
            Thread.sleep(1000);
            assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
            screenshot("saga-phone");
            browser.get(base + "/learn");
            assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 800));
        }
    }

    @Test
    @Order(6)
    void shortChaosRunStartedFromThePageEndsWithTheVerdictOfTheCliChecker() throws Exception {
        browser.get(base + "/break");
        new Select(browser.findElement(By.id("scenario"))).selectByValue("duplicate-delivery");
        fill("orders", "10");
        fill("seed", "7");
        fill("duration", "10");
        browser.findElement(By.id("start-run")).click();
        waitUpTo(Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("verdict")).isEmpty());
        // The panel replaces itself every 2 s while the run goes on: look it up afresh each time.
        waitUpTo(Duration.ofMinutes(8)).until(d -> !"RUNNING".equals(d.findElement(By.id("run-panel")).getAttribute("data-verdict")));
        String shown = browser.findElement(By.id("verdict")).getText();
        String outDir = browser.findElement(By.cssSelector("#run-panel .hint code")).getText();
        assertThat(Path.of(outDir).resolve("summary.txt")).as("the CLI wrote its summary; its output:%n%s",
                Files.isRegularFile(Path.of(outDir).resolve("cli.log")) ? Files.readString(Path.of(outDir).resolve("cli.log")) : "(none)")
                .isRegularFile();
        String summary = Files.readString(Path.of(outDir).resolve("summary.txt"));
        String cliVerdict = summary.lines().filter(l -> l.startsWith("verdict:")).findFirst().orElseThrow()
                .substring("verdict:".length()).trim().split("\\s+")[0];
        assertThat(shown).isEqualTo(cliVerdict).isEqualTo("VALID");
        assertThat(browser.findElement(By.id("anomalies")).getText()).contains("none");
        screenshot("break-verdict");
    }

    @Test
    @Order(7)
    void labRunFromTheLearnPageShowsBothOutcomesAndTheVerdictTheLabItselfReported() throws Exception {
        browser.get(base + "/learn");
        assertThat(browser.findElements(By.cssSelector("section.pattern"))).hasSize(7);
        assertThat(browser.findElement(By.id("no-lab-inbox")).getText()).contains("ConsumerOrderingTest");
        assertThat(browser.findElements(By.id("run-poison"))).as("failure classification has its lab").hasSize(1);
        // The docs link opens the pattern's page, served by the console.
        browser.findElement(By.id("doc-outbox")).click();
        assertThat(browser.findElement(By.cssSelector("article.doc h1")).getText()).isEqualTo("Transactional outbox (and its relay)");
        browser.navigate().back();

        // Keyboard only: Tab to the schema lab's button (the quickest lab: no service restarts), Enter runs it.
        tabTo(By.id("run-schema")).sendKeys(Keys.ENTER);
        waitUpTo(Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("lab-panel")).isEmpty());
        // The panel replaces itself every 2 s until the CLI exits.
        waitUpTo(Duration.ofMinutes(6)).until(d -> !d.findElement(By.id("lab-panel")).getAttribute("data-exit").isEmpty());
        String outDir = browser.findElement(By.id("lab-out")).getText();
        Path resultFile = Path.of(outDir).resolve("result.json");
        assertThat(resultFile).as("the lab wrote its result; its output:%n%s", Files.isRegularFile(Path.of(outDir).resolve("cli.log"))
                ? Files.readString(Path.of(outDir).resolve("cli.log")) : "(none)").isRegularFile();
        JsonNode result = new ObjectMapper().readTree(resultFile.toFile());
        JsonNode lab = result.path("labs").get(0);
        assertThat(lab.path("pattern").asText()).isEqualTo("schema");

        // The page's verdict is the lab's own: its result, and the exit status that goes with it.
        String verdict = browser.findElement(By.id("lab-verdict")).getText();
        String exit = browser.findElement(By.id("lab-exit")).getText();
        assertThat(verdict).isEqualTo(lab.path("passed").asBoolean() ? "PASSED" : lab.path("damageShown").asBoolean() ? "FAILED" : "INCONCLUSIVE");
        assertThat(exit).isEqualTo(result.path("passed").asBoolean() ? "0" : "1");
        assertThat(verdict).isEqualTo("PASSED");
        assertThat(browser.findElement(By.id("lab-verdict-text")).getText()).isEqualTo(lab.path("verdict").asText());

        // Both outcomes side by side, line for line as the lab reported them.
        assertThat(texts(By.cssSelector("#lab-naive li"))).containsExactlyElementsOf(strings(lab.at("/naive/evidence")));
        assertThat(texts(By.cssSelector("#lab-patterns li"))).containsExactlyElementsOf(strings(lab.at("/patterns/evidence")));
        assertThat(browser.findElement(By.id("lab-naive")).getRect().getY())
                .as("at 1280 px the two outcomes sit side by side").isEqualTo(browser.findElement(By.id("lab-patterns")).getRect().getY());
        browser.executeScript("document.getElementById('lab-title').scrollIntoView()");
        screenshot("learn-lab");
    }

    private static List<String> texts(By selector) {
        return browser.findElements(selector).stream().map(WebElement::getText).toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static ChromeDriver chromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // As root, headless, and without the background connections the closed network refuses (INFRA-NOTES).
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,800", "--user-data-dir=" + Files.createTempDirectory("console-it-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.WARNING);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private static WebElement tabTo(By target) {
        WebElement wanted = browser.findElement(target);
        for (int i = 0; i < 30; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            if (browser.switchTo().activeElement().equals(wanted)) {
                return wanted;
            }
        }
        throw new AssertionError("Tab never reached " + target);
    }

    /** The provider form on the Break page: no other fault, this 503 rate and this 401 rate. */
    private static void setProviderFromThePage(String errorRate, String unauthorizedRate) {
        browser.get(base + "/break");
        fill("errorRate", errorRate);
        fill("latencyMs", "0");
        fill("chargeThenTimeoutRate", "0");
        fill("unauthorizedRate", unauthorizedRate);
        browser.findElement(By.id("set-provider")).click();
        String expected = "\"unauthorizedRate\":" + Double.parseDouble(unauthorizedRate);
        waitUpTo(Duration.ofSeconds(20)).withMessage(() -> "#fault-result reads: " + browser.findElement(By.id("fault-result")).getText())
                .until(d -> d.findElement(By.id("fault-result")).getText().contains(expected));
    }

    private static String placedOrderId() {
        waitUpTo(Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("#place-result a")).isEmpty());
        String href = browser.findElement(By.cssSelector("#place-result a")).getAttribute("href");
        return href.substring(href.lastIndexOf('/') + 1);
    }

    private static List<String> compensations() {
        return browser.findElements(By.cssSelector("#events li.compensation")).stream().map(e -> e.getAttribute("data-event-type")).toList();
    }

    private static void fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private static List<String> uuids(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = UUID_IN_TEXT.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    /**
     * htmx binds hx-* handlers to swapped-in content in a settle task (20 ms after the swap, later under load) and
     * marks it htmx-added until then: a click before that lands on a button with no handler and is lost.
     */
    private static void clickOnceHtmxProcessed(By target) {
        waitUpTo(Duration.ofSeconds(20)).withMessage(() -> target + " never left htmx-added").until(d -> {
            List<WebElement> found = d.findElements(target);
            return !found.isEmpty() && Boolean.TRUE.equals(((JavascriptExecutor) d)
                    .executeScript("return arguments[0].closest('.htmx-added') === null", found.get(0)));
        });
        browser.findElement(target).click();
    }

    private static WebDriverWait waitUpTo(Duration timeout) {
        // Live fragments replace themselves every 2 s: an element found a moment ago may be gone.
        return (WebDriverWait) new WebDriverWait(browser, timeout, Duration.ofMillis(250)).ignoring(StaleElementReferenceException.class);
    }

    private static void screenshot(String name) {
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int status(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
