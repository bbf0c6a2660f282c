package dev.orderflow.sandbox.chaos.fault;

import dev.orderflow.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

/**
 * The delivery stage between producers and consumers in the chaos platform: it reads each event
 * topic and writes every record, with its key, headers and partition, to {@code <topic>.delivered},
 * which the services consume. Normally it passes records through in order; while {@link #hold}ing
 * it keeps them and releases them every window shuffled per key (seeded), late and out of order.
 *
 * <p>At least once: offsets are committed only when every record read so far has been written and
 * acknowledged; after a failure it resumes from the last commit and may deliver a record twice,
 * which the consumers must (and do) tolerate.
 */
final class DeliveryForwarder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DeliveryForwarder.class);
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    static final String GROUP = "orderflow-chaos-forwarder";

    /** What a hold did, for the fault's detail. */
    record HoldResult(long held, long keysReordered) {}

    private final String bootstrapServers;
    private final Thread thread;
    private final ConcurrentLinkedQueue<ConsumerRecord<byte[], byte[]>> extra = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Hold> hold = new AtomicReference<>();
    private final AtomicLong forwarded = new AtomicLong();
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    /**
     * A hold in effect: records are kept for {@code window}, then released shuffled per key. A hold
     * of one topic ({@code onlyTopic}) keeps that topic's records until it ends and lets every other
     * topic pass; it then releases each key's records newest first.
     */
    private static final class Hold {
        final Duration window;
        final Random random;
        final String onlyTopic;
        final List<ConsumerRecord<byte[], byte[]>> buffer = new ArrayList<>();
        long releaseAt;
        volatile long held;
        long keysReordered;
        volatile boolean ending;

        Hold(Duration window, Random random) {
            this.window = window;
            this.random = random;
            this.onlyTopic = null;
            this.releaseAt = System.nanoTime() + window.toNanos();
        }

        Hold(String onlyTopic) {
            this.window = null;
            this.random = null;
            this.onlyTopic = onlyTopic;
            this.releaseAt = Long.MAX_VALUE;
        }

        boolean holds(ConsumerRecord<byte[], byte[]> record) {
            return onlyTopic == null || onlyTopic.equals(record.topic());
        }
    }

    private DeliveryForwarder(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.thread = new Thread(this::run, "chaos-delivery-forwarder");
        this.thread.setDaemon(true);
    }

    static DeliveryForwarder start(String bootstrapServers) {
        DeliveryForwarder forwarder = new DeliveryForwarder(bootstrapServers);
        forwarder.thread.start();
        return forwarder;
    }

    /** Records forwarded so far (pass-through, released, re-delivered). */
    long forwarded() {
        return forwarded.get();
    }

    /** Records held by the hold in effect so far (0 when passing through). */
    long heldSoFar() {
        Hold current = hold.get();
        return current == null ? 0 : current.held;
    }

    /** Delivers records again (a duplicate delivery): through the same stage, so a hold applies to them too. */
    void deliverAgain(List<ConsumerRecord<byte[], byte[]>> records) {
        extra.addAll(records);
    }

    /** Starts holding records; they come out every {@code window}, shuffled per key with {@code random}. */
    void hold(Duration window, Random random) {
        if (!hold.compareAndSet(null, new Hold(window, random))) {
            throw new IllegalStateException("the delivery forwarder is already holding records");
        }
    }

    /**
     * Starts holding the records of {@code topic} only, until {@link #release}, which lets each key's
     * records out newest first: every consumer of the topic sees them in the reverse of the order
     * they were published in, while the rest of the saga moves on.
     */
    void holdNewestFirst(String topic) {
        if (!hold.compareAndSet(null, new Hold(topic))) {
            throw new IllegalStateException("the delivery forwarder is already holding records");
        }
    }

    /** Ends the hold: what is still held is released (shuffled, or newest first) and the stage passes through again. */
    HoldResult release() {
        Hold current = hold.get();
        if (current == null) {
            return new HoldResult(0, 0);
        }
        current.ending = true;
        while (hold.get() == current && thread.isAlive()) {
            sleep(20);
        }
        return new HoldResult(current.held, current.keysReordered);
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProps());
                    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
                consumer = c;
                c.subscribe(Topics.ALL);
                forward(c, producer);
            } catch (WakeupException closing) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    // Resumes from the last commit: records read since are delivered again.
                    LOG.warnf("delivery forwarder failed, resuming from the last committed offsets: %s", e.toString());
                    Hold current = hold.get();
                    if (current != null) {
                        current.buffer.clear();
                    }
                    sleep(500);
                }
            }
        }
    }

    private void forward(KafkaConsumer<byte[], byte[]> c, KafkaProducer<byte[], byte[]> producer) {
        long lastCommit = System.nanoTime();
        boolean uncommitted = false;
        while (running) {
            List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
            c.poll(Duration.ofMillis(50)).forEach(batch::add);
            for (ConsumerRecord<byte[], byte[]> again; (again = extra.poll()) != null; ) {
                batch.add(again);
            }
            Hold current = hold.get();
            List<ConsumerRecord<byte[], byte[]>> out;
            if (current == null) {
                out = batch;
            } else {
                out = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    (current.holds(record) ? current.buffer : out).add(record);
                }
                current.held += batch.size() - out.size();
                if (current.ending || System.nanoTime() >= current.releaseAt) {
                    out.addAll(current.onlyTopic == null ? shuffledPerKey(current) : newestFirstPerKey(current));
                    current.releaseAt = current.window == null ? Long.MAX_VALUE : System.nanoTime() + current.window.toNanos();
                }
            }
            if (!out.isEmpty()) {
                List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : out) {
                    sends.add(producer.send(new ProducerRecord<>(Topics.deliveredTopicOf(record.topic()), record.partition(),
                            record.timestamp(), record.key(), record.value(), new RecordHeaders(record.headers().toArray()))));
                }
                producer.flush();
                for (java.util.concurrent.Future<?> send : sends) {
                    try {
                        send.get();
                    } catch (Exception e) {
                        throw new IllegalStateException("forwarding failed: " + e.getMessage(), e);
                    }
                }
                forwarded.addAndGet(out.size());
            }
            uncommitted |= !batch.isEmpty() || !out.isEmpty();
            if (current == null || current.buffer.isEmpty()) {
                // Everything read so far is written: the read positions are safe to commit. At most
                // once a second: a commit per poll was a replicated write to the offsets topic for
                // every few records, and a resume only redelivers a little more.
                if (uncommitted && System.nanoTime() - lastCommit >= COMMIT_INTERVAL.toNanos()) {
                    c.commitSync();
                    lastCommit = System.nanoTime();
                    uncommitted = false;
                }
                if (current != null && current.ending) {
                    hold.set(null);
                }
            }
        }
    }

    /** Empties the hold's buffer: each key's records in a random order, keys one after another. */
    private static List<ConsumerRecord<byte[], byte[]>> shuffledPerKey(Hold hold) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (List<ConsumerRecord<byte[], byte[]>> records : perKey(hold.buffer)) {
            List<ConsumerRecord<byte[], byte[]>> before = List.copyOf(records);
            Collections.shuffle(records, hold.random);
            if (!records.equals(before)) {
                hold.keysReordered++;
            }
            out.addAll(records);
        }
        hold.buffer.clear();
        return out;
    }

    /** The records grouped by topic and key, each group in arrival order, groups in order of first arrival. */
    private static java.util.Collection<List<ConsumerRecord<byte[], byte[]>>> perKey(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String key = record.key() == null ? "" : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
            byKey.computeIfAbsent(record.topic() + "/" + key, k -> new ArrayList<>()).add(record);
        }
        return byKey.values();
    }

    /** Empties the hold's buffer: each key's records newest first, keys one after another. */
    private static List<ConsumerRecord<byte[], byte[]>> newestFirstPerKey(Hold hold) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (List<ConsumerRecord<byte[], byte[]>> records : perKey(hold.buffer)) {
            if (records.size() > 1) {
                hold.keysReordered++;
            }
            Collections.reverse(records);
            out.addAll(records);
        }
        hold.buffer.clear();
        return out;
    }

    private Properties consumerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "orderflow-chaos-forwarder");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    private Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "orderflow-chaos-forwarder");
        // Per partition, records leave in the order they were sent, also across retries.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
