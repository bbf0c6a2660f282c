package dev.orderflow.sandbox.cli;

import dev.orderflow.sandbox.lab.Lab;
import dev.orderflow.sandbox.lab.LabBench;
import dev.orderflow.sandbox.lab.LabResult;
import dev.orderflow.sandbox.lab.LabResultFile;
import dev.orderflow.sandbox.platform.PlatformLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lab", mixinStandardHelpOptions = true,
        header = "Switch one pattern off, then on, and show side by side the damage it prevents.",
        description = {"Starts a fresh platform with every pattern on, then runs a short seeded experiment twice: "
            + "with the pattern switched off (the lab's naive variant, on the one service that reads the switch), "
            + "then on. It prints what each run did, with the order, charge and event ids to look up.",
            "Labs: outbox (a crash between the commit and the publish), ordering (an order's InventoryReleased "
            + "delivered before its InventoryReserved), idempotency-key (the payment provider charges, then times out), "
            + "poison (an undecodable record ahead of an order's InventoryReserved: retried forever, or dead-lettered), "
            + "schema (a breaking OrderPlaced schema, with and without the compatibility rule), trace (one order's trace "
            + "through the four services, with and without the relay carrying it), or all of them on one platform.",
            "No lab for inbox: with the inbox alone off, a redelivered event is stale to the sequence "
            + "check and skipped, so the naive run shows no damage (ConsumerOrderingTest shows the inbox with both off; "
            + "chaos --mode naive on the platform)."},
        exitCodeList = {ExitCodes.LAB_PASSED_LINE, ExitCodes.LAB_FAILED_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILED_LINE},
        footer = {"  ./orderflow lab outbox",
            "  ./orderflow lab ordering",
            "  ./orderflow lab idempotency-key --seed 7",
            "  ./orderflow lab poison",
            "  ./orderflow lab trace",
            "  ./orderflow lab all"})
class LabCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<pattern>", description = "outbox, ordering, idempotency-key, poison, schema, trace, or all.")
    String pattern;

    @Option(names = "--seed", defaultValue = "1", description = "Seeds the orders and the faults: same seed, same experiment (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "<dir>", description = "Also write the results as result.json in this directory, rewritten after "
            + "each lab (for programs such as the console; the text above stays the same).")
    Path out;

    @Override
    public Integer call() throws InterruptedException {
        List<Lab> labs = "all".equals(pattern) ? List.copyOf(Lab.all().values()) : List.of(Lab.named(pattern));
        // The chaos layout: the CLI's ports, a state directory started clean, everything stopped at the end.
        PlatformLayout layout = PlatformLayout.chaos(OrderflowCommand.root(), 1);
        System.out.println("lab: starting a platform with every pattern on");
        List<LabResult> results = new ArrayList<>();
        try (LabBench bench = LabBench.start(layout, System.out)) {
            for (Lab lab : labs) {
                System.out.printf("%nlab %s (seed %d): %s%n", lab.name(), seed, lab.summary());
                LabResult result = lab.run(bench, seed);
                results.add(result);
                if (out != null) {
                    LabResultFile.write(out.toAbsolutePath(), results);
                }
                System.out.println();
                System.out.print(result.render());
            }
        }
        return results.stream().allMatch(LabResult::passed) ? ExitCodes.OK : ExitCodes.INVALID;
    }
}
