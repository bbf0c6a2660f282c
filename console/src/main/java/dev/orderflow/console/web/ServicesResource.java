package dev.orderflow.console.web;

import dev.orderflow.console.health.ServiceMonitor;
import dev.orderflow.console.health.ServiceSample;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Page 3: each service's readiness, outbox, relay, inbox, dead letters and consumer lag, with sparklines. */
@Path("/services")
@Produces(MediaType.TEXT_HTML)
public class ServicesResource {
    private final ServiceMonitor monitor;
    private final Template services;
    private final Template panel;

    ServicesResource(ServiceMonitor monitor, @Location("services.html") Template services,
            @Location("services-panel.html") Template panel) {
        this.monitor = monitor;
        this.services = services;
        this.panel = panel;
    }

    /** A service card: the latest numbers and the series its sparklines draw. */
    public record Card(ServiceSample sample, String pending, String oldestAge, String applied, String duplicates, String stale,
            String parked, String deadLetters, String published, Map<String, Long> lag, String sparkJson) {}

    @GET
    public TemplateInstance page() {
        return services.data("page", "services").data("cards", cards());
    }

    @GET
    @Path("panel")
    public TemplateInstance panel() {
        return panel.data("cards", cards());
    }

    private List<Card> cards() {
        return monitor.latest().stream().map(s -> new Card(s, count(s.metric("orderflow_outbox_pending")),
                String.format(Locale.ROOT, "%.1f s", s.metric("orderflow_outbox_oldest_age_seconds")),
                count(s.metric("orderflow_inbox_applied_total")), count(s.metric("orderflow_inbox_duplicates_total")),
                count(s.metric("orderflow_inbox_stale_total")), count(s.metric("orderflow_inbox_parked_total")),
                count(s.metric("orderflow_dead_letters_total")), count(s.metric("orderflow_outbox_published_total")),
                s.lag(), spark(monitor.history(s.service())))).toList();
    }

    /** uPlot's column format: [times in s, outbox pending, applied per sample, total lag]. */
    private static String spark(List<ServiceSample> history) {
        StringBuilder t = new StringBuilder("[");
        StringBuilder pending = new StringBuilder("[");
        StringBuilder applied = new StringBuilder("[");
        StringBuilder lag = new StringBuilder("[");
        ServiceSample previous = null;
        for (ServiceSample s : history) {
            String comma = t.length() > 1 ? "," : "";
            t.append(comma).append(s.at().getEpochSecond());
            pending.append(comma).append((long) s.metric("orderflow_outbox_pending"));
            double delta = previous == null ? 0 : Math.max(0, s.metric("orderflow_inbox_applied_total") - previous.metric("orderflow_inbox_applied_total"));
            applied.append(comma).append((long) delta);
            lag.append(comma).append(s.totalLag());
            previous = s;
        }
        return "[" + t + "]," + pending + "]," + applied + "]," + lag + "]]";
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%,d", (long) value);
    }
}
