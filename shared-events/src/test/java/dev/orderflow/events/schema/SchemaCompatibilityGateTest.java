package dev.orderflow.events.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.EventDescriptor;
import dev.orderflow.events.schema.CompatibilityViolation.Check;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The build's compatibility gate ({@link #everyEventIsCompatibleWithAllItsEarlierRevisions}) and
 * the proof that it rejects what it must.
 */
class SchemaCompatibilityGateTest {

    private static final SchemaCompatibilityGate GATE = new SchemaCompatibilityGate(CompatibilityRule.PROJECT_RULE);

    /** THE GATE: fails the build when any event's revision breaks an earlier one. */
    @Test
    void everyEventIsCompatibleWithAllItsEarlierRevisions() {
        List<CompatibilityViolation> violations = new ArrayList<>();
        for (EventDescriptor<?> event : EventCatalog.all()) {
            List<SchemaRevision> history = new ArrayList<>(SchemaHistory.of(event));
            assertThat(history).as(event.label() + " has a committed history").isNotEmpty();
            if (BreakingFixture.enabled() && event.equals(BreakingFixture.EVENT)) {
                SchemaRevision candidate = BreakingFixture.asRevisionAfter(history.size());
                System.out.println("[schema gate] " + BreakingFixture.ENABLE_PROPERTY + "=true: checking "
                        + candidate.source() + " as revision " + candidate.revision() + " of " + event.label());
                history.add(candidate);
            }
            violations.addAll(GATE.check(event.label(), history));
        }
        if (!violations.isEmpty()) {
            fail(GATE.report(violations));
        }
    }

    @Test
    void projectRuleIsFullTransitive() {
        assertThat(CompatibilityRule.PROJECT_RULE).isEqualTo(CompatibilityRule.FULL_TRANSITIVE);
        assertThat(CompatibilityRule.PROJECT_RULE.newReadsOld()).isTrue();
        assertThat(CompatibilityRule.PROJECT_RULE.oldReadsNew()).isTrue();
    }

    @Test
    void breakingFixtureIsRejectedNamingTheField() {
        List<SchemaRevision> history = SchemaHistory.of(BreakingFixture.EVENT);
        SchemaRevision fixture = BreakingFixture.asRevisionAfter(history.size());

        List<CompatibilityViolation> violations =
                GATE.checkCandidate(BreakingFixture.EVENT.label(), fixture, history);

        // old consumers need customerId, which the fixture no longer writes: against every earlier revision
        assertThat(violations)
                .filteredOn(v -> v.check() == Check.FORWARD)
                .extracting(CompatibilityViolation::earlierRevision, CompatibilityViolation::field)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(1, BreakingFixture.BROKEN_FIELD),
                        org.assertj.core.groups.Tuple.tuple(2, BreakingFixture.BROKEN_FIELD));
        // and a consumer of the fixture could not read events already published (no buyerId in them)
        assertThat(violations).filteredOn(v -> v.check() == Check.BACKWARD)
                .extracting(CompatibilityViolation::field).contains("buyerId");
        assertThat(GATE.report(violations))
                .contains("OrderPlaced v1 (dev.orderflow.order.OrderPlaced.v1)")
                .contains("revision 3 is incompatible with revision 1")
                .contains("field '" + BreakingFixture.BROKEN_FIELD + "'")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    }

    @Test
    void additiveOptionalFieldWithDefaultIsAccepted() {
        assertThat(GATE.check("OrderPlaced v1", SchemaHistory.of(BreakingFixture.EVENT))).isEmpty();
        assertThat(GATE.check("T", history(RECORD_A, RECORD_A.replace("]}", ",{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}"))))
                .isEmpty();
    }

    @Test
    void removingARequiredFieldIsRejectedBecauseOldConsumersStillNeedIt() {
        List<CompatibilityViolation> violations = GATE.check("T", history(RECORD_AB, RECORD_A));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.check()).isEqualTo(Check.FORWARD);
            assertThat(v.field()).isEqualTo("b");
        });
    }

    @Test
    void typeChangeOfANestedFieldIsReportedWithItsPath() {
        String before = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"lines\",\"type\":{\"type\":\"array\",\"items\":"
                + "{\"type\":\"record\",\"name\":\"L\",\"fields\":[{\"name\":\"sku\",\"type\":\"string\"},{\"name\":\"quantity\",\"type\":\"int\"}]}}}]}";
        String after = before.replace("{\"name\":\"quantity\",\"type\":\"int\"}", "{\"name\":\"quantity\",\"type\":\"string\"}");
        assertThat(GATE.check("T", history(before, after)))
                .extracting(CompatibilityViolation::field)
                .containsOnly("lines[].quantity");
    }

    @Test
    void decimalScaleChangeIsRejectedAlthoughAvrosOwnCheckerAcceptsIt() {
        String scale2 = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"total\",\"type\":{\"type\":\"record\",\"name\":\"Money\",\"fields\":["
                + "{\"name\":\"amount\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2}}]}}]}";
        String scale3 = scale2.replace("\"scale\":2", "\"scale\":3");
        assertThat(new SchemaCompatibilityGate(CompatibilityRule.FULL_TRANSITIVE).check("T", history(scale2, scale3)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.check()).isEqualTo(Check.LOGICAL_TYPE);
                    assertThat(v.field()).isEqualTo("total.amount");
                    assertThat(v.detail()).isEqualTo("was decimal(12,2), now decimal(12,3)");
                });
    }

    @Test
    void renameThroughAnAliasIsBackwardCompatibleButRejectedUnderFullBecauseOldConsumersBreak() {
        String renamed = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
                + "{\"name\":\"buyer\",\"aliases\":[\"b\"],\"type\":\"string\"}]}";
        assertThat(new SchemaCompatibilityGate(CompatibilityRule.BACKWARD_TRANSITIVE).check("T", history(RECORD_AB, renamed)))
                .isEmpty();
        assertThat(GATE.check("T", history(RECORD_AB, renamed)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.check()).isEqualTo(Check.FORWARD);
                    assertThat(v.field()).isEqualTo("b");
                });
    }

    @Test
    void newEnumSymbolIsAcceptedOnlyWhenTheEnumHasADefault() {
        String withDefault = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"reason\",\"type\":{\"type\":\"enum\",\"name\":\"R\","
                + "\"symbols\":[\"A\",\"UNKNOWN\"],\"default\":\"UNKNOWN\"}}]}";
        String withoutDefault = withDefault.replace(",\"default\":\"UNKNOWN\"", "");
        assertThat(GATE.check("T", history(withDefault, withDefault.replace("\"A\",", "\"A\",\"B\","))))
                .isEmpty();
        assertThat(GATE.check("T", history(withoutDefault, withoutDefault.replace("\"A\",", "\"A\",\"B\","))))
                .singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("reason"));
    }

    @Test
    void everyEarlierRevisionIsCheckedNotOnlyTheLatest() {
        String bOptional = RECORD_A.replace("]}", ",{\"name\":\"b\",\"type\":\"string\",\"default\":\"\"}]}");
        String bRequired = RECORD_AB;
        // 2 -> 3 alone is fine (revision 2 writes b, and has a default for it); revision 1 never wrote b
        assertThat(GATE.checkCandidate("T", revision(3, bRequired), List.of(revision(2, bOptional)))).isEmpty();
        assertThat(GATE.check("T", history(RECORD_A, bOptional, bRequired)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.revision()).isEqualTo(3);
                    assertThat(v.earlierRevision()).isEqualTo(1);
                    assertThat(v.field()).isEqualTo("b");
                });
    }

    private static final String RECORD_A = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    private static final String RECORD_AB =
            "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"string\"}]}";

    private static List<SchemaRevision> history(String... schemas) {
        List<SchemaRevision> history = new ArrayList<>();
        for (String schema : schemas) {
            history.add(revision(history.size() + 1, schema));
        }
        return history;
    }

    private static SchemaRevision revision(int revision, String schema) {
        return new SchemaRevision(revision, new Schema.Parser().parse(schema), "inline");
    }
}
