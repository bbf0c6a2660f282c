package dev.orderflow.infra.containers;

import dev.orderflow.infra.InfraSpec;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * The images the containers mode runs. Each is named by the same variable the root
 * docker-compose.yml uses, so a stand-in (or a mirror's copy) replaces an official image in both
 * places; the default is the official image.
 */
public final class ContainerImages {
    private ContainerImages() {}

    public static DockerImageName kafka() {
        return image("ORDERFLOW_KAFKA_IMAGE", "apache/kafka:4.1.0", "apache/kafka");
    }

    public static DockerImageName postgres() {
        return image("ORDERFLOW_POSTGRES_IMAGE", "postgres:18", "postgres");
    }

    public static DockerImageName registry() {
        return image("ORDERFLOW_REGISTRY_IMAGE", "apicurio/apicurio-registry:3.3.3", "apicurio/apicurio-registry");
    }

    public static List<DockerImageName> all() {
        return List.of(kafka(), postgres(), registry());
    }

    /**
     * The images not in the engine's local store. An engine that answers is not enough for the
     * auto mode: where registries are unreachable (CI here), a pull would fail every test.
     */
    public static List<String> missingLocally() {
        var client = DockerClientFactory.instance().client();
        return all().stream().map(DockerImageName::asCanonicalNameString).filter(name -> {
            try {
                client.inspectImageCmd(name).exec();
                return false;
            } catch (RuntimeException notFound) {
                return true;
            }
        }).toList();
    }

    private static DockerImageName image(String variable, String official, String compatibleWith) {
        String name = InfraSpec.env(variable, official);
        return DockerImageName.parse(name).asCompatibleSubstituteFor(compatibleWith);
    }
}
