package dev.orderflow.sandbox.cli;

import dev.orderflow.sandbox.platform.Platform;
import dev.orderflow.sandbox.platform.PlatformLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "down", mixinStandardHelpOptions = true,
        header = "Stop every process orderflow started (by pid); data is kept unless --purge.",
        description = {"Stops the processes found through their pid files (checked against their command line, so a "
            + "recycled pid is never killed). Safe to repeat."},
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILED_LINE},
        footer = {"  ./orderflow down", "  ./orderflow down --purge      also delete databases, topics and logs"})
class DownCommand implements Callable<Integer> {

    @Option(names = "--purge", description = "Also delete the state directory (databases, topics, logs).")
    boolean purge;

    @Override
    public Integer call() throws IOException {
        PlatformLayout layout = OrderflowCommand.layout(3);
        List<String> stopped = Platform.down(layout);
        System.out.println(stopped.isEmpty() ? "Nothing was running." : "Stopped: " + String.join(", ", stopped));
        if (purge) {
            deleteRecursively(layout.stateDir());
            System.out.println("Deleted " + layout.stateDir());
        }
        return 0;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
