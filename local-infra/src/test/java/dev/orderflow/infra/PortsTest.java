package dev.orderflow.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void takenFixedPortFailsNamingThePortAndTheFix() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> Ports.requireFree(port, "Kafka broker 1", "set ORDERFLOW_KAFKA_PORT to another port"))
                    .isInstanceOf(InfraException.class)
                    .hasMessageContaining("Kafka broker 1 cannot start")
                    .hasMessageContaining(String.valueOf(port))
                    .hasMessageContaining("ORDERFLOW_KAFKA_PORT");
        }
    }

    @Test
    void freePortsAreNeverHandedOutTwiceAndStayOutOfTheEphemeralRange() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            // Not bound in between: a promised port must not be promised again while it is still free.
            assertThat(ports.add(Ports.free())).as("port handed out twice").isTrue();
        }
        assertThat(ports).allSatisfy(port -> assertThat(port).isBetween(Ports.FIRST_FREE_PORT, Ports.LAST_FREE_PORT));
        int port = Ports.free();
        try (ServerSocket bound = new ServerSocket(port, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            assertThat(bound.getLocalPort()).isEqualTo(port);
        }
    }
}
