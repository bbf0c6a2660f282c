package dev.orderflow.payment.rest;

import dev.orderflow.payment.service.PaymentService;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {
    private final PaymentService payments;

    PaymentResource(PaymentService payments) {
        this.payments = payments;
    }

    public record PaymentView(String paymentId, String orderId, BigDecimal amount, String currency, String status,
            String providerChargeId, Instant createdAt) {}

    @GET
    public List<PaymentView> byOrder(@QueryParam("orderId") @NotNull UUID orderId) {
        return payments.paymentsOf(orderId).stream()
                .map(p -> new PaymentView(p.id.toString(), p.orderId.toString(), p.amount, p.currency, p.status,
                        p.providerChargeId, p.createdAt))
                .toList();
    }
}
