package dev.orderflow.payment.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The payment provider's HTTP API, as far as payment-service uses it (see sandbox/payment-provider). */
@Path("/v1/charges")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ProviderApi {

    /** 201 captured, 402 declined; the same key always returns the first outcome. */
    @POST
    Response charge(@HeaderParam("Idempotency-Key") String idempotencyKey, ChargeRequest request);

    /** 201 refunded; the same key always returns the first refund. */
    @POST
    @Path("/{chargeId}/refunds")
    Response refund(@PathParam("chargeId") String chargeId, @HeaderParam("Idempotency-Key") String idempotencyKey);

    record ChargeRequest(String reference, String customerId, String amount, String currency) {}

    record ChargeAnswer(String chargeId, String status, String reason) {}

    record RefundAnswer(String refundId, String chargeId) {}
}
