package dev.orderflow.sandbox.chaos.fault;

/**
 * The delivery forwarder holds one topic's records while the rest of the saga moves on, then
 * delivers each key's held records newest first: for one order, a later fact reaches every
 * consumer before the one it follows.
 */
final class NewestFirstDelivery extends BaseFault {
    private final DeliveryForwarder forwarder;

    NewestFirstDelivery(DeliveryForwarder forwarder, String topic) {
        super(FaultType.REORDER_DELAY, topic);
        this.forwarder = forwarder;
    }

    @Override
    void start() {
        forwarder.holdNewestFirst(target());
        detail("holding every record of " + target() + "; the other topics pass");
    }

    @Override
    void end() {
        DeliveryForwarder.HoldResult result = forwarder.release();
        detail("held " + result.held() + " record(s) of " + target() + " and delivered them newest first: "
                + result.keysReordered() + " key(s) got their events in reverse order");
    }
}
