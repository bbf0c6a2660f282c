package dev.orderflow.order.service;

import static dev.orderflow.testing.SagaEvents.INVENTORY_SERVICE;
import static dev.orderflow.testing.SagaEvents.inventoryRejected;
import static dev.orderflow.testing.SagaEvents.record;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.Topics;
import dev.orderflow.infra.quarkus.OrderflowInfraResource;
import dev.orderflow.testing.SagaEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The saga as numbers on /q/metrics: its duration per outcome and the orders per state. */
@QuarkusTest
@QuarkusTestResource(OrderflowInfraResource.class)
class SagaMetricsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String SAGAS_REJECTED = "orderflow_saga_duration_seconds_count{outcome=\"REJECTED\"}";
    private static final String ORDERS_REJECTED = "orderflow_orders{status=\"REJECTED\"}";
    private static final String ORDER = """
            {"customerId": "c-metrics",
             "lines": [{"sku": "KB-001", "quantity": 1}],
             "shippingAddress": {"name": "Ada Lovelace", "street": "1 Analytical Way", "city": "London",
                                 "postalCode": "N1 7AA", "country": "GB"}}""";

    @Test
    void sagaReachingATerminalStateIsTimedOnceAndCountedInItsState() {
        double sagasBefore = scrape(SAGAS_REJECTED);
        try (SagaEvents saga = new SagaEvents("order-service", Topics.ORDERS)) {
            String orderId = given().contentType("application/json").body(ORDER)
                    .when().post("/orders").then().statusCode(201).extract().path("orderId");
            var rejected = record(inventoryRejected(orderId, "KB-001", 1, 0), INVENTORY_SERVICE, orderId, 1);
            saga.send(rejected);
            await().atMost(TIMEOUT).until(() -> scrape(SAGAS_REJECTED) == sagasBefore + 1);
            // The gauge follows the table: as many REJECTED as GET /orders?status=REJECTED lists (this one among them).
            await().atMost(TIMEOUT).until(() -> rejectedOrders().contains(orderId) && scrape(ORDERS_REJECTED) == rejectedOrders().size());

            saga.awaitConsumed(saga.send(rejected)); // redelivered: absorbed by the inbox, not timed again
            assertThat(scrape(SAGAS_REJECTED)).isEqualTo(sagasBefore + 1);
        }
    }

    private static java.util.List<String> rejectedOrders() {
        return given().queryParam("status", "REJECTED").queryParam("limit", 500)
                .when().get("/orders").then().statusCode(200).extract().jsonPath().getList("items.orderId");
    }

    private static double scrape(String series) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + "\\s+([0-9.Ee+-]+)$").matcher(body);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
