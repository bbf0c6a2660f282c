package dev.orderflow.events.schema;

/**
 * One reason a revision may not follow an earlier one.
 *
 * @param event the event and major version, e.g. {@code OrderPlaced v1 (dev.orderflow.order.OrderPlaced.v1)}
 * @param revision the revision under check (the newer one)
 * @param earlierRevision the earlier revision it breaks
 * @param check which direction of the rule is broken
 * @param kind Avro's incompatibility type (e.g. {@code READER_FIELD_MISSING_DEFAULT_VALUE}), or
 *     {@code LOGICAL_TYPE_CHANGED}
 * @param field the dotted path of the field concerned, e.g. {@code customerId} or {@code lines[].unitPrice}
 * @param location Avro's JSON-pointer location in the reading schema, e.g. {@code /fields/1}
 * @param detail what is wrong, in Avro's words
 */
public record CompatibilityViolation(
        String event,
        int revision,
        int earlierRevision,
        Check check,
        String kind,
        String field,
        String location,
        String detail) {

    /** The direction of the rule a violation breaks. */
    public enum Check {
        /** New reader, old writer. */
        BACKWARD,
        /** Old reader, new writer. */
        FORWARD,
        /** Same bytes, different meaning: Avro's checker does not compare logical types. */
        LOGICAL_TYPE
    }

    /** One line naming the event, both revisions, the field and the reason. */
    public String describe() {
        String consequence =
                switch (check) {
                    case BACKWARD -> "consumers on revision " + revision
                            + " cannot read events written with revision " + earlierRevision;
                    case FORWARD -> "consumers still on revision " + earlierRevision
                            + " cannot read events written with revision " + revision;
                    case LOGICAL_TYPE -> "the same bytes would mean something else in revision " + revision
                            + " than in revision " + earlierRevision;
                };
        return event + ": revision " + revision + " is incompatible with revision " + earlierRevision
                + ", field '" + field + "' [" + check + " " + kind + " at " + location + "]: " + consequence
                + " (" + detail + ")";
    }
}
