package dev.orderflow.payment.rest;

import dev.orderflow.payment.domain.PaymentNotFound;
import dev.orderflow.web.Problems;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** payment-service's own refusals; malformed or invalid requests are mapped by shared-web. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalidOrderId(PaymentResource.InvalidOrderId e) {
        return Problems.response(400, "Invalid request", e.getMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response paymentNotFound(PaymentNotFound e) {
        return Problems.response(404, "Unknown payment", e.getMessage(), Map.of());
    }
}
