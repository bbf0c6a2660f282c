package dev.orderflow.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the local Docker engine two questions over its Unix socket: does it answer, and does it hold an image.
 * Written by hand because asking through Testcontainers starts its Ryuk container first, which pulls an image:
 * where no registry is reachable that pull retries for minutes in every JVM that merely asks.
 */
final class DockerEngineProbe {
    private DockerEngineProbe() {}

    /** The engine's socket: DOCKER_HOST when it names one (unix://), else the default path; empty for tcp:// hosts. */
    static Optional<Path> socket(String dockerHost) {
        if (dockerHost == null || dockerHost.isBlank()) {
            return Optional.of(Path.of("/var/run/docker.sock"));
        }
        return dockerHost.startsWith("unix://") ? Optional.of(Path.of(dockerHost.substring("unix://".length()))) : Optional.empty();
    }

    /** HTTP status of a GET on the engine's API, or -1 when nothing answers on the socket. */
    static int get(Path socket, String path) {
        if (!Files.exists(socket)) {
            return -1;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            String request = "GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n";
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(256);
            while (head.size() < 12 && channel.read(buffer) > 0) {
                head.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            // "HTTP/1.0 200 OK": the status is the second word of the first line.
            String[] status = head.toString(StandardCharsets.US_ASCII).split(" ", 3);
            return status.length > 1 ? Integer.parseInt(status[1].trim()) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
