package dev.orderflow.order.rest;

import dev.orderflow.order.domain.CancellationRefused;
import dev.orderflow.order.domain.IdempotencyKeyReused;
import dev.orderflow.order.domain.OrderNotFound;
import dev.orderflow.order.domain.UnknownSku;
import dev.orderflow.web.Problems;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** order-service's own refusals; malformed or invalid requests are mapped by shared-web. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response unknownSku(UnknownSku e) {
        return Problems.response(422, "Unknown SKU", e.getMessage(), Map.of("skus", e.skus));
    }

    @ServerExceptionMapper
    public Response notFound(OrderNotFound e) {
        return Problems.response(404, "Order not found", e.getMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response cancellationRefused(CancellationRefused e) {
        return Problems.response(409, "Order cannot be cancelled", e.getMessage(), Map.of("orderStatus", e.status.name()));
    }

    @ServerExceptionMapper
    public Response idempotencyKeyReused(IdempotencyKeyReused e) {
        return Problems.response(422, "Idempotency-Key reused", e.getMessage(), Map.of("orderId", e.orderId.toString()));
    }
}
