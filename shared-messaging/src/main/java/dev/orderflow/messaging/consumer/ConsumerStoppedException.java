package dev.orderflow.messaging.consumer;

/** The service is shutting down while a record was being retried: it is not acknowledged and will be redelivered. */
public class ConsumerStoppedException extends RuntimeException {
    public ConsumerStoppedException(String consumer) {
        super("consumer " + consumer + " stopped before the record could be processed");
    }
}
