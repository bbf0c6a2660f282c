package dev.orderflow.messaging.registry;

import com.microsoft.kiota.ApiException;
import dev.orderflow.events.AvroCodec;
import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.EventDescriptor;
import dev.orderflow.events.UndecodablePayload;
import dev.orderflow.events.schema.CompatibilityRule;
import dev.orderflow.events.schema.SchemaHistory;
import dev.orderflow.events.schema.SchemaRevision;
import io.apicurio.registry.client.RegistryClientFactory;
import io.apicurio.registry.client.common.RegistryClientOptions;
import io.apicurio.registry.resolver.SchemaResolver;
import io.apicurio.registry.resolver.client.RegistryClientFacadeImpl;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.rest.client.RegistryClient;
import io.apicurio.registry.rest.client.models.CreateArtifact;
import io.apicurio.registry.rest.client.models.CreateGroup;
import io.apicurio.registry.rest.client.models.CreateRule;
import io.apicurio.registry.rest.client.models.CreateVersion;
import io.apicurio.registry.rest.client.models.IfArtifactExists;
import io.apicurio.registry.rest.client.models.Rule;
import io.apicurio.registry.rest.client.models.RuleType;
import io.apicurio.registry.rest.client.models.VersionContent;
import io.apicurio.registry.serde.IdHandler;
import io.apicurio.registry.serde.avro.AvroDeserializer;
import io.apicurio.registry.serde.avro.AvroSerializer;
import io.apicurio.registry.serde.config.SerdeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
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
    private static final byte MAGIC_BYTE = 0;
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
    private final IdHandler idHandler;
    private volatile boolean groupRuleSet;
    /**
     * One first registration per contract at a time: concurrent first calls (request threads in the
     * naive dual write) raced in the registry and some were answered 409 for a schema it then held.
     */
    private final Map<String, Object> registering = new ConcurrentHashMap<>();

    private ApicurioSchemas(RegistrySettings settings) {
        this.settings = settings;
        this.client = RegistryClientFactory.create(RegistryClientOptions.create(settings.url()));
        this.facade = new RegistryClientFacadeImpl(client);
        this.deserializer = new AvroDeserializer<>(facade);
        this.deserializer.configure(new SerdeConfig(serdeConfig(null)), false);
        this.idHandler = deserializer.getSerdeConfigurer().getIdHandler();
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
                ensureContractRegistered(contract);
                framed = serializers.computeIfAbsent(type, this::serializerFor).serializeData(topic, record);
            } catch (RuntimeException failure) {
                throw classify(type, failure);
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

    /** Group rule once per process, then the contract's committed history in revision order (idempotent). */
    private void ensureContractRegistered(EventDescriptor<?> contract) {
        if (!groupRuleSet) {
            synchronized (this) {
                if (!groupRuleSet) {
                    ensureGroupRule();
                    groupRuleSet = true;
                }
            }
        }
        if (serializers.containsKey(contract.type())) {
            return;
        }
        for (SchemaRevision revision : SchemaHistory.of(contract)) {
            register(contract.type(), revision.schema());
        }
    }

    /** Registers one schema as a version of the contract's artifact, or finds it if already there. */
    void register(String type, Schema schema) {
        VersionContent content = new VersionContent();
        content.setContent(schema.toString());
        content.setContentType("application/json");
        CreateVersion version = new CreateVersion();
        version.setContent(content);
        CreateArtifact artifact = new CreateArtifact();
        artifact.setArtifactId(type);
        artifact.setArtifactType("AVRO");
        artifact.setFirstVersion(version);
        client.groups().byGroupId(settings.group()).artifacts().post(artifact, request -> {
            request.queryParameters.ifExists = IfArtifactExists.FIND_OR_CREATE_VERSION;
        });
    }

    private void ensureGroupRule() {
        String rule = CompatibilityRule.PROJECT_RULE.name();
        try {
            CreateGroup group = new CreateGroup();
            group.setGroupId(settings.group());
            client.groups().post(group);
        } catch (ApiException exists) {
            if (exists.getResponseStatusCode() != 409) {
                throw exists;
            }
        }
        try {
            CreateRule create = new CreateRule();
            create.setRuleType(RuleType.COMPATIBILITY);
            create.setConfig(rule);
            client.groups().byGroupId(settings.group()).rules().post(create);
        } catch (ApiException exists) {
            if (exists.getResponseStatusCode() != 409) {
                throw exists;
            }
            Rule update = new Rule();
            update.setRuleType(RuleType.COMPATIBILITY);
            update.setConfig(rule);
            client.groups().byGroupId(settings.group()).rules().byRuleType(RuleType.COMPATIBILITY.getValue()).put(update);
        }
        LOG.infof("schema registry group %s: compatibility rule %s (the build gate's rule)", settings.group(), rule);
    }

    // ---------------------------------------------------------------- consumer side

    /**
     * The schema a payload in the registry's wire format was written with, resolved by the id in
     * its first bytes (cached after the first lookup).
     *
     * @throws UndecodablePayload not in the registry's wire format (no magic byte, too short)
     * @throws UnknownSchemaIdException the registry has no schema with that id
     * @throws SchemaRegistryUnavailableException the registry could not be asked: try again later
     */
    public Schema writerSchema(byte[] payload) {
        ArtifactReference reference = readId(payload);
        SchemaResolver<Schema, GenericRecord> resolver = deserializer.getSerdeConfigurer().getSchemaResolver();
        try {
            return resolver.resolveSchemaByArtifactReference(reference).getParsedSchema().getParsedSchema();
        } catch (RuntimeException failure) {
            if (statusOf(failure) == 404 || isNotFound(failure)) {
                throw new UnknownSchemaIdException(describe(reference), failure);
            }
            throw new SchemaRegistryUnavailableException("cannot resolve schema " + describe(reference) + ": " + failure, failure);
        }
    }

    /** The Avro binary after the wire-format header. */
    public byte[] avroBinary(byte[] payload) {
        ArtifactReference reference = readId(payload);
        int header = 1 + idHandler.idSize(reference, ByteBuffer.wrap(payload, 1, payload.length - 1));
        return Arrays.copyOfRange(payload, header, payload.length);
    }

    private ArtifactReference readId(byte[] payload) {
        if (payload == null || payload.length < 1 + idHandler.idSize()) {
            throw new UndecodablePayload("payload of " + (payload == null ? "no" : payload.length)
                    + " bytes is too short for the schema registry's wire format (magic byte + schema id)", null);
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new UndecodablePayload("payload does not start with the schema registry's magic byte 0 (found "
                    + payload[0] + "): it was not serialized through the registry", null);
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        buffer.get();
        return idHandler.readId(buffer);
    }

    private static String describe(ArtifactReference reference) {
        return reference.getContentId() != null ? "content id " + reference.getContentId()
                : reference.getGlobalId() != null ? "global id " + reference.getGlobalId() : String.valueOf(reference);
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

    /**
     * An answer 4xx is a refusal; no answer (connection, timeout, I/O) or a 5xx is an outage; anything
     * else (the serde could not write the record) is a refusal too: retrying the same row cannot help.
     */
    private static RuntimeException classify(String type, RuntimeException failure) {
        int status = statusOf(failure);
        if ((status >= 400 && status < 500) || (status < 0 && !isIoFailure(failure))) {
            String reason = status > 0 ? "the schema registry refused the schema (HTTP " + status + "): " + problem(failure)
                    : "the schema registry serde cannot write it: " + failure;
            return new SchemaRefusedException(type, reason, failure);
        }
        return new SchemaRegistryUnavailableException("schema registry unavailable while registering " + type + ": " + failure, failure);
    }

    private static boolean isIoFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // An interrupted call (the service shutting down) got no answer: not a refusal.
            if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof TimeoutException
                    || t instanceof InterruptedException || t.getClass().getName().contains("Connect") || t.getClass().getName().startsWith("io.vertx")
                    || t.getClass().getName().startsWith("io.netty")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNotFound(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().contains("NotFound")) {
                return true;
            }
        }
        return false;
    }

    /** The HTTP status of the registry's answer somewhere in the cause chain, or -1. */
    private static int statusOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api && api.getResponseStatusCode() > 0) {
                return api.getResponseStatusCode();
            }
        }
        return -1;
    }

    private static String problem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.apicurio.registry.rest.client.models.ProblemDetails details) {
                return details.getTitle() + (details.getDetail() == null ? "" : ": " + details.getDetail());
            }
        }
        return String.valueOf(failure.getMessage());
    }

    @Override
    public void close() {
        serializers.values().forEach(AvroSerializer::close);
        deserializer.close();
    }
}
