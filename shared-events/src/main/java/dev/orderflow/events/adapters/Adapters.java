package dev.orderflow.events.adapters;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every adapter between two major versions of one event, by (from class, to class). A consumer
 * that asks for the version it was built against gets events of the other version translated
 * here, so a v1-only consumer keeps working while producers move to v2 (and the other way round).
 */
public final class Adapters {

    private record Adapter<F extends SpecificRecord, T extends SpecificRecord>(Class<F> from, Class<T> to, Function<F, T> adapt) {}

    private static final List<Adapter<?, ?>> ALL = List.of(
            new Adapter<>(
                    dev.orderflow.events.payment.v2.PaymentCaptured.class,
                    dev.orderflow.events.payment.v1.PaymentCaptured.class,
                    PaymentCapturedV2ToV1::adapt),
            new Adapter<>(
                    dev.orderflow.events.payment.v1.PaymentCaptured.class,
                    dev.orderflow.events.payment.v2.PaymentCaptured.class,
                    PaymentCapturedV1ToV2::adapt));

    /**
     * The translation of a {@code from} record into a {@code to} record, if an adapter exists. The
     * function throws {@link EventNotAdaptable} for a value the target version cannot carry exactly.
     */
    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> Optional<Function<SpecificRecord, T>> between(Class<?> from, Class<T> to) {
        for (Adapter<?, ?> adapter : ALL) {
            if (adapter.from().equals(from) && adapter.to().equals(to)) {
                Function<SpecificRecord, SpecificRecord> adapt = (Function<SpecificRecord, SpecificRecord>) (Function<?, ?>) adapter.adapt();
                return Optional.of(record -> to.cast(adapt.apply(record)));
            }
        }
        return Optional.empty();
    }

    private Adapters() {}
}
