package dev.orderflow.payment.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

import dev.orderflow.infra.quarkus.OrderflowInfraResource;
import dev.orderflow.payment.testing.PaymentProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OrderflowInfraResource.class)
@QuarkusTestResource(PaymentProviderResource.class)
class PaymentResourceTest {

    @Test
    void unknownOrderIsA404Problem() {
        String orderId = UUID.randomUUID().toString();
        given().queryParam("orderId", orderId).when().get("/payments").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(404))
                .body("detail", containsString(orderId));
    }

    @Test
    void missingOrderIdIsA400Problem() {
        given().when().get("/payments").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("orderId is required"));
    }

    @Test
    void malformedOrderIdIsA400ProblemNotA404() {
        for (String malformed : new String[] {"not-a-uuid", "1-1-1-1-1", "' OR 1=1 --"}) {
            given().queryParam("orderId", malformed).when().get("/payments").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("title", containsString("Invalid"))
                    .body("detail", containsString("orderId must be a UUID"));
        }
    }

    @Test
    void healthAndOpenApiAreServed() {
        // Ready once the consumers own their partitions, a moment after start-up.
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/payments"));
    }
}
