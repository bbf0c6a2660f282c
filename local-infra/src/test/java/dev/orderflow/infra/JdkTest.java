package dev.orderflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdkTest {

    @Test
    void parsesModernAndLegacyVersionStrings() {
        assertThat(Jdk.parseFeatureVersion("openjdk version \"17.0.15\" 2025-04-15")).isEqualTo(17);
        assertThat(Jdk.parseFeatureVersion("openjdk version \"25\" 2025-09-16")).isEqualTo(25);
        assertThat(Jdk.parseFeatureVersion("java version \"1.8.0_402\"")).isEqualTo(8);
        assertThat(Jdk.parseFeatureVersion("no version here")).isEqualTo(-1);
    }

    @Test
    void findsTheRunningJvmWhenItIsNewEnough() {
        assertThat(Jdk.find(Runtime.version().feature())).isPresent();
        assertThat(Jdk.find(10_000)).isEmpty();
    }
}
