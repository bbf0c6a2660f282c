package dev.orderflow.infra;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
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
}
