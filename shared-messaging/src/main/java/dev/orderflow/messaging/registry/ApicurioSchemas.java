package dev.orderflow.messaging.registry;

import dev.orderflow.events.AvroCodec;
import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.EventDescriptor;
import dev.orderflow.events.UndecodablePayload;
import dev.orderflow.events.schema.CompatibilityRule;
import io.apicurio.registry.client.RegistryClientFactory;
import io.apicurio.registry.client.common.RegistryClientOptions;
import io.apicurio.registry.resolver.client.RegistryClientFacadeImpl;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.rest.client.RegistryClient;
import io.apicurio.registry.rest.client.models.IfArtifactExists;
import io.apicurio.registry.serde.IdHandler;
import io.apicurio.registry.serde.avro.AvroDeserializer;
import io.apicurio.registry.serde.avro.AvroSerializer;
import io.apicurio.registry.serde.config.SerdeConfig;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.jboss.logging.Logger;

/**
 * The platform's schema registry at runtime, through Apicurio's own serde library (v3 serde,
 * {@code /apis/registry/v3}): registration and wire format on the producer side, writer-schema
 * lookup by id on the consumer side.
 *
 * <p><b>Where contracts live.</b> Group {@link RegistrySettings#group()} (default {@code orderflow}),
 * one artifact per {@code ce_type}, e.g. {@code orderflow / dev.orderflow.order.OrderPlaced.v1}; its
 * versions are the revisions of that major version. A new major version is a new {@code ce_type},
 * so a new artifact: the registry, like the build gate, never compares v1 with v2.
 *
 * <p><b>The rule.</b> Before the first registration the group gets the compatibility rule
 * {@link CompatibilityRule#PROJECT_RULE} ({@code FULL_TRANSITIVE}), the same constant the build
 * gate checks, and each contract's committed history is registered in revision order, so the
 * registry knows every revision the gate knows. A schema the rule refuses is a
 * {@link SchemaRefusedException}: nothing is sent.
 *
 * <p><b>Wire format.</b> Apicurio's default: magic byte {@code 0}, 4-byte content id, Avro binary
 * (the framing Confluent-compatible tools also read). Written and read by the serde's own
 * {@link IdHandler}.
 *
 * <p>Thread-safe; one instance per process.
 */
public final class ApicurioSchemas implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ApicurioSchemas.class);
    private static final java.time.Duration WIRE_HEADER_LIFETIME =
            java.time.Duration.ofMillis(SchemaResolverConfig.CHECK_PERIOD_MS_DEFAULT);

    private final RegistrySettings settings;
    private final RegistryClient client;
    private final RegistryClientFacadeImpl facade;
    /** One serializer per contract: each is configured with its artifact (group + ce_type) explicitly. */
    private final Map<String, AvroSerializer<GenericRecord>> serializers = new ConcurrentHashMap<>();
    /**
     * Magic byte + id per (contract, writer schema), kept after the first registration: a registered
     * version never changes, and the serde's own cache misses for these schemas, which cost one
     * registry round trip per published event (the relay drained ~12 events/s on a busy 2-core machine).
     * Asked again after the serde's own cache period, so a registry that lost its data is noticed as soon as before.
     */
    private final Map<WireHeaderKey, WireHeader> wireHeaders = new ConcurrentHashMap<>();
    private final AvroDeserializer<GenericRecord> deserializer;
    private final WireFormatReader reader;
    private final ContractRegistration registration;
    /**
     * One first registration per contract at a time: concurrent first calls (request threads in the
     * lab's dual write) raced in the registry and some were answered 409 for a schema it then held.
     */
    private final Map<String, Object> registering = new ConcurrentHashMap<>();

    private ApicurioSchemas(RegistrySettings settings) {
        this.settings = settings;
        this.client = RegistryClientFactory.create(RegistryClientOptions.create(settings.url()));
        this.facade = new RegistryClientFacadeImpl(client);
        this.registration = new ContractRegistration(client, settings.group());
        this.deserializer = new AvroDeserializer<>(facade);
        this.deserializer.configure(new SerdeConfig(serdeConfig(null)), false);
        this.reader = new WireFormatReader(deserializer);
    }

    public static ApicurioSchemas connect(RegistrySettings settings) {
        return new ApicurioSchemas(Objects.requireNonNull(settings, "settings"));
    }

    public RegistrySettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- producer side

    /**
     * The registry's wire format of an event: registers (or finds) {@code writerSchema} under the
     * artifact of {@code type} and frames the Avro binary {@code avroBinary} with its id.
     *
     * @throws SchemaRefusedException the registry refused the schema (compatibility rule, invalid
     *     schema), the type is no contract, or the bytes were not written with {@code writerSchema}:
     *     the event can never be published as it is
     * @throws SchemaRegistryUnavailableException the registry could not be asked: try again later
     */
    public byte[] serialize(String topic, String type, Schema writerSchema, byte[] avroBinary) {
        EventDescriptor<?> contract = EventCatalog.byType(type)
                .orElseThrow(() -> new SchemaRefusedException(type, "no event contract has the ce_type " + type, null));
        try {
            AvroCodec.decode(avroBinary, writerSchema, writerSchema); // bounded, all bytes consumed: or UndecodablePayload
        } catch (RuntimeException notWrittenWithIt) { // UndecodablePayload included
            throw notWrittenWith(type, writerSchema, notWrittenWithIt);
        }
        WireHeaderKey key = new WireHeaderKey(type, writerSchema);
        WireHeader header = wireHeaders.get(key);
        if (header != null && System.nanoTime() - header.foundAtNanos() < WIRE_HEADER_LIFETIME.toNanos()) {
            return concat(header.bytes(), avroBinary);
        }
        GenericRecord record;
        try {
            record = rawRecord(avroBinary, writerSchema);
        } catch (IOException | RuntimeException notWrittenWithIt) {
            throw notWrittenWith(type, writerSchema, notWrittenWithIt);
        }
        byte[] framed;
        synchronized (registering.computeIfAbsent(type, t -> new Object())) {
            try {
                registration.ensureRegistered(contract, serializers.containsKey(type));
                framed = serializers.computeIfAbsent(type, this::serializerFor).serializeData(topic, record);
            } catch (RuntimeException failure) {
                throw RegistryFailures.classify(type, failure);
            }
        }
        int headerLength = framed.length - avroBinary.length;
        if (headerLength > 0 && Arrays.equals(framed, headerLength, framed.length, avroBinary, 0, avroBinary.length)) {
            wireHeaders.put(key, new WireHeader(Arrays.copyOf(framed, headerLength), System.nanoTime()));
        }
        return framed;
    }

    /** A contract and the writer schema its payloads were written with. */
    private record WireHeaderKey(String type, Schema writerSchema) {}

    private static SchemaRefusedException notWrittenWith(String type, Schema writerSchema, Exception failure) {
        return new SchemaRefusedException(type, "the stored payload was not written with the writer schema "
                + writerSchema.getFullName() + ": " + failure.getMessage(), failure);
    }

    private record WireHeader(byte[] bytes, long foundAtNanos) {}

    private static byte[] concat(byte[] header, byte[] avroBinary) {
        byte[] framed = Arrays.copyOf(header, header.length + avroBinary.length);
        System.arraycopy(avroBinary, 0, framed, header.length, avroBinary.length);
        return framed;
    }

    /**
     * The payload as a generic record without logical-type conversions (decimals stay bytes,
     * timestamps longs): the serde writes it with a plain Avro writer, so the bytes it frames are
     * exactly the stored ones.
     */
    private static GenericRecord rawRecord(byte[] avroBinary, Schema writerSchema) throws IOException {
        return new GenericDatumReader<GenericRecord>(writerSchema, writerSchema, new GenericData())
                .read(null, DecoderFactory.get().binaryDecoder(avroBinary, null));
    }

    private AvroSerializer<GenericRecord> serializerFor(String type) {
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(facade);
        serializer.configure(new SerdeConfig(serdeConfig(type)), false);
        return serializer;
    }

    // ---------------------------------------------------------------- consumer side

    /** See {@link WireFormatReader#writerSchema}. */
    public Schema writerSchema(byte[] payload) {
        return reader.writerSchema(payload);
    }

    /** The Avro binary after the wire-format header. */
    public byte[] avroBinary(byte[] payload) {
        return reader.avroBinary(payload);
    }

    // ---------------------------------------------------------------- shared

    private Map<String, Object> serdeConfig(String artifactId) {
        Map<String, Object> config = new HashMap<>();
        config.put(SchemaResolverConfig.REGISTRY_URL, settings.url());
        config.put(SchemaResolverConfig.AUTO_REGISTER_ARTIFACT, true);
        config.put(SchemaResolverConfig.AUTO_REGISTER_ARTIFACT_IF_EXISTS, IfArtifactExists.FIND_OR_CREATE_VERSION.getValue());
        config.put(SchemaResolverConfig.EXPLICIT_ARTIFACT_GROUP_ID, settings.group());
        // Register and read whole schemas, as register() does: by default the serde registers nested
        // records (StockLine, Money) as separate artifacts and a version that only names them, and
        // the registry then cannot run the compatibility rule on that version ("Undefined schema").
        config.put(SerdeConfig.DEREFERENCE_SCHEMA, true);
        if (artifactId != null) {
            config.put(SchemaResolverConfig.EXPLICIT_ARTIFACT_ID, artifactId);
        }
        // A refusal is final and an outage is the caller's to retry (relay round, consumer backoff):
        // do not hold the relay's or the consumer's thread in the library's own retry loop.
        config.put(SchemaResolverConfig.RETRY_COUNT, 1);
        config.put(SchemaResolverConfig.RETRY_BACKOFF_MS, 100);
        return config;
    }

    @Override
    public void close() {
        serializers.values().forEach(AvroSerializer::close);
        deserializer.close();
    }
}
