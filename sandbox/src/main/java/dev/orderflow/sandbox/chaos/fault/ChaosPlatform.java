package dev.orderflow.sandbox.chaos.fault;

import dev.orderflow.sandbox.platform.Platform;
import dev.orderflow.sandbox.platform.PlatformLayout;
import dev.orderflow.sandbox.platform.RunningPlatform;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Placeholder for the chaos platform (the nemesis branch replaces this file). */
public final class ChaosPlatform implements AutoCloseable {

    public static ChaosPlatform start(PlatformLayout layout, Map<String, String> serviceConfig, Platform.Progress progress) {
        throw new UnsupportedOperationException("the chaos platform is not built yet");
    }

    public RunningPlatform platform() {
        throw new UnsupportedOperationException();
    }

    public Fault fault(FaultType type, Random random) {
        throw new UnsupportedOperationException();
    }

    public void healAll() {}

    public List<String> poisonEventIds() {
        return List.of();
    }

    @Override
    public void close() {}
}
