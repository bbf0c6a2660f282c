package dev.orderflow.sandbox.lab;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.orderflow.sandbox.platform.PlatformLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every lab as {@code ./orderflow lab} runs it, on one platform started once (the labs leave every
 * pattern on again when they end). Each must show the damage with its pattern off and its absence
 * with the pattern on: a lab whose naive run did no harm would teach nothing.
 */
class LabsIT {
    private static final Path ROOT = Path.of(System.getProperty("orderflow.home", "..")).toAbsolutePath().normalize();
    private static final long SEED = 1;
    private static LabBench bench;

    @BeforeAll
    static void start() {
        bench = LabBench.start(PlatformLayout.forTests(ROOT, Path.of("target/labs-it")), System.out);
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void outboxLabShowsTheDualWriteLosingTheEventAndTheOutboxPublishingItAfterTheCrash() throws InterruptedException {
        LabResult result = run(Lab.named("outbox"));

        assertThat(result.damageShown()).as("dual write: order committed, no OrderPlaced, still PLACED").isTrue();
        assertThat(result.damagePrevented()).as("outbox: one OrderPlaced after the restart, order terminal").isTrue();
        assertThat(result.naive().evidence()).anySatisfy(line -> assertThat(line).contains("halted (exit 86)"))
                .anySatisfy(line -> assertThat(line).contains("0 OrderPlaced").contains("still PLACED"));
        assertThat(result.patterns().evidence()).anySatisfy(line -> assertThat(line).contains("halted (exit 86)"))
                .anySatisfy(line -> assertThat(line).contains("1 OrderPlaced"));
    }

    @Test
    void orderingLabShowsAReleaseOvertakingItsReservationStrandingTheOrderWithoutSequenceChecks() throws InterruptedException {
        LabResult result = run(Lab.named("ordering"));

        assertThat(result.damageShown()).as("arrival order: release refused and dead-lettered, order stuck RESERVED").isTrue();
        assertThat(result.damagePrevented()).as("sequence checks: release parked until the reservation, order CANCELLED").isTrue();
        assertThat(result.naive().evidence()).anySatisfy(line -> assertThat(line).contains("newest first"))
                .anySatisfy(line -> assertThat(line).contains("order RESERVED").contains("dead-lettered: InventoryReleased"));
        assertThat(result.patterns().evidence()).anySatisfy(line -> assertThat(line).contains("newest first"))
                .anySatisfy(line -> assertThat(line).contains("order CANCELLED").contains("nothing dead-lettered"));
    }

    @Test
    void idempotencyKeyLabShowsARetryChargingTwiceWithoutTheKeyAndOnceWithIt() throws InterruptedException {
        LabResult result = run(Lab.named("idempotency-key"));

        assertThat(result.damageShown()).as("a new key per attempt: some order captured more than once").isTrue();
        assertThat(result.damagePrevented()).as("one key per order: timeouts happened, every order captured once").isTrue();
        assertThat(result.naive().evidence()).anySatisfy(line -> assertThat(line).containsPattern("charged [2-9] times"));
        assertThat(result.patterns().evidence()).filteredOn(line -> line.startsWith("order "))
                .hasSize(IdempotencyKeyLab.ORDERS).allSatisfy(line -> assertThat(line).contains("charged once"));
    }

    @Test
    void poisonLabShowsAPoisonRecordBlockingItsOrderWithoutClassificationAndDeadLetteredWithIt() throws InterruptedException {
        LabResult result = run(Lab.named("poison"));

        assertThat(result.damageShown()).as("every failure transient: poison retried, order stuck PLACED, not dead-lettered").isTrue();
        assertThat(result.damagePrevented()).as("classification: poison on inventory.events.dlq with its reason, orders SHIPPED")
                .isTrue();
        assertThat(result.naive().evidence()).anySatisfy(line -> assertThat(line).contains("ahead of its InventoryReserved"))
                .anySatisfy(line -> assertThat(line).containsPattern("retried it [1-9][0-9]* time").contains("still PLACED"))
                .anySatisfy(line -> assertThat(line).startsWith("nothing dead-lettered by order-service"));
        assertThat(result.patterns().evidence()).anySatisfy(line -> assertThat(line).contains("ahead of its InventoryReserved"))
                .anySatisfy(line -> assertThat(line).startsWith("order-service dead-lettered").contains("(reason: cannot decode")
                        .contains("SHIPPED"));
    }

    @Test
    void schemaLabShowsABreakingSchemaDeadLetteredByConsumersWithoutTheRuleAndRefusedBeforePublishingWithIt()
            throws InterruptedException {
        LabResult result = run(Lab.named("schema"));

        assertThat(result.damageShown()).as("no rule: the registry took the breaking schema, consumers dead-lettered it").isTrue();
        assertThat(result.damagePrevented()).as("rule: gate and registry refused it, nothing published").isTrue();
        assertThat(result.naive().evidence()).contains("build gate: not run", "1 event(s) published on orders.events")
                .anySatisfy(line -> assertThat(line).startsWith("registry: registered it"))
                .anySatisfy(line -> assertThat(line).contains("could not read it, dead-lettered").contains("inventory-service"))
                // Dead-lettered for its schema, not refused for its ce_source before it was decoded.
                .anySatisfy(line -> assertThat(line).startsWith("reason: ").doesNotContain("ce_source"));
        assertThat(result.patterns().evidence()).contains("0 event(s) published on orders.events", "nothing dead-lettered")
                .anySatisfy(line -> assertThat(line).startsWith("build gate: refused").contains("customerId"))
                .anySatisfy(line -> assertThat(line).startsWith("registry: refused it"));
    }

    @Test
    void traceLabShowsEachEventStartingANewTraceWithoutPropagationAndOneTraceThroughAllFourServicesWithIt()
            throws InterruptedException {
        LabResult result = run(Lab.named("trace"));

        assertThat(result.damageShown()).as("no propagation: several traces, none published by more than one service").isTrue();
        assertThat(result.damagePrevented()).as("propagation: one trace id on every event of the order").isTrue();
        assertThat(result.naive().evidence().getFirst()).containsPattern("under [2-9][0-9]* different traces");
        assertThat(result.patterns().evidence().getFirst()).endsWith("under 1 trace");
        assertThat(result.patterns().evidence()).filteredOn(line -> line.startsWith("trace "))
                .singleElement(as(STRING))
                .contains("order-service", "inventory-service", "payment-service", "shipping-service");
    }

    private static LabResult run(Lab lab) throws InterruptedException {
        LabResult result = lab.run(bench, SEED);
        System.out.print(result.render());
        assertThat(result.passed()).as(result.render()).isTrue();
        return result;
    }
}
