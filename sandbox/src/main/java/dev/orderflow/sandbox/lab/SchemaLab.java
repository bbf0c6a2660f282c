package dev.orderflow.sandbox.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.kiota.ApiException;
import dev.orderflow.events.AvroCodec;
import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.EventDescriptor;
import dev.orderflow.events.Topics;
import dev.orderflow.events.order.v1.Address;
import dev.orderflow.events.order.v1.Money;
import dev.orderflow.events.order.v1.OrderLine;
import dev.orderflow.events.order.v1.OrderPlaced;
import dev.orderflow.events.schema.CompatibilityRule;
import dev.orderflow.events.schema.CompatibilityViolation;
import dev.orderflow.events.schema.SchemaCompatibilityGate;
import dev.orderflow.events.schema.SchemaHistory;
import dev.orderflow.events.schema.SchemaRevision;
import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.envelope.MessagingHeaders;
import dev.orderflow.messaging.registry.ApicurioSchemas;
import dev.orderflow.messaging.registry.RegistrySettings;
import dev.orderflow.messaging.registry.SchemaRefusedException;
import dev.orderflow.sandbox.demo.EventReader;
import io.apicurio.registry.rest.client.RegistryClient;
import io.apicurio.registry.client.RegistryClientFactory;
import io.apicurio.registry.rest.client.models.CreateRule;
import io.apicurio.registry.rest.client.models.RuleType;
import io.apicurio.registry.client.common.RegistryClientOptions;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code schema}: a producer ships a breaking revision of {@code OrderPlaced} v1 (the required
 * {@code customerId} renamed {@code buyerId}). Without the rule (the build gate skipped, the
 * registry group's compatibility rule deleted) the registry takes it, the event is published, and
 * every consumer still on revision 2 dead-letters it. With the rule the gate and the registry both
 * refuse it and nothing is published. No service restarts: the lab is the producer.
 */
final class SchemaLab implements Lab {
    private static final String TYPE = dev.orderflow.events.EventTypes.ORDER_PLACED_V1;
    private static final String RENAMED = "customerId";
    private static final String RENAMED_TO = "buyerId";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEAD_LETTER_BOUND = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public String summary() {
        return "a breaking schema change: refused at the build gate and at the registry, or dead-lettered by consumers";
    }

    @Override
    public LabResult run(LabBench bench, long seed) throws InterruptedException {
        String url = bench.platform().infra().registry()
                .orElseThrow(() -> new IllegalStateException("the schema lab needs the platform's schema registry")).apiUrl();
        RegistrySettings settings = RegistrySettings.of(url);
        EventDescriptor<?> contract = EventCatalog.require(TYPE);
        List<SchemaRevision> history = SchemaHistory.of(contract);
        OrderPlaced sample = sample("lab-schema-" + seed);
        byte[] avro = AvroCodec.encode(sample);
        RegistryClient client = RegistryClientFactory.create(RegistryClientOptions.create(url));
        try (ApicurioSchemas schemas = ApicurioSchemas.connect(settings);
                KafkaProducer<String, byte[]> producer = producer(bench)) {
            // The current revision first: the project's own registration (group rule, history) is done.
            schemas.serialize(Topics.ORDERS, TYPE, history.getLast().schema(), avro);

            // The rule's half runs first: the registry finds a schema by its canonical form (docs
            // aside), so once the naive half registered the breaking schema it would be found, not judged.
            bench.step("compatibility rule ON (%s): the gate runs, the registry group has the rule",
                    CompatibilityRule.PROJECT_RULE);
            Schema candidate = breaking(history);
            List<CompatibilityViolation> violations = new SchemaCompatibilityGate(CompatibilityRule.PROJECT_RULE)
                    .checkCandidate("OrderPlaced v1", new SchemaRevision(history.size() + 1, candidate, "lab"), history);
            Phase pattern = publish(bench, schemas, producer, candidate, violations);

            bench.step("compatibility rule OFF: the build gate is skipped and the registry group's rule deleted");
            rule(client, settings.group(), false);
            Phase naive;
            try {
                naive = publish(bench, schemas, producer, candidate, null);
            } finally {
                rule(client, settings.group(), true);
            }

            boolean damageShown = naive.refusal() == null && !naive.deadLetters().isEmpty();
            boolean prevented = !violations.isEmpty() && pattern.refusal() != null && pattern.published() == 0
                    && pattern.deadLetters().isEmpty();
            return new LabResult(name(),
                    new LabResult.Half("without the compatibility rule (gate skipped, registry rule deleted):", naive.evidence()),
                    new LabResult.Half("with the rule (" + CompatibilityRule.PROJECT_RULE + ", gate and registry):", pattern.evidence()),
                    damageShown, prevented);
        }
    }

    /** One half: the gate's verdict (null when skipped), the registry's refusal (null when it took the schema), what reached consumers. */
    private record Phase(String orderId, List<CompatibilityViolation> gate, String refusal, int published, List<DeadLetter> deadLetters) {
        List<String> evidence() {
            List<String> lines = new ArrayList<>();
            lines.add("OrderPlaced v1 revision " + "with '" + RENAMED + "' renamed '" + RENAMED_TO + "', for order " + orderId);
            lines.add(gate == null ? "build gate: not run"
                    : "build gate: refused, " + gate.size() + " violation(s), e.g. " + gate.stream()
                            .filter(v -> v.describe().contains("'" + RENAMED + "'")).findFirst().orElse(gate.getFirst()).describe());
            lines.add(refusal == null ? "registry: registered it as a new version of " + TYPE : "registry: refused it - " + refusal);
            lines.add(published + " event(s) published on " + Topics.ORDERS);
            if (deadLetters.isEmpty()) {
                lines.add("nothing dead-lettered");
            } else {
                lines.add(deadLetters.size() + " consumer(s) could not read it, dead-lettered by "
                        + String.join(", ", deadLetters.stream().map(DeadLetter::service).toList()));
                lines.add("reason: ..." + tail(deadLetters.getFirst().reason(), 160));
            }
            return lines;
        }
    }

    private static Phase publish(LabBench bench, ApicurioSchemas schemas, KafkaProducer<String, byte[]> producer, Schema writer,
                                 List<CompatibilityViolation> gate) throws InterruptedException {
        String orderId = UUID.randomUUID().toString();
        byte[] avro = AvroCodec.encode(sample(orderId)); // a rename leaves the binary encoding as it was
        byte[] framed;
        try {
            framed = schemas.serialize(Topics.ORDERS, TYPE, writer, avro);
        } catch (SchemaRefusedException refused) {
            bench.step("the registry refused the breaking schema; order %s is not published", orderId);
            return new Phase(orderId, gate, firstLine(refused.getMessage()), 0, deadLetters(bench, orderId, Duration.ofSeconds(3)));
        }
        // As order-service, the topic's producer: from any other source consumers refuse the record before they decode it,
        // and the naive half would show that check, not the schema.
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), TYPE, Topics.producerSource(Topics.ORDERS).orElseThrow(), orderId,
                Instant.now(), 1, orderId, null, null, CloudEventHeaders.AVRO_BINARY);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ORDERS, orderId, framed);
        envelope.toHeaders().forEach((key, value) -> record.headers().add(key, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not publish the lab's OrderPlaced: " + e.getCause(), e.getCause());
        }
        bench.step("published OrderPlaced %s for order %s with the breaking schema", envelope.id(), orderId);
        return new Phase(orderId, gate, null, 1, deadLetters(bench, orderId, DEAD_LETTER_BOUND));
    }

    /** A dead letter: the service that gave up on the event, and why. */
    private record DeadLetter(String service, String reason) {}

    /** Dead letters of the order on orders.events' dead-letter topic. */
    private static List<DeadLetter> deadLetters(LabBench bench, String orderId, Duration bound) {
        return bench.events()
                .readUntilQuiet(List.of(Topics.deadLetterTopicOf(Topics.ORDERS)), orderId, Duration.ofSeconds(3), bound)
                .stream().map(SchemaLab::describe).sorted(Comparator.comparing(DeadLetter::service)).toList();
    }

    private static DeadLetter describe(EventReader.ReceivedEvent letter) {
        return new DeadLetter(letter.header(MessagingHeaders.DEAD_LETTER_SERVICE), String.valueOf(letter.header(MessagingHeaders.DEAD_LETTER_REASON)));
    }

    private static String tail(String text, int length) {
        return text.length() > length ? text.substring(text.length() - length) : text;
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** The last released revision with the required field renamed. */
    private static Schema breaking(List<SchemaRevision> history) {
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(history.getLast().schema().toString());
            schema.withArray("fields").forEach(field -> {
                if (RENAMED.equals(field.path("name").asText())) {
                    ((ObjectNode) field).put("name", RENAMED_TO);
                }
            });
            return new Schema.Parser().parse(JSON.writeValueAsString(schema));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the released OrderPlaced schema is JSON", e);
        }
    }

    /** Deletes the group's compatibility rule, or sets it to the project's rule again. */
    private static void rule(RegistryClient client, String group, boolean on) {
        var rules = client.groups().byGroupId(group).rules();
        if (!on) {
            try {
                rules.byRuleType(RuleType.COMPATIBILITY.getValue()).delete();
            } catch (ApiException absent) {
                if (absent.getResponseStatusCode() != 404) {
                    throw absent;
                }
            }
            return;
        }
        CreateRule create = new CreateRule();
        create.setRuleType(RuleType.COMPATIBILITY);
        create.setConfig(CompatibilityRule.PROJECT_RULE.name());
        rules.post(create);
    }

    private static OrderPlaced sample(String orderId) {
        return OrderPlaced.newBuilder()
                .setOrderId(orderId)
                .setCustomerId("lab-schema")
                .setLines(List.of(OrderLine.newBuilder().setSku("SKU-LAB").setQuantity(1).setUnitPrice(new BigDecimal("10.00")).build()))
                .setTotal(Money.newBuilder().setAmount(new BigDecimal("10.00")).setCurrency("EUR").build())
                .setShippingAddress(Address.newBuilder().setName("Ada").setStreet("1 Way").setCity("London")
                        .setPostalCode("N1").setCountry("GB").build())
                .setPlacedAt(Instant.now())
                .build();
    }

    private static KafkaProducer<String, byte[]> producer(LabBench bench) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.platform().infra().kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "orderflow-lab-schema");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
