package dev.orderflow.messaging.testing;

import dev.orderflow.messaging.lab.FaultAction;
import dev.orderflow.messaging.lab.FaultPoint;
import dev.orderflow.messaging.lab.FaultPoints;
import dev.orderflow.messaging.jdbc.ConnectionFactory;
import dev.orderflow.messaging.relay.OutboxRelay;
import java.util.Locale;

/** Child process: one outbox relay, as a service instance would run it, until it is killed or halts. */
public final class RelayMain {
    public static void main(String[] args) throws InterruptedException {
        String name = args[0];
        FaultPoints faults = FaultPoints.of(FaultPoint.AFTER_PUBLISH_BEFORE_MARK, FaultAction.valueOf(args[6].toUpperCase(Locale.ROOT)));
        OutboxRelay relay = Relays.create(
                name, ConnectionFactory.driverManager(args[1], args[2], args[3]), args[4], Integer.parseInt(args[5]), faults);
        relay.start();
        System.out.println("STARTED " + name);
        boolean announced = false;
        while (true) {
            if (relay.isLeader() && !announced) {
                System.out.println("LEADER " + name);
                announced = true;
            }
            Thread.sleep(20);
        }
    }
}
