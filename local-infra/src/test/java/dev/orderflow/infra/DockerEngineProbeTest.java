package dev.orderflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerEngineProbeTest {

    @Test
    void theSocketComesFromDockerHostOnlyWhenItIsAUnixSocket() {
        assertThat(DockerEngineProbe.socket(null)).contains(Path.of("/var/run/docker.sock"));
        assertThat(DockerEngineProbe.socket("unix:///run/user/0/docker.sock")).contains(Path.of("/run/user/0/docker.sock"));
        assertThat(DockerEngineProbe.socket("tcp://10.0.0.1:2375")).isEmpty();
    }

    @Test
    void noSocketMeansNoEngineWithoutWaiting(@TempDir Path dir) {
        assertThat(DockerEngineProbe.get(dir.resolve("docker.sock"), "/_ping")).isEqualTo(-1);
    }

    @Test
    void theStatusOfTheEnginesAnswerIsRead(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("docker.sock");
        AtomicReference<String> asked = new AtomicReference<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread engine = Thread.ofPlatform().start(() -> {
                try (SocketChannel client = server.accept()) {
                    ByteBuffer request = ByteBuffer.allocate(512);
                    client.read(request);
                    asked.set(new String(request.array(), 0, request.position(), StandardCharsets.US_ASCII));
                    client.write(ByteBuffer.wrap("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII)));
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            assertThat(DockerEngineProbe.get(socket, "/images/apache/kafka:4.1.0/json")).isEqualTo(404);
            engine.join();
        } finally {
            Files.deleteIfExists(socket);
        }
        assertThat(asked.get()).startsWith("GET /images/apache/kafka:4.1.0/json HTTP/1.0");
    }
}
