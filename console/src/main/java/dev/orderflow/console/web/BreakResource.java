package dev.orderflow.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.console.chaos.ChaosRun;
import dev.orderflow.console.chaos.ChaosRuns;
import dev.orderflow.console.chaos.ChaosTimeline;
import dev.orderflow.console.chaos.SingleFaults;
import dev.orderflow.console.platform.PlatformClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Page 5: a chaos run (the CLI's) or a single fault, watched live, then the checker's verdict. */
@Path("/break")
@Produces(MediaType.TEXT_HTML)
public class BreakResource {
    private static final Pattern UUID_IN_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private final ChaosRuns runs;
    private final SingleFaults faults;
    private final PlatformClient platform;
    private final ObjectMapper json;
    private final Template page;
    private final Template runPanel;
    private final Template notice;

    BreakResource(ChaosRuns runs, SingleFaults faults, PlatformClient platform, ObjectMapper json,
            @Location("break.html") Template page, @Location("chaos-run.html") Template runPanel,
            @Location("notice.html") Template notice) {
        this.runs = runs;
        this.faults = faults;
        this.platform = platform;
        this.json = json;
        this.page = page;
        this.runPanel = runPanel;
        this.notice = notice;
    }

    /** An anomaly line with the order ids in it made links. */
    public record Anomaly(List<Part> parts) {}

    public record Part(String text, String orderId) {}

    @GET
    public TemplateInstance page() {
        PlatformClient.Reply provider = platform.providerFaults();
        return page.data("page", "break").data("scenarios", ChaosRuns.SCENARIOS.stream().sorted().toList())
                .data("provider", providerText(provider))
                .data("run", runs.latest().orElse(null));
    }

    @POST
    @Path("runs")
    public TemplateInstance start(@FormParam("scenario") String scenario, @FormParam("orders") @DefaultValue("20") int orders,
            @FormParam("seed") @DefaultValue("1") long seed, @FormParam("mode") String mode,
            @FormParam("duration") @DefaultValue("30") int duration) {
        try {
            ChaosRun run = runs.start(new ChaosRuns.Request(scenario, orders, seed, mode, duration));
            return panel(run);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return notice.data("kind", "error").data("text", refused.getMessage()).data("link", null);
        }
    }

    @GET
    @Path("runs/latest")
    public TemplateInstance latest() {
        return runs.latest().map(this::panel)
                .orElseGet(() -> notice.data("kind", "info").data("text", "No chaos run yet.").data("link", null));
    }

    @POST
    @Path("faults/poison")
    public TemplateInstance poison() {
        SingleFaults.Poison poison = faults.poisonOrderPlaced();
        return notice.data("kind", "ok").data("text", "Published a poison OrderPlaced to " + poison.topic() + " (event id "
                + poison.eventId() + ", order " + poison.orderId() + "). Every consumer of the topic dead-letters it:")
                .data("link", "/dead-letters");
    }

    @POST
    @Path("faults/provider")
    public TemplateInstance provider(@FormParam("errorRate") @DefaultValue("0") double errorRate,
            @FormParam("latencyMs") @DefaultValue("0") long latencyMs,
            @FormParam("chargeThenTimeoutRate") @DefaultValue("0") double chargeThenTimeoutRate,
            @FormParam("unauthorizedRate") @DefaultValue("0") double unauthorizedRate) {
        PlatformClient.Reply reply = faults.providerFaults(errorRate, latencyMs, chargeThenTimeoutRate, unauthorizedRate);
        return notice.data("kind", reply.ok() ? "ok" : "error")
                .data("text", (reply.ok() ? "The payment provider now answers with: " : "The provider refused (HTTP " + reply.status() + "): ")
                        + reply.body())
                .data("link", null);
    }

    private TemplateInstance panel(ChaosRun run) {
        ChaosTimeline.Series series = ChaosTimeline.read(run.cli().outDir().resolve("history.jsonl"));
        String chart;
        try {
            chart = json.writeValueAsString(Map.of("x", series.seconds(), "rate", series.placedPerSecond(),
                    "latency", series.meanLatencyMs(), "faults", series.faults()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            chart = "{}";
        }
        List<Anomaly> anomalies = run.anomalies().stream().map(BreakResource::linked).toList();
        return runPanel.data("run", run).data("chart", chart).data("series", series).data("anomalies", anomalies)
                .data("lines", run.cli().lastLines(14));
    }

    private String providerText(PlatformClient.Reply reply) {
        JsonNode settings = reply.ok() ? platform.parse(reply.body()) : null;
        if (settings == null) {
            return "the provider did not answer (HTTP " + reply.status() + ")";
        }
        return "error rate " + settings.path("errorRate").asText() + ", latency " + settings.path("latencyMs").asText()
                + " ms, charge-then-timeout rate " + settings.path("chargeThenTimeoutRate").asText()
                + ", API key refused (401) rate " + settings.path("unauthorizedRate").asText();
    }

    static Anomaly linked(String line) {
        List<Part> parts = new ArrayList<>();
        Matcher ids = UUID_IN_TEXT.matcher(line);
        int at = 0;
        while (ids.find()) {
            parts.add(new Part(line.substring(at, ids.start()), null));
            parts.add(new Part(ids.group(), ids.group()));
            at = ids.end();
        }
        parts.add(new Part(line.substring(at), null));
        return new Anomaly(parts);
    }
}
