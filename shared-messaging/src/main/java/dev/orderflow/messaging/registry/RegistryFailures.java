package dev.orderflow.messaging.registry;

import com.microsoft.kiota.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;

/** Reads a failure of the registry or its serde: a refusal (final) or an outage (retry later). */
final class RegistryFailures {
    private RegistryFailures() {}

    /**
     * An answer 4xx is a refusal; no answer (connection, timeout, I/O) or a 5xx is an outage; anything
     * else (the serde could not write the record) is a refusal too: retrying the same row cannot help.
     */
    static RuntimeException classify(String type, RuntimeException failure) {
        int status = statusOf(failure);
        if ((status >= 400 && status < 500) || (status < 0 && !isIoFailure(failure))) {
            String reason = status > 0 ? "the schema registry refused the schema (HTTP " + status + "): " + problem(failure)
                    : "the schema registry serde cannot write it: " + failure;
            return new SchemaRefusedException(type, reason, failure);
        }
        return new SchemaRegistryUnavailableException("schema registry unavailable while registering " + type + ": " + failure, failure);
    }

    private static boolean isIoFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // An interrupted call (the service shutting down) got no answer: not a refusal.
            if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof TimeoutException
                    || t instanceof InterruptedException || t.getClass().getName().contains("Connect") || t.getClass().getName().startsWith("io.vertx")
                    || t.getClass().getName().startsWith("io.netty")) {
                return true;
            }
        }
        return false;
    }

    static boolean isNotFound(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().contains("NotFound")) {
                return true;
            }
        }
        return false;
    }

    /** The HTTP status of the registry's answer somewhere in the cause chain, or -1. */
    static int statusOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api && api.getResponseStatusCode() > 0) {
                return api.getResponseStatusCode();
            }
        }
        return -1;
    }

    private static String problem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.apicurio.registry.rest.client.models.ProblemDetails details) {
                return details.getTitle() + (details.getDetail() == null ? "" : ": " + details.getDetail());
            }
        }
        return String.valueOf(failure.getMessage());
    }

}
