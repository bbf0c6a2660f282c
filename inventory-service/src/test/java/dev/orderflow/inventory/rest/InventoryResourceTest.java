package dev.orderflow.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import dev.orderflow.infra.quarkus.OrderflowInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OrderflowInfraResource.class)
class InventoryResourceTest {

    @Test
    void seededCatalogueIsInStock() {
        given().when().get("/inventory/KB-001").then().statusCode(200)
                .body("available", equalTo(500)).body("reserved", equalTo(0)).body("shipped", equalTo(0));
    }

    @Test
    void unknownSkuIsNotFound() {
        given().when().get("/inventory/NOPE-1").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/inventory/{sku}"));
    }
}
