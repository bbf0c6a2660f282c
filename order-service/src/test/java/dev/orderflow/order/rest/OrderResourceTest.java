package dev.orderflow.order.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.orderflow.events.AvroCodec;
import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import dev.orderflow.events.order.v1.OrderPlaced;
import dev.orderflow.infra.TestInfra;
import dev.orderflow.infra.quarkus.OrderflowInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
        OrderPlaced event = AvroCodec.decode(record.value(), OrderPlaced.class);
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
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("paths", org.hamcrest.Matchers.hasKey("/orders"));
    }

    private long count(String table) throws Exception {
        try (var connection = dataSource.getConnection(); ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static ConsumerRecord<String, byte[]> readEvent(String orderId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "order-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ORDERS));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (orderId.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("OrderPlaced for " + orderId + " did not reach " + Topics.ORDERS + " within 60 s");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
