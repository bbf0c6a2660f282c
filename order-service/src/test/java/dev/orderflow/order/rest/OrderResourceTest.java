package dev.orderflow.order.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import dev.orderflow.events.order.v1.OrderPlaced;
import dev.orderflow.infra.quarkus.OrderflowInfraResource;
import dev.orderflow.testing.SagaEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OrderflowInfraResource.class)
class OrderResourceTest {

    private static final String ORDER = """
            {"customerId": "c-42",
             "lines": [{"sku": "KB-001", "quantity": 2}, {"sku": "CB-005", "quantity": 1}],
             "shippingAddress": {"name": "Ada Lovelace", "street": "1 Analytical Way", "city": "London",
                                 "postalCode": "N1 7AA", "country": "GB"}}""";

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/orders")
    URI orders;

    @Test
    void placedOrderIsPricedByTheServerAndItsEventReachesKafka() {
        String orderId = given().contentType("application/json").body(ORDER)
                .when().post("/orders")
                .then().statusCode(201)
                .body("status", equalTo("PLACED"))
                .body("total", equalTo(187.99f))
                .extract().path("orderId");

        given().when().get("/orders/" + orderId).then().statusCode(200).body("status", equalTo("PLACED"));

        ConsumerRecord<String, byte[]> record = readEvent(orderId);
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.ORDER_PLACED_V1);
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(orderId);
        assertThat(header(record, CloudEventHeaders.SEQUENCE)).isEqualTo("1");
        OrderPlaced event = SagaEvents.decode(record, OrderPlaced.class);
        assertThat(event.getTotal().getAmount()).isEqualByComparingTo(new BigDecimal("187.99"));
        assertThat(event.getLines()).hasSize(2);
    }

    @Test
    void unknownSkuIsRefusedWithAProblemAndNothingIsStored() throws Exception {
        long ordersBefore = count("customer_order");
        long outboxBefore = count("messaging_outbox");

        given().contentType("application/json").body(ORDER.replace("KB-001", "NOPE-1"))
                .when().post("/orders")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("skus", hasItem("NOPE-1"));

        assertThat(count("customer_order")).isEqualTo(ordersBefore);
        assertThat(count("messaging_outbox")).isEqualTo(outboxBefore);
    }

    @Test
    void invalidQuantityIsRefusedNamingTheField() {
        given().contentType("application/json").body(ORDER.replace("\"quantity\": 2", "\"quantity\": 0"))
                .when().post("/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("lines[0].quantity"));
    }

    @Test
    void unknownOrderIsNotFound() {
        given().when().get("/orders/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().when().post("/orders/" + UUID.randomUUID() + "/cancel").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void malformedOrderIdOrQueryIsABadRequestNotAServerError() {
        given().when().get("/orders/not-a-uuid").then().statusCode(400).contentType("application/problem+json");
        given().when().post("/orders/not-a-uuid/cancel").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/orders?status=LOST").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/orders?limit=0").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/orders?limit=many").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/orders?after=" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void absurdQuantityAndOversizedBodyAreRefusedAndNothingIsStored() throws Exception {
        long ordersBefore = count("customer_order");
        given().contentType("application/json").body(ORDER.replace("\"quantity\": 2", "\"quantity\": 1000000"))
                .when().post("/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("lines[0].quantity"));
        given().contentType("application/json").body(ORDER.replace("c-42", "c".repeat(70_000)))
                .when().post("/orders")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413))
                .body("instance", equalTo("/orders"));
        given().contentType("application/json").body("{\"customerId\": \"c-1\", \"lines\": [")
                .when().post("/orders")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(count("customer_order")).isEqualTo(ordersBefore);
    }

    @Test
    void nulControlCharacterOrLoneSurrogateInAnyTextIsRefusedNamingTheFieldNotAServerError() throws Exception {
        long ordersBefore = count("customer_order");
        // JSON escapes, as a client would send them: an escaped NUL reached PostgreSQL and answered 500
        refusedNaming(ORDER.replace("c-42", "c-\\u0000"), "customerId");
        refusedNaming(ORDER.replace("1 Analytical Way", "1 Analytical\\u0000Way"), "shippingAddress.street");
        refusedNaming(ORDER.replace("London", "Lon\\u0007don"), "shippingAddress.city");
        refusedNaming(ORDER.replace("Ada Lovelace", "Ada \\ud800Lovelace"), "shippingAddress.name");
        refusedNaming(ORDER.replace("\"sku\": \"CB-005\"", "\"sku\": \"CB-005\\u009f\""), "lines[1].sku");
        assertThat(count("customer_order")).isEqualTo(ordersBefore);

        String orderId = given().contentType("application/json").body(ORDER.replace("Ada Lovelace", "Ada Lovelace \uD83D\uDE80"))
                .when().post("/orders").then().statusCode(201).extract().path("orderId"); // a valid surrogate pair is text
        given().urlEncodingEnabled(false).queryParam("reason", "oops%00")
                .when().post("/orders/" + orderId + "/cancel")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("query parameter reason"));
        given().when().get("/orders/" + orderId).then().statusCode(200).body("cancellation", nullValue());
    }

    @Test
    void fractionExponentOrOutOfRangeQuantityIsRefusedNamingTheFieldInsteadOfTruncated() throws Exception {
        long ordersBefore = count("customer_order");
        for (String quantity : List.of("1.5", "1.0", "15e-1", "1e2", "2147483648", "-99999999999")) {
            refusedNaming(ORDER.replace("\"quantity\": 2", "\"quantity\": " + quantity), "lines[0].quantity");
        }
        assertThat(count("customer_order")).isEqualTo(ordersBefore);
    }

    @Test
    void bodyWithoutContentTypeIsRefusedWith415NotReadAsJson() throws Exception {
        long ordersBefore = count("customer_order");
        for (String type : new String[] {null, "*/*", "text/plain"}) {
            HttpResponse<String> refused = postOrder(type);
            assertThat(refused.statusCode()).as("Content-Type %s", type).isEqualTo(415);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).contains("\"status\":415");
        }
        assertThat(count("customer_order")).isEqualTo(ordersBefore);
    }

    /** Through the JDK client: it sends no Content-Type unless told, and any type as given (RestAssured adds or refuses some). */
    private HttpResponse<String> postOrder(String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(orders).POST(HttpRequest.BodyPublishers.ofString(ORDER));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void refusedNaming(String body, String field) {
        given().contentType("application/json").body(body)
                .when().post("/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field));
    }

    @Test
    void sameIdempotencyKeyReturnsTheSameOrderAndPublishesOnce() throws Exception {
        String key = "key-" + UUID.randomUUID();
        String orderId = given().contentType("application/json").header("Idempotency-Key", key).body(ORDER)
                .when().post("/orders")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("orderId");
        given().contentType("application/json").header("Idempotency-Key", key).body(ORDER)
                .when().post("/orders")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("orderId", equalTo(orderId));

        awaitOrderEvents(orderId, 1);
        assertThat(count("customer_order WHERE id = '" + orderId + "'")).isEqualTo(1);
        assertThat(count("messaging_outbox WHERE aggregate_id = '" + orderId + "'")).isEqualTo(1);
        assertThat(SagaEvents.readTopic(Topics.ORDERS, orderId)).hasSize(1);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneOrder() throws Exception {
        String key = "key-" + UUID.randomUUID();
        String body = ORDER.replace("c-42", "c-concurrent-" + UUID.randomUUID());
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> given().contentType("application/json").header("Idempotency-Key", key).body(body)
                        .when().post("/orders")
                        .then().statusCode(201)
                        .extract().<String>path("orderId")));
            }
            Set<String> orderIds = new HashSet<>();
            for (Future<String> answer : answers) {
                orderIds.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(orderIds).hasSize(1);
            assertThat(count("idempotency_key WHERE idempotency_key = '" + key + "'")).isEqualTo(1);
            assertThat(count("messaging_outbox WHERE aggregate_id = '" + orderIds.iterator().next() + "'")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameKeyWithADifferentBodyIsRefusedAndNothingIsStored() throws Exception {
        String key = "key-" + UUID.randomUUID();
        String orderId = given().contentType("application/json").header("Idempotency-Key", key).body(ORDER)
                .when().post("/orders").then().statusCode(201).extract().path("orderId");
        long ordersBefore = count("customer_order");

        given().contentType("application/json").header("Idempotency-Key", key).body(ORDER.replace("\"quantity\": 2", "\"quantity\": 3"))
                .when().post("/orders")
                .then().statusCode(422).contentType("application/problem+json")
                .body("orderId", equalTo(orderId));
        assertThat(count("customer_order")).isEqualTo(ordersBefore);
    }

    @Test
    void ordersArePagedInPlacementOrderWithoutRepeatsOrGaps() {
        String customer = "c-pages-" + UUID.randomUUID();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(given().contentType("application/json").body(ORDER.replace("c-42", customer))
                    .when().post("/orders").then().statusCode(201).extract().path("orderId"));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            var request = given().queryParam("status", "PLACED").queryParam("limit", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.when().get("/orders").then().statusCode(200).extract().jsonPath();
            List<String> customers = page.getList("items.customerId");
            List<String> ids = page.getList("items.orderId");
            for (int i = 0; i < ids.size(); i++) {
                if (customer.equals(customers.get(i))) {
                    seen.add(ids.get(i));
                }
            }
            assertThat(page.getList("items.status", String.class)).allMatch("PLACED"::equals); // the last page may be empty
            after = page.getString("next");
        } while (after != null);
        assertThat(seen).containsExactlyElementsOf(placed);
    }

    @Test
    void cancelRequestIsAcceptedOncePublishedOnceAndRefusedWhenNothingIsLeft() throws Exception {
        String orderId = given().contentType("application/json").body(ORDER)
                .when().post("/orders").then().statusCode(201).extract().path("orderId");

        given().queryParam("reason", "changed my mind")
                .when().post("/orders/" + orderId + "/cancel")
                .then().statusCode(202)
                .body("status", equalTo("PLACED"))
                .body("cancellation.outcome", equalTo("PENDING"))
                .body("cancellation.reason", equalTo("changed my mind"));
        given().when().post("/orders/" + orderId + "/cancel").then().statusCode(202); // repeat: no second event

        List<ConsumerRecord<String, byte[]>> events = awaitOrderEvents(orderId, 2);
        assertThat(events).extracting(r -> header(r, CloudEventHeaders.TYPE))
                .containsExactly(EventTypes.ORDER_PLACED_V1, EventTypes.ORDER_CANCELLATION_REQUESTED_V1);
        assertThat(header(events.get(1), CloudEventHeaders.SEQUENCE)).isEqualTo("2");
        assertThat(count("messaging_outbox WHERE aggregate_id = '" + orderId + "'")).isEqualTo(2);

        try (var connection = dataSource.getConnection()) {
            connection.createStatement().executeUpdate("UPDATE customer_order SET status = 'SHIPPED' WHERE id = '" + orderId + "'");
        }
        given().when().post("/orders/" + orderId + "/cancel")
                .then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("orderStatus", equalTo("SHIPPED"));
        assertThat(count("messaging_outbox WHERE aggregate_id = '" + orderId + "'")).isEqualTo(2);
    }

    @Test
    void orderTheSagaLeftBehindIsReportedAsStuckAndAFinishedOneIsNot() throws Exception {
        // no other service runs in this test, so nothing moves these orders (order.stuck-after=3s here)
        String waiting = given().contentType("application/json").body(ORDER).when().post("/orders").then().statusCode(201)
                .extract().path("orderId");
        String finished = given().contentType("application/json").body(ORDER).when().post("/orders").then().statusCode(201)
                .extract().path("orderId");
        try (var connection = dataSource.getConnection()) {
            connection.createStatement().executeUpdate("UPDATE customer_order SET status = 'SHIPPED' WHERE id = '" + finished + "'");
        }

        List<String> stuck = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().when().get("/orders/stuck?limit=500").then().statusCode(200).extract().jsonPath()
                        .<String>getList("items.orderId"), ids -> ids.contains(waiting));
        assertThat(stuck).doesNotContain(finished);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            var gauge = java.util.regex.Pattern.compile("(?m)^orderflow_orders_stuck(?:\\{[^}]*})?\\s+([0-9.Ee+-]+)").matcher(metrics);
            return gauge.find() && Double.parseDouble(gauge.group(1)) >= 1;
        });
    }

    @Test
    void healthAndOpenApiAreServed() {
        // Ready once the consumers own their partitions, a moment after start-up.
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("paths", org.hamcrest.Matchers.hasKey("/orders"));
    }

    private long count(String tableAndFilter) throws Exception {
        try (var connection = dataSource.getConnection(); ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM " + tableAndFilter)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static ConsumerRecord<String, byte[]> readEvent(String orderId) {
        return awaitOrderEvents(orderId, 1).get(0);
    }

    private static List<ConsumerRecord<String, byte[]>> awaitOrderEvents(String orderId, int count) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> SagaEvents.readTopic(Topics.ORDERS, orderId), records -> records.size() >= count);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return SagaEvents.header(record, name);
    }
}
