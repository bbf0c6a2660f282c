package dev.orderflow.messaging.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.EventDescriptor;
import org.junit.jupiter.api.Test;

class WriterSchemasTest {

    @Test
    void eachTypeGetsOneLanguageNeutralSchemaInstanceSoTheRelayDoesNotReparseItPerRow() {
        WriterSchemas schemas = WriterSchemas.current();
        for (EventDescriptor<?> contract : EventCatalog.all()) {
            assertThat(schemas.of(contract.type())).isSameAs(schemas.of(contract.type()))
                    .isSameAs(WriterSchemas.current().of(contract.type()));
            assertThat(schemas.of(contract.type()).toString()).doesNotContain("avro.java.string");
        }
    }

    @Test
    void aTypeThatIsNoContractIsRefusedEveryTime() {
        WriterSchemas schemas = WriterSchemas.current();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> schemas.of("dev.orderflow.unknown.Nothing.v1"))
                    .isInstanceOf(SchemaRefusedException.class)
                    .hasMessageContaining("no event contract");
        }
    }
}
