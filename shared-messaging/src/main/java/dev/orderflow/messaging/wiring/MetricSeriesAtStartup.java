package dev.orderflow.messaging.wiring;

import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.EventDescriptor;
import dev.orderflow.messaging.consumer.EventHandler;
import dev.orderflow.messaging.metrics.MessagingMetrics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * A counter Micrometer creates on its first increment is absent from {@code /q/metrics} until then,
 * and {@code increase()} over a series that appears at 1 stays 0: the first dead letter would never
 * alert. So every documented series is registered at 0 when the service starts, for each consumer
 * (the {@link EventHandler} beans), each topic its Kafka channels read and each known reason.
 */
@ApplicationScoped
class MetricSeriesAtStartup {
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

    void register(@Observes StartupEvent started, MessagingMetrics metrics, Config config, @Any Instance<EventHandler> handlers) {
        metrics.registerOutboxSeries(EventCatalog.all().stream().map(EventDescriptor::type).toList());
        Set<String> topics = incomingTopics(config);
        handlers.forEach(handler -> metrics.registerConsumerSeries(handler.consumer(), topics));
    }

    /** The topics of every Kafka {@code @Incoming} channel: its {@code topics} list, else its {@code topic}, else the channel's name. */
    static Set<String> incomingTopics(Config config) {
        Set<String> topics = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher channel = INCOMING.matcher(name);
            if (channel.matches() && "smallrye-kafka".equals(config.getOptionalValue(name, String.class).orElse(""))) {
                String prefix = "mp.messaging.incoming." + channel.group(1);
                String named = config.getOptionalValue(prefix + ".topics", String.class)
                        .or(() -> config.getOptionalValue(prefix + ".topic", String.class))
                        .orElse(channel.group(1));
                for (String topic : named.split(",")) {
                    topics.add(topic.trim());
                }
            }
        }
        return topics;
    }
}
