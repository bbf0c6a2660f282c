package dev.orderflow.sandbox.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pattern's experiment: the same seeded scenario with that one pattern switched off, then on,
 * on a {@link LabBench}. It leaves the platform with every pattern on again, so labs can follow
 * each other on one platform.
 */
public interface Lab {

    /** The command's argument, e.g. {@code outbox}. */
    String name();

    /** What it shows, in a line. */
    String summary();

    LabResult run(LabBench bench, long seed) throws InterruptedException;

    /** Every lab, by name, in the order the docs teach them. */
    static Map<String, Lab> all() {
        Map<String, Lab> labs = new LinkedHashMap<>();
        for (Lab lab : List.of(new OutboxLab(), new OrderingLab(), new IdempotencyKeyLab(), new PoisonLab(), new SchemaLab(), new TraceLab())) {
            labs.put(lab.name(), lab);
        }
        return labs;
    }

    /** The lab of that name; an unknown name is a usage error that lists the known ones. */
    static Lab named(String name) {
        Lab lab = all().get(name);
        if (lab == null) {
            throw new IllegalArgumentException("no lab '" + name + "'; labs: " + String.join(", ", all().keySet()));
        }
        return lab;
    }
}
