package dev.orderflow.sandbox.cli;

import dev.orderflow.sandbox.platform.Platform;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        header = "Show each component: pid, ready or not, address.",
        description = {"Exits 0 when every component is ready, so scripts can wait on it."},
        exitCodeList = {ExitCodes.READY_LINE, ExitCodes.USAGE_LINE, ExitCodes.NOT_READY_LINE},
        footer = {"  ./orderflow status", "  until ./orderflow status >/dev/null; do sleep 2; done"})
class StatusCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        List<Platform.ComponentStatus> statuses = Platform.status(OrderflowCommand.layout(3)).stream()
                .filter(s -> s.running() || !s.name().matches("kafka-[23]"))
                .toList();
        System.out.printf("%-18s %-8s %-9s %s%n", "COMPONENT", "PID", "STATE", "ADDRESS");
        for (Platform.ComponentStatus s : statuses) {
            String state = s.ready() ? "ready" : s.running() ? "starting" : "stopped";
            System.out.printf("%-18s %-8s %-9s %s%n", s.name(), s.running() ? s.pid() : "-", state, s.url());
        }
        return statuses.stream().allMatch(Platform.ComponentStatus::ready) ? ExitCodes.OK : ExitCodes.NOT_READY;
    }
}
