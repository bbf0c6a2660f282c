package dev.orderflow.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fails before a start-up with a clear message when the data directory's disk is (nearly) full. */
public final class Disk {
    private Disk() {}

    public static void requireSpace(Path directory, long minimumBytes, String component) {
        try {
            Files.createDirectories(directory);
            long usable = Files.getFileStore(directory).getUsableSpace();
            if (usable < minimumBytes) {
                throw new InfraException(component + " cannot start: only " + (usable >> 20) + " MiB free on the disk of "
                        + directory + " (needs at least " + (minimumBytes >> 20) + " MiB). Free some space or point "
                        + "the state directory elsewhere (ORDERFLOW_STATE_DIR).");
            }
        } catch (IOException e) {
            throw new InfraException(component + " cannot use " + directory + ": " + e.getMessage()
                    + ". Check permissions and free space.", e);
        }
    }
}
