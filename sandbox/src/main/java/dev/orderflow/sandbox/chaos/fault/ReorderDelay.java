package dev.orderflow.sandbox.chaos.fault;

import java.time.Duration;
import java.util.Random;

/**
 * The delivery forwarder holds every record and releases what it holds every window, shuffled
 * per key: consumers see events late and, for one order, out of the order they were published in.
 */
final class ReorderDelay extends BaseFault {
    private final DeliveryForwarder forwarder;
    private final Duration window;
    private final long seed;

    ReorderDelay(DeliveryForwarder forwarder, Duration window, long seed) {
        super(FaultType.REORDER_DELAY, "delivery");
        this.forwarder = forwarder;
        this.window = window;
        this.seed = seed;
    }

    @Override
    void start() {
        forwarder.hold(window, new Random(seed));
        detail("holding every delivered record, released every " + window.toMillis() + " ms shuffled per key");
    }

    @Override
    void end() {
        DeliveryForwarder.HoldResult result = forwarder.release();
        detail("held " + result.held() + " delivered records and released them every " + window.toMillis()
                + " ms shuffled per key: " + result.keysReordered() + " key(s) got their events out of order; passing through again");
    }
}
