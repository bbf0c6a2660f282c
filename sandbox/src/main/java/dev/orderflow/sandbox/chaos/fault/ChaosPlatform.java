package dev.orderflow.sandbox.chaos.fault;

import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.EventDescriptor;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import dev.orderflow.infra.RunningInfra;
import dev.orderflow.infra.kafka.LocalKafkaCluster;
import dev.orderflow.messaging.consumer.EventsConsumer;
import dev.orderflow.sandbox.platform.Platform;
import dev.orderflow.sandbox.platform.PlatformLayout;
import dev.orderflow.sandbox.platform.PlatformService;
import dev.orderflow.sandbox.platform.RunningPlatform;
import dev.orderflow.sandbox.platform.ServiceSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The platform as the chaos sandbox runs it, and the nemesis that acts on it. Differences from
 * {@code orderflow up}, each a place a fault is injected:
 * <ul>
 *   <li>consumers read {@code <topic>.delivered}, fed by a {@link DeliveryForwarder} in this JVM from
 *       the producers' topics (which stay as they are, for the checker), so delivery can be delayed,
 *       reordered and duplicated;</li>
 *   <li>services reach PostgreSQL through a TCP proxy ({@link DatabaseProxy}), so connections can be cut;</li>
 *   <li>Kafka has three brokers, so one can be killed.</li>
 * </ul>
 * {@link #fault} creates one fault of a type with its target drawn from the given random source;
 * {@link #close} heals what is still injected and stops everything.
 */
public final class ChaosPlatform implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChaosPlatform.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static final List<String> SERVICES = PlatformService.names();

    /** The topics each service consumes, as its application.properties names them (the {@code events-in} channel's {@code topics}). */
    static final Map<String, List<String>> CONSUMED = PlatformService.consumed();

    /**
     * The ce_type poison records carry on each topic: one the saga's consumers of that topic handle.
     * A consumer skips a type it does not handle before decoding, so poison of such a type would
     * never reach a decoder, nor the dead-letter topic.
     */
    static final Map<String, String> POISON_TYPES = Map.of(
            Topics.ORDERS, EventTypes.ORDER_PLACED_V1,
            Topics.INVENTORY, EventTypes.INVENTORY_RESERVED_V1,
            Topics.PAYMENTS, EventTypes.PAYMENT_CAPTURED_V1,
            Topics.SHIPPING, EventTypes.SHIPMENT_SCHEDULED_V1);

    /** How long the forwarder holds records before releasing them shuffled, while REORDER_DELAY is in effect. */
    static final Duration REORDER_WINDOW = Duration.ofSeconds(3);
    /**
     * How long heal waits for an armed fault point to be reached before restarting the service anyway.
     * More than the consumers' session timeout (45 s): a service stopped moments after it started can
     * leave its group without a clean leave, and its restart gets partitions only when that expires.
     */
    static final Duration HALT_WAIT = Duration.ofSeconds(60);
    /** Share of charges and refunds the provider times out after committing, while PROVIDER_CHARGE_TIMEOUT is in effect. */
    static final double CHARGE_TIMEOUT_RATE = 0.5;

    private final RunningPlatform platform;
    private final DeliveryForwarder forwarder;
    private final DatabaseProxy proxy;
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private final List<String> poisonEventIds = Collections.synchronizedList(new ArrayList<>());
    private final ProcessDeaths deaths;

    /** Naive dual-write mode: events are published right after the commit, with no relay. */
    private final boolean dualWrite;
    private Admin offsetsAdmin; // created by the first consumerLag(), closed with the platform

    private ChaosPlatform(RunningPlatform platform, DeliveryForwarder forwarder, DatabaseProxy proxy, boolean dualWrite,
            ProcessDeaths deaths) {
        this.platform = platform;
        this.deaths = deaths;
        this.forwarder = forwarder;
        this.proxy = proxy;
        this.dualWrite = dualWrite;
    }

    /**
     * Starts the platform for chaos: infrastructure, delivery topics, the forwarder and the
     * database proxy, then the provider and the services wired through them.
     *
     * @param layout        {@code PlatformLayout.cli(root, 3)} or a test layout with 3 brokers
     * @param serviceConfig extra system properties for every service (e.g. the naive flags)
     */
    public static ChaosPlatform start(PlatformLayout layout, Map<String, String> serviceConfig, Platform.Progress progress) {
        DeliveryForwarder[] forwarder = new DeliveryForwarder[1];
        DatabaseProxy[] proxy = new DatabaseProxy[1];
        ProcessDeaths deaths = ProcessDeaths.watchingFromNow(layout.stateDir(), layout.infra().logDir());
        try {
            RunningPlatform platform = Platform.up(layout.withServiceConfig(serviceConfig), progress, (infra, prepared) -> {
                for (String topic : Topics.ALL) {
                    infra.createTopic(Topics.deliveredTopicOf(topic), Topics.PARTITIONS);
                    infra.createTopic(Topics.deadLetterTopicOf(topic), Topics.PARTITIONS);
                }
                long begin = System.nanoTime();
                forwarder[0] = DeliveryForwarder.start(infra.kafkaBootstrapServers());
                proxy[0] = DatabaseProxy.start(infra.postgres().host(), infra.postgres().port());
                progress.ready("chaos", "delivery forwarder on " + Topics.ALL.size() + " topics, database proxy on port "
                        + proxy[0].port(), Duration.ofNanos(System.nanoTime() - begin));
                return wired(prepared, infra, proxy[0]);
            });
            return new ChaosPlatform(platform, forwarder[0], proxy[0],
                    Boolean.parseBoolean(serviceConfig.getOrDefault("orderflow.messaging.naive.dual-write", "false")), deaths);
        } catch (RuntimeException e) {
            if (forwarder[0] != null) {
                forwarder[0].close();
            }
            if (proxy[0] != null) {
                proxy[0].close();
            }
            throw e;
        }
    }

    /** Each service reads the delivery topics and reaches its database through the proxy. */
    private static PlatformLayout wired(PlatformLayout layout, RunningInfra infra, DatabaseProxy proxy) {
        List<ServiceSpec> services = layout.services().stream().map(service -> {
            Map<String, String> config = new LinkedHashMap<>(service.extraConfig());
            List<String> delivered = CONSUMED.getOrDefault(service.name(), List.of()).stream()
                    .map(Topics::deliveredTopicOf)
                    .toList();
            if (!delivered.isEmpty()) {
                config.put("mp.messaging.incoming." + EventsConsumer.CHANNEL + ".topics", String.join(",", delivered));
            }
            config.put("quarkus.datasource.jdbc.url", proxy.jdbcUrl(service.database()));
            return new ServiceSpec(service.name(), service.port(), service.database(), Map.copyOf(config));
        }).toList();
        return new PlatformLayout(layout.root(), layout.infra(), services, layout.providerPort());
    }

    public RunningPlatform platform() {
        return platform;
    }

    /**
     * A new fault of {@code type}, not injected yet; its target (service, topic, broker, contract)
     * is drawn from {@code random}, so a seeded source gives the same targets.
     */
    public Fault fault(FaultType type, Random random) {
        Fault fault = switch (type) {
            case DUPLICATE_DELIVERY -> new DuplicateDelivery(forwarder, bootstrapServers(), pick(Topics.ALL, random));
            case REORDER_DELAY -> new ReorderDelay(forwarder, REORDER_WINDOW, random.nextLong());
            case CONSUMER_CRASH, RELAY_CRASH -> new FaultPointCrash(type, platform, pick(SERVICES, random), HALT_WAIT, dualWrite, deaths);
            case SERVICE_KILL -> new ServiceKill(platform, pick(SERVICES, random));
            case BROKER_KILL -> new BrokerKill(kafkaCluster(), 1 + random.nextInt(kafkaCluster().brokerCount()));
            case DB_CUT -> new DatabaseCut(platform, proxy);
            case CONSUMER_PAUSE -> new ConsumerPause(platform, pick(SERVICES, random));
            case POISON -> {
                String topic = pick(Topics.ALL, random);
                yield new PoisonRecords(bootstrapServers(), topic, POISON_TYPES.get(topic), poisonEventIds::add);
            }
            case INCOMPATIBLE_SCHEMA -> new IncompatibleSchema(platform.infra().registryUrl(),
                    pick(EventCatalog.all().stream().map(EventDescriptor::type).sorted().toList(), random));
            case PROVIDER_CHARGE_TIMEOUT -> new ProviderChargeTimeout(platform.layout().providerUrl(), CHARGE_TIMEOUT_RATE,
                    random.nextLong());
        };
        faults.add(fault);
        return fault;
    }

    /**
     * A new fault, not injected yet, that holds the records of one topic (the others pass) and
     * delivers each key's held records newest first when healed: a reordering that does not depend on
     * timing, for a lab.
     */
    public Fault newestFirstDelivery(String topic) {
        Fault fault = new NewestFirstDelivery(forwarder, topic);
        faults.add(fault);
        return fault;
    }

    /**
     * Publishes one poison record (of the type {@link #POISON_TYPES} names for {@code topic}) keyed by
     * {@code key}, an order id: it lands on that order's partition, ahead of whatever is published
     * there for the order next. Returns its {@code ce_id}.
     */
    public String poison(String topic, String key) {
        PoisonRecords poison = new PoisonRecords(bootstrapServers(), topic, POISON_TYPES.get(topic), key, 1, poisonEventIds::add);
        faults.add(poison);
        poison.inject();
        return poison.eventIds().getFirst();
    }

    /** Heals every fault still injected, latest first; one that fails to heal does not stop the others. */
    public void healAll() {
        List<Fault> created;
        synchronized (faults) {
            created = new ArrayList<>(faults);
        }
        Collections.reverse(created);
        RuntimeException first = null;
        for (Fault fault : created) {
            try {
                fault.heal();
            } catch (RuntimeException e) {
                LOG.warnf("healing %s failed: %s", fault, e.toString());
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Process deaths no fault planned so far (exit statuses, JVM crash logs, OutOfMemoryErrors), one line of evidence each. */
    public List<String> unplannedDeaths() {
        return deaths.evidence();
    }

    /** The ce_id of every poison record published so far: exactly these must end on the dead-letter topics. */
    public List<String> poisonEventIds() {
        synchronized (poisonEventIds) {
            return List.copyOf(poisonEventIds);
        }
    }

    /**
     * Records published but not yet consumed, per consumer group: the forwarder on the producers'
     * topics, each service on its delivery topics (end offset − committed offset, summed over
     * partitions). Zero everywhere means every event published so far has been handled: orders can
     * all be terminal while a service still has the last events of a saga to apply (inventory
     * commits the stock of an order already SHIPPED).
     */
    public Map<String, Long> consumerLag() {
        Map<String, List<String>> topicsOfGroup = new LinkedHashMap<>();
        topicsOfGroup.put(DeliveryForwarder.GROUP, List.of(Topics.ORDERS, Topics.INVENTORY, Topics.PAYMENTS, Topics.SHIPPING));
        SERVICES.forEach(service -> topicsOfGroup.put(service,
                CONSUMED.get(service).stream().map(Topics::deliveredTopicOf).toList()));
        try {
            Admin admin = offsetsAdmin();
            Set<String> topics = new TreeSet<>();
            topicsOfGroup.values().forEach(topics::addAll);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> end.put(partition, info.offset()));
            Map<String, Long> lag = new LinkedHashMap<>();
            for (var group : topicsOfGroup.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata().get();
                long behind = 0;
                for (var partition : end.entrySet()) {
                    if (group.getValue().contains(partition.getKey().topic())) {
                        OffsetAndMetadata at = committed.get(partition.getKey());
                        behind += partition.getValue() - (at == null ? 0 : at.offset());
                    }
                }
                lag.put(group.getKey(), behind);
            }
            return lag;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the consumer groups' offsets: " + e.getCause(), e.getCause());
        } catch (KafkaException e) {
            throw new IllegalStateException("cannot read the consumer groups' offsets: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the consumer groups' offsets", e);
        }
    }

    private synchronized Admin offsetsAdmin() {
        if (offsetsAdmin == null) {
            offsetsAdmin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
        }
        return offsetsAdmin;
    }

    /** Heals, stops the forwarder and the proxy, stops the platform. */
    @Override
    public void close() {
        try {
            healAll();
        } catch (RuntimeException e) {
            LOG.warnf("not every fault healed before stopping: %s", e.toString());
        } finally {
            // The forwarder leaves its group while Kafka is up; the proxy goes last, after the services.
            try {
                synchronized (this) {
                    if (offsetsAdmin != null) {
                        offsetsAdmin.close(Duration.ofSeconds(5));
                    }
                }
                forwarder.close();
                platform.close();
            } finally {
                proxy.close();
            }
        }
    }

    String bootstrapServers() {
        return platform.infra().kafkaBootstrapServers();
    }

    DeliveryForwarder forwarder() {
        return forwarder;
    }

    DatabaseProxy proxy() {
        return proxy;
    }

    private LocalKafkaCluster kafkaCluster() {
        if (platform.infra().kafka() instanceof LocalKafkaCluster cluster && cluster.brokerCount() == 3) {
            return cluster;
        }
        throw new IllegalStateException("broker-kill needs the 3-broker local Kafka cluster (PlatformLayout.cli(root, 3)); "
                + "this platform runs " + platform.infra().kafka().brokerCount() + " broker(s) at "
                + platform.infra().kafkaBootstrapServers());
    }

    private static <T> T pick(List<T> choices, Random random) {
        return choices.get(random.nextInt(choices.size()));
    }

    static boolean isReady(RunningPlatform platform, String service) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(platform.url(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
