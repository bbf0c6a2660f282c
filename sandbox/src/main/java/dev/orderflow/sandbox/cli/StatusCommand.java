package dev.orderflow.sandbox.cli;

import dev.orderflow.sandbox.platform.Platform;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "status", description = "Show each component: pid, ready or not, address. Exit 0 when all are ready, 3 otherwise.")
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
        return statuses.stream().allMatch(Platform.ComponentStatus::ready) ? 0 : 3;
    }
}
