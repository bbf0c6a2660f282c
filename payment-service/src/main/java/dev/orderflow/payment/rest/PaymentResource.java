package dev.orderflow.payment.rest;

import dev.orderflow.payment.service.PaymentService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    private final PaymentService payments;

    PaymentResource(PaymentService payments) {
        this.payments = payments;
    }

    @GET
    @Operation(summary = "The payment of one order",
            description = "status (PENDING, CAPTURED, FAILED, CANCELLED, REFUNDED), amount, currency, the provider's "
                    + "charge and refund ids, the failure reason, timestamps.")
    @APIResponse(responseCode = "200", description = "The order's payment")
    @APIResponse(responseCode = "400", description = "orderId missing or not a UUID (application/problem+json)")
    @APIResponse(responseCode = "404", description = "No payment: the order's OrderPlaced was not received (application/problem+json)")
    public PaymentView byOrder(@QueryParam("orderId") String orderId) {
        return PaymentView.of(payments.paymentOf(parse(orderId)));
    }

    // Parsed here, not by JAX-RS: a query parameter it cannot convert becomes a 404, not the 400 it is.
    private static UUID parse(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new InvalidOrderId("query parameter orderId is required");
        }
        if (!UUID_TEXT.matcher(orderId).matches()) {
            throw new InvalidOrderId("orderId must be a UUID such as 3f2b8c1e-0a4d-4e8b-9c6f-1d2e3f4a5b6c: " + orderId);
        }
        return UUID.fromString(orderId);
    }

    static class InvalidOrderId extends RuntimeException {
        InvalidOrderId(String message) {
            super(message);
        }
    }
}
