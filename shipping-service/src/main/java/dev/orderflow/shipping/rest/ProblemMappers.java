package dev.orderflow.shipping.rest;

import dev.orderflow.shipping.domain.ShippingOrderNotFound;
import dev.orderflow.web.Problems;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** shipping-service's own refusals; malformed or invalid requests are mapped by shared-web. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response unknownOrder(ShippingOrderNotFound e) {
        return Problems.response(404, "Order not found", e.getMessage(), Map.of());
    }
}
