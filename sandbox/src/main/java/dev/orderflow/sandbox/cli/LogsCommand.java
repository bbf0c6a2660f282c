package dev.orderflow.sandbox.cli;

import dev.orderflow.sandbox.platform.PlatformLayout;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "logs", mixinStandardHelpOptions = true,
        header = "Print (or follow) the log of one component.",
        description = {"Components: order-service, inventory-service, payment-service, shipping-service, "
            + "payment-provider, kafka-1 (kafka-2, kafka-3 with --brokers 3), registry, postgres."},
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE, ExitCodes.NOT_FOUND_LINE},
        footer = {"  ./orderflow logs order-service -n 20", "  ./orderflow logs payment-service -f | grep <order id>"})
class LogsCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The component (a service name, or kafka-1, registry, postgres).")
    String component;

    @Option(names = {"-n", "--lines"}, defaultValue = "100", description = "How many of the last lines to print (default: ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = {"-f", "--follow"}, description = "Keep printing lines as they are written (Ctrl-C to stop).")
    boolean follow;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PlatformLayout layout = OrderflowCommand.layout(3);
        Path log = layout.logFile(component);
        if (!Files.isRegularFile(log)) {
            try (var files = Files.list(layout.infra().logDir())) {
                List<String> known = files.map(f -> f.getFileName().toString().replaceFirst("\\.log$", "")).sorted().toList();
                System.err.println("orderflow: no log for '" + component + "'. Known: " + String.join(", ", known));
            } catch (IOException e) {
                System.err.println("orderflow: no logs yet in " + layout.infra().logDir() + " (run ./orderflow up first)");
            }
            return ExitCodes.NOT_FOUND;
        }
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.out::println);
        if (follow) {
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                file.seek(file.length());
                while (!Thread.currentThread().isInterrupted()) {
                    String line = file.readLine();
                    if (line == null) {
                        Thread.sleep(300);
                    } else {
                        System.out.println(new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return 0;
    }
}
