package dev.orderflow.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.console.deadletters.DeadLetters;
import dev.orderflow.console.events.EventLog;
import dev.orderflow.console.platform.PlatformClient;
import dev.orderflow.messaging.deadletter.DeadLetterRecord;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Page 4: dead letters, one decoded with its headers, replay with a confirmation, then what the replay did. */
@Path("/dead-letters")
@Produces(MediaType.TEXT_HTML)
public class DeadLettersResource {
    private static final Pattern REFERENCE = Pattern.compile("[a-z.]+\\.dlq:\\d+:\\d+");
    private final DeadLetters deadLetters;
    private final EventLog events;
    private final PlatformClient platform;
    private final Template list;
    private final Template letter;
    private final Template confirm;
    private final Template after;
    private final Template notice;

    DeadLettersResource(DeadLetters deadLetters, EventLog events, PlatformClient platform,
            @Location("dead-letters.html") Template list, @Location("dead-letter.html") Template letter,
            @Location("dead-letter-confirm.html") Template confirm, @Location("dead-letter-after.html") Template after,
            @Location("notice.html") Template notice) {
        this.deadLetters = deadLetters;
        this.events = events;
        this.platform = platform;
        this.list = list;
        this.letter = letter;
        this.confirm = confirm;
        this.after = after;
        this.notice = notice;
    }

    /** What happened to the event after a replay, as the topics and order-service show it. */
    public record Outcome(String eventId, String topic, long onTopic, long deadLettered, String orderId, String orderStatus) {}

    @GET
    public TemplateInstance list() {
        return list.data("page", "dead-letters").data("letters", deadLetters.list());
    }

    @GET
    @Path("{reference}")
    public TemplateInstance letter(@PathParam("reference") String reference) {
        DeadLetters.Letter found = deadLetters.find(checked(reference)).orElseThrow(() -> new NotFoundException("no dead letter " + reference));
        return letter.data("page", "dead-letters").data("letter", found.record()).data("payload", found.payload());
    }

    @GET
    @Path("{reference}/confirm")
    public TemplateInstance confirm(@PathParam("reference") String reference) {
        DeadLetterRecord found = deadLetters.find(checked(reference)).orElseThrow(() -> new NotFoundException("no dead letter " + reference)).record();
        return confirm.data("letter", found);
    }

    @POST
    @Path("{reference}/replay")
    public TemplateInstance replay(@PathParam("reference") String reference) {
        DeadLetterRecord found = deadLetters.find(checked(reference)).orElseThrow(() -> new NotFoundException("no dead letter " + reference)).record();
        String sentTo = deadLetters.replay(reference).orElseThrow(() -> new NotFoundException("no dead letter " + reference));
        return after.data("replayedTo", sentTo).data("letter", found).data("outcome", outcome(found));
    }

    @GET
    @Path("{reference}/after")
    public TemplateInstance after(@PathParam("reference") String reference) {
        DeadLetterRecord found = deadLetters.find(checked(reference)).orElseThrow(() -> new NotFoundException("no dead letter " + reference)).record();
        return after.data("replayedTo", null).data("letter", found).data("outcome", outcome(found));
    }

    private Outcome outcome(DeadLetterRecord letter) {
        String eventId = letter.eventId();
        long onTopic = events.eventsOf(letter.key() == null ? "" : letter.key()).stream()
                .filter(e -> eventId != null && eventId.equals(e.id()) && e.topic().equals(letter.originalTopic())).count();
        List<DeadLetterRecord> all = deadLetters.list();
        long deadLettered = all.stream().filter(l -> eventId != null && eventId.equals(l.eventId())).count();
        String orderStatus = "no such order at order-service";
        String orderId = null;
        try {
            UUID id = UUID.fromString(letter.key());
            orderId = id.toString();
            JsonNode order = platform.order(id);
            if (order != null) {
                orderStatus = order.path("status").asText();
            }
        } catch (IllegalArgumentException | NullPointerException notAnOrder) {
            orderStatus = "the key is not an order id";
        }
        return new Outcome(eventId, letter.originalTopic(), onTopic, deadLettered, orderId, orderStatus);
    }

    private static String checked(String reference) {
        if (!REFERENCE.matcher(reference).matches()) {
            throw new NotFoundException("not a dead letter reference: " + reference);
        }
        return reference;
    }
}
