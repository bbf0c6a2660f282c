package dev.orderflow.sandbox.cli;

import dev.orderflow.infra.kafka.KafkaClientSecurity;
import dev.orderflow.events.Topics;
import dev.orderflow.messaging.deadletter.DeadLetterRecord;
import dev.orderflow.messaging.deadletter.DeadLetterReplay;
import dev.orderflow.messaging.deadletter.DeadLetterTopics;
import dev.orderflow.messaging.deadletter.PayloadRendering;
import dev.orderflow.sandbox.platform.Platform;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code orderflow dlq list|show|replay}: what the consumers gave up on, why, and — once the cause
 * is fixed — back to the original topic with the original event id, so each consumer's inbox makes
 * the replay safe (applied once where it was dead-lettered, skipped where it was already applied).
 */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        header = "List dead letters, show one, or replay chosen ones to their original topic.",
        description = {"What the consumers gave up on (<topic>.dlq), why, and once the cause is fixed, back to the "
            + "original topic with the original event id: consumers that already applied it skip it."},
        commandListHeading = "%nCommands:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILED_LINE},
        footer = {"  ./orderflow dlq list", "  ./orderflow dlq show orders.events.dlq:2:0",
            "  ./orderflow dlq replay orders.events.dlq:2:0"},
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.Show.class, DlqCommand.Replay.class})
class DlqCommand implements Runnable {
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Which Kafka: {@code --bootstrap-server}, else ORDERFLOW_KAFKA_BOOTSTRAP, else the platform `up` started. */
    static class KafkaOption {
        @Option(names = {"-b", "--bootstrap-server"}, description = "Kafka to read (default: the platform `./orderflow up` started).")
        String bootstrap;

        String bootstrapServers() {
            String chosen = Optional.ofNullable(bootstrap)
                    .or(() -> Optional.ofNullable(System.getenv("ORDERFLOW_KAFKA_BOOTSTRAP")))
                    .orElse(Platform.endpoints(OrderflowCommand.layout(3)).get("kafka"));
            if (chosen == null || chosen.isBlank()) {
                throw new IllegalStateException("no platform is running here (./orderflow up first); or name Kafka with --bootstrap-server");
            }
            return chosen;
        }
    }

    static List<String> deadLetterTopics(String topic) {
        if (topic != null) {
            return List.of(topic.endsWith(DeadLetterTopics.of("")) ? topic : DeadLetterTopics.of(topic));
        }
        return Topics.ALL.stream().map(DeadLetterTopics::of).toList();
    }

    static void printSummary(PrintWriter out, List<DeadLetterRecord> letters) {
        out.printf("%-28s %-26s %-36s %-38s %-22s %s%n", "DEAD LETTER", "ORIGINAL POSITION", "TYPE", "EVENT ID", "FAILURE", "REASON");
        for (DeadLetterRecord letter : letters) {
            out.printf("%-28s %-26s %-36s %-38s %-22s %s%n", letter.reference(), letter.originalPosition(),
                    letter.eventType(), letter.eventId(), letter.failure(), abbreviate(letter.reason(), 100));
        }
        out.printf("%d dead letter(s)%n", letters.size());
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.replace('\n', ' ');
        return line.length() <= max ? line : line.substring(0, max - 3) + "...";
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            header = "List dead letters (all four dead-letter topics, or one).",
            description = {"One line each: position, original position, type, event id, failure, reason."},
            exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILED_LINE},
            footer = {"  ./orderflow dlq list", "  ./orderflow dlq list --topic payments.events -b 127.0.0.1:9092"})
    static class ListLetters implements Callable<Integer> {
        @Mixin
        KafkaOption kafka;

        @Spec
        CommandSpec spec;

        @Option(names = {"-t", "--topic"}, description = "Only this topic (orders.events or orders.events.dlq).")
        String topic;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DeadLetterReplay dlq = new DeadLetterReplay(kafka.bootstrapServers(), KafkaClientSecurity.fromEnvironment())) {
                printSummary(out, dlq.list(deadLetterTopics(topic), READ_TIMEOUT));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            header = "Show one dead letter: where it came from, why, every header, the payload decoded.",
            exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE, ExitCodes.NOT_FOUND_LINE, ExitCodes.FAILED_LINE},
            footer = {"  ./orderflow dlq show orders.events.dlq:2:0"})
    static class Show implements Callable<Integer> {
        @Mixin
        KafkaOption kafka;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "<dead-letter topic>:<partition>:<offset>, as `dlq list` prints it.")
        String reference;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DeadLetterReplay dlq = new DeadLetterReplay(kafka.bootstrapServers(), KafkaClientSecurity.fromEnvironment())) {
                Optional<DeadLetterRecord> found = dlq.find(reference, READ_TIMEOUT);
                if (found.isEmpty()) {
                    spec.commandLine().getErr().println("orderflow: no dead letter " + reference);
                    return ExitCodes.NOT_FOUND;
                }
                DeadLetterRecord letter = found.get();
                out.printf("dead letter        %s%n", letter.reference());
                out.printf("original position  %s%n", letter.originalPosition());
                out.printf("consumer           %s%n", letter.consumer());
                out.printf("failure            %s%n", letter.failure());
                out.printf("reason             %s%n", letter.reason());
                out.printf("key                %s%n", letter.key());
                out.println("headers");
                for (Map.Entry<String, String> header : letter.headers().entrySet()) {
                    out.printf("  %-34s %s%n", header.getKey(), header.getValue());
                }
                out.println("payload");
                out.println("  " + PayloadRendering.render(letter.eventType(), letter.value()));
            }
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            header = "Replay dead letters to their original topic with their original event id.",
            description = {"Consumers that already applied an event skip it (their inbox has its id); the one that "
                + "dead-lettered it applies it once. Fix the cause first. The dead-letter topics keep the letters."},
            exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILED_LINE},
            footer = {"  ./orderflow dlq replay orders.events.dlq:2:0 orders.events.dlq:2:1",
                "  ./orderflow dlq replay --all --topic orders.events"})
    static class Replay implements Callable<Integer> {
        @Mixin
        KafkaOption kafka;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..*", description = "<dead-letter topic>:<partition>:<offset> of each one to replay.")
        List<String> references = new ArrayList<>();

        @Option(names = "--all", description = "Replay every dead letter of the topic(s) (with --topic, only that one).")
        boolean all;

        @Option(names = {"-t", "--topic"}, description = "With --all: only this topic.")
        String topic;

        @Override
        public Integer call() {
            if (all == !references.isEmpty()) {
                throw new IllegalArgumentException("name the dead letters to replay, or --all (not both)");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (DeadLetterReplay dlq = new DeadLetterReplay(kafka.bootstrapServers(), KafkaClientSecurity.fromEnvironment())) {
                List<DeadLetterRecord> chosen = new ArrayList<>();
                if (all) {
                    chosen.addAll(dlq.list(deadLetterTopics(topic), READ_TIMEOUT));
                } else {
                    for (String reference : references) {
                        chosen.add(dlq.find(reference, READ_TIMEOUT)
                                .orElseThrow(() -> new IllegalArgumentException("no dead letter " + reference)));
                    }
                }
                for (DeadLetterRecord letter : chosen) {
                    RecordMetadata sent = dlq.replay(letter);
                    out.printf("replayed %s (%s %s) -> %s-%d@%d%n", letter.reference(), letter.eventType(), letter.eventId(),
                            sent.topic(), sent.partition(), sent.offset());
                }
                out.printf("%d dead letter(s) replayed; the dead-letter topics keep them (a record of what happened)%n", chosen.size());
            }
            return 0;
        }
    }
}
