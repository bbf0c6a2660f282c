package dev.orderflow.sandbox.chaos;

import dev.orderflow.sandbox.chaos.fault.FaultType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * When each fault starts and how long it is held: a pure function of (types, count, seed,
 * duration), so the same seed replays the same schedule.
 */
public final class FaultSchedule {

    /**
     * One planned fault. {@code seed} picks its target, so targets replay too whatever the timing.
     */
    public record ScheduledFault(int index, long atMillis, FaultType type, long holdMillis, long seed) {}

    private static final long MIN_HOLD_MILLIS = 2_000;
    private static final long MAX_HOLD_MILLIS = 6_000;

    private FaultSchedule() {}

    /**
     * {@code count} faults (at least one of each type) spread over {@code durationMillis}: one slot
     * each, started at a seeded moment in the first half of its slot.
     */
    public static List<ScheduledFault> plan(List<FaultType> types, int count, long seed, long durationMillis) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("no fault types to schedule");
        }
        if (count < types.size()) {
            throw new IllegalArgumentException(count + " faults cannot cover " + types.size() + " fault types");
        }
        Random random = new Random(seed);
        List<FaultType> order = new ArrayList<>(types);
        while (order.size() < count) {
            order.add(types.get(random.nextInt(types.size())));
        }
        Collections.shuffle(order, random);
        long slot = durationMillis / count;
        List<ScheduledFault> schedule = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long at = i * slot + (slot > 1 ? random.nextLong(slot / 2 + 1) : 0);
            long hold = MIN_HOLD_MILLIS + random.nextLong(MAX_HOLD_MILLIS - MIN_HOLD_MILLIS + 1);
            schedule.add(new ScheduledFault(i, at, order.get(i), hold, random.nextLong()));
        }
        return schedule;
    }
}
