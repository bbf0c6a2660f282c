package dev.orderflow.sandbox.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.sandbox.chaos.FaultSchedule.ScheduledFault;
import dev.orderflow.sandbox.chaos.fault.FaultType;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    @Test
    void sameSeedReplaysTheSameSchedule() {
        List<FaultType> all = ChaosOptions.scenario("all");
        assertThat(FaultSchedule.plan(all, 22, 7, 180_000)).isEqualTo(FaultSchedule.plan(all, 22, 7, 180_000));
        assertThat(FaultSchedule.plan(all, 22, 7, 180_000)).isNotEqualTo(FaultSchedule.plan(all, 22, 8, 180_000));
    }

    @Test
    void allCoversEveryFaultTypeWithAtLeastTwentyFaultsInOrder() {
        List<FaultType> all = ChaosOptions.scenario("all");
        List<ScheduledFault> schedule = FaultSchedule.plan(all, ChaosOptions.defaultFaults(all), 7, 180_000);
        assertThat(schedule).hasSizeGreaterThanOrEqualTo(20);
        assertThat(EnumSet.copyOf(schedule.stream().map(ScheduledFault::type).toList())).isEqualTo(EnumSet.allOf(FaultType.class));
        for (int i = 1; i < schedule.size(); i++) {
            assertThat(schedule.get(i).atMillis()).isGreaterThan(schedule.get(i - 1).atMillis());
        }
        assertThat(schedule.get(schedule.size() - 1).atMillis()).isLessThan(180_000);
    }

    @Test
    void oneScenarioSchedulesOnlyItsFault() {
        List<FaultType> dbCut = ChaosOptions.scenario("db-cut");
        assertThat(FaultSchedule.plan(dbCut, ChaosOptions.defaultFaults(dbCut), 1, 60_000))
                .hasSize(3).allSatisfy(f -> assertThat(f.type()).isEqualTo(FaultType.DB_CUT));
    }

    @Test
    void unknownScenarioNamesTheKnownOnes() {
        assertThatThrownBy(() -> ChaosOptions.scenario("meteor"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("db-cut").hasMessageContaining("all");
    }

    @Test
    void tooFewFaultsForTheTypesIsRefused() {
        assertThatThrownBy(() -> FaultSchedule.plan(ChaosOptions.scenario("all"), 5, 1, 60_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot cover");
    }
}
