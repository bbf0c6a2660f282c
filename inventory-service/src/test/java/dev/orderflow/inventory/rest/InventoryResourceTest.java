package dev.orderflow.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import dev.orderflow.infra.quarkus.OrderflowInfraResource;
import dev.orderflow.inventory.testing.StockFixtures;
import dev.orderflow.inventory.testing.StockFixtures.Stock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OrderflowInfraResource.class)
class InventoryResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void seededCatalogueIsInStock() {
        given().when().get("/inventory/KB-001").then().statusCode(200)
                .body("name", equalTo("Mechanical keyboard")).body("shipped", equalTo(0));
    }

    @Test
    void unknownSkuIsNotFound() {
        given().when().get("/inventory/NOPE-1").then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("{\"available\": 5}")
                .when().put("/inventory/NOPE-1").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void restockIsAnIdempotentSet() throws Exception {
        StockFixtures fixtures = new StockFixtures(dataSource);
        String sku = fixtures.sku(10);
        reserve(sku, 4); // units held by an order are not touched by a restock

        for (int attempt = 0; attempt < 3; attempt++) {
            given().contentType("application/json").body("{\"available\": 50}")
                    .when().put("/inventory/" + sku)
                    .then().statusCode(200)
                    .body("available", equalTo(50)).body("reserved", equalTo(4)).body("shipped", equalTo(0));
        }
        given().when().get("/inventory/" + sku).then().statusCode(200).body("available", equalTo(50));
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(50, 4, 0));
        // one change recorded, not three: the retries were no-ops
        assertThat(adjustments(sku)).isEqualTo(1);

        given().contentType("application/json").body("{\"available\": 0}")
                .when().put("/inventory/" + sku).then().statusCode(200).body("available", equalTo(0));
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(0, 4, 0));
        assertThat(adjustments(sku)).isEqualTo(2);
    }

    @Test
    void badRestockIsRefusedWithAProblemAndChangesNothing() {
        StockFixtures fixtures = new StockFixtures(dataSource);
        String sku = fixtures.sku(7);

        given().contentType("application/json").body("{\"available\": -1}")
                .when().put("/inventory/" + sku).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("available"));
        given().contentType("application/json").body("{\"available\": 1000001}")
                .when().put("/inventory/" + sku).then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{}")
                .when().put("/inventory/" + sku).then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"available\": ")
                .when().put("/inventory/" + sku).then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"available\": \"many\"}")
                .when().put("/inventory/" + sku).then().statusCode(400).contentType("application/problem+json");

        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(7, 0, 0));
    }

    @Test
    void fractionalOrExponentAvailableIsRefusedNamingTheFieldInsteadOfTruncated() {
        StockFixtures fixtures = new StockFixtures(dataSource);
        String sku = fixtures.sku(7);

        for (String available : java.util.List.of("1.5", "1.0", "15e-1", "1e2", "2147483648")) {
            given().contentType("application/json").body("{\"available\": " + available + "}")
                    .when().put("/inventory/" + sku).then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("available"));
        }
        given().urlEncodingEnabled(false).contentType("application/json").body("{\"available\": 3}")
                .when().put("/inventory/" + sku + "%00").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("path parameter sku"));

        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(7, 0, 0));
    }

    @Test
    void healthAndOpenApiAreServed() {
        // Ready once the consumers own their partitions, a moment after start-up.
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/inventory/{sku}"))
                .body("paths.'/inventory/{sku}'", hasKey("put"));
    }

    private void reserve(String sku, int quantity) throws Exception {
        try (var c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE stock_item SET available = available - ?, reserved = reserved + ? WHERE sku = ?")) {
            update.setInt(1, quantity);
            update.setInt(2, quantity);
            update.setString(3, sku);
            update.executeUpdate();
        }
    }

    private long adjustments(String sku) throws Exception {
        try (var c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement("SELECT count(*) FROM stock_adjustment WHERE sku = ?")) {
            query.setString(1, sku);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
