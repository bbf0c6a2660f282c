package dev.orderflow.inventory.rest;

import dev.orderflow.inventory.domain.UnknownSku;
import dev.orderflow.web.Problems;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** inventory-service's own refusals; malformed or invalid requests are mapped by shared-web. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response unknownSku(UnknownSku e) {
        return Problems.response(404, "Unknown SKU", e.getMessage(), Map.of());
    }
}
