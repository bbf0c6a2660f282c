package dev.orderflow.shipping.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.orderflow.infra.quarkus.OrderflowInfraResource;
import dev.orderflow.shipping.domain.ShipTo;
import dev.orderflow.shipping.service.ShippingService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OrderflowInfraResource.class)
class ShipmentResourceTest {
    private static final ShipTo ADA = new ShipTo("Ada", "1 Way", "London", "N1", "GB");

    @Inject
    ShippingService shipping;

    @Test
    void scheduledOrderShowsItsOneShipment() {
        UUID orderId = UUID.randomUUID();
        shipping.remember(orderId, ADA);
        shipping.schedule(orderId);

        shippingOf(orderId).statusCode(200)
                .body("orderId", equalTo(orderId.toString()))
                .body("status", equalTo("SCHEDULED"))
                .body("shipment.status", equalTo("SCHEDULED"))
                .body("shipment.shipmentId", notNullValue())
                .body("shipment.shipTo.city", equalTo("London"))
                .body("shipment.shipTo.country", equalTo("GB"))
                .body("shipment.scheduledAt", notNullValue());
    }

    @Test
    void cancelledOrderShowsThatItHasNoShipment() {
        UUID orderId = UUID.randomUUID();
        shipping.remember(orderId, ADA);
        shipping.cancel(orderId, "changed my mind");

        shippingOf(orderId).statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("changed my mind"))
                .body("shipTo.street", equalTo("1 Way"))
                .body("$", hasKey("shipment"))
                .body("shipment", nullValue());
    }

    @Test
    void orderAwaitingPaymentHasNoShipmentYet() {
        UUID orderId = UUID.randomUUID();
        shipping.remember(orderId, ADA);

        shippingOf(orderId).statusCode(200)
                .body("status", equalTo("AWAITING_PAYMENT"))
                .body("shipment", nullValue());
    }

    @Test
    void orderShippingHasNotSeenIsANotFoundProblem() {
        shippingOf(UUID.randomUUID()).statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Order not found"));
    }

    @Test
    void malformedOrderIdIsABadRequestProblemNeverA5xx() {
        for (String bad : List.of("not-a-uuid", "123", "'; DROP TABLE shipment; --", "0000000-0000-0000-0000-0000000000000",
                UUID.randomUUID() + "x")) {
            given().queryParam("orderId", bad).when().get("/shipments").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("violations[0].message", containsString("UUID"));
        }
    }

    @Test
    void missingOrderIdIsABadRequestProblem() {
        given().when().get("/shipments").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].message", equalTo("orderId is required"));
        // an empty value is no value
        given().queryParam("orderId", "").when().get("/shipments").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].message", equalTo("orderId is required"));
    }

    private static ValidatableResponse shippingOf(UUID orderId) {
        return given().queryParam("orderId", orderId.toString()).when().get("/shipments").then();
    }

    @Test
    void healthAndOpenApiAreServed() {
        // Ready once the consumers own their partitions, a moment after start-up.
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/shipments"));
    }
}
