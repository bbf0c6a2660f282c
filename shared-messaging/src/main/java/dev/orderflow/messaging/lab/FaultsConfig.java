package dev.orderflow.messaging.lab;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;

/** Fault points by key ({@code orderflow.messaging.faults.after-commit-before-publish=halt|fail|none}, ...). */
@ConfigMapping(prefix = "orderflow.messaging.faults")
public interface FaultsConfig {
    @WithParentName
    Map<String, String> points();
}
