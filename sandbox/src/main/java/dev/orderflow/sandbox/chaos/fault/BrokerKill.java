package dev.orderflow.sandbox.chaos.fault;

import dev.orderflow.infra.kafka.LocalKafkaCluster;
import java.time.Duration;

/**
 * kill -9 of one of three Kafka brokers: the partitions it led elect new leaders among the two
 * others (RF=3, min.insync.replicas=2, so producers with acks=all go on). Heal starts it again on
 * its log directory and waits until it is back in the cluster with every partition fully replicated.
 */
final class BrokerKill extends BaseFault {
    private static final Duration REJOIN_TIMEOUT = Duration.ofSeconds(180);
    private final LocalKafkaCluster cluster;
    private final int nodeId;
    private long pid;

    BrokerKill(LocalKafkaCluster cluster, int nodeId) {
        super(FaultType.BROKER_KILL, "kafka-" + nodeId);
        this.cluster = cluster;
        this.nodeId = nodeId;
    }

    int nodeId() {
        return nodeId;
    }

    /** The pid of the killed broker process. */
    long killedPid() {
        return pid;
    }

    @Override
    void start() {
        if (!cluster.nodes().stream().allMatch(dev.orderflow.infra.process.ChildProcess::isAlive)) {
            // Two of three down would lose the controller quorum and min.insync.replicas: not this scenario.
            throw new IllegalStateException("not all Kafka brokers are up: killing kafka-" + nodeId
                    + " now would take down a second broker");
        }
        int led = cluster.partitionsLedBy(nodeId);
        pid = cluster.node(nodeId).pid();
        cluster.kill(nodeId);
        detail("killed Kafka broker kafka-" + nodeId + " with SIGKILL (pid " + pid + "), leader of "
                + (led < 0 ? "an unknown number of" : String.valueOf(led)) + " partitions: they fail over to the other two");
    }

    @Override
    void end() {
        cluster.restart(nodeId, REJOIN_TIMEOUT);
        detail(detail() + "; restarted, back in the cluster with every partition fully replicated (pid "
                + cluster.node(nodeId).pid() + ")");
    }
}
