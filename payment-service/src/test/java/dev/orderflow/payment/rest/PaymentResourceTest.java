package dev.orderflow.payment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;

import dev.orderflow.infra.quarkus.OrderflowInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OrderflowInfraResource.class)
class PaymentResourceTest {

    @Test
    void orderWithoutPaymentHasNone() {
        given().queryParam("orderId", UUID.randomUUID().toString()).when().get("/payments").then().statusCode(200)
                .body("$", empty());
    }

    @Test
    void missingOrderIdIsRefused() {
        given().when().get("/payments").then().statusCode(400);
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/payments"));
    }
}
