package dev.orderflow.payment.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** The provider stub seen from a test: its ledger and its fault knobs, over its HTTP API. */
public final class ProviderLedger {
    private final String url;

    public ProviderLedger(String url) {
        this.url = url;
    }

    /** The provider's charges for the order, each with its {@code refund} (or null). */
    public List<Map<String, Object>> chargesOf(String orderId) {
        JsonPath body = given().baseUri(url).queryParam("reference", orderId)
                .when().get("/v1/charges")
                .then().statusCode(200).extract().jsonPath();
        return body.getList("charges");
    }

    /** {@code PUT /v1/admin/faults}: latencyMs, errorRate, chargeThenTimeoutRate, seed; no 401s. */
    public void setFaults(long latencyMs, double errorRate, double chargeThenTimeoutRate) {
        put(Map.of("latencyMs", latencyMs, "errorRate", errorRate, "chargeThenTimeoutRate", chargeThenTimeoutRate,
                "unauthorizedRate", 0, "seed", 1));
    }

    /** Every charge and refund answered 401, as with a revoked API key. */
    public void refuseTheApiKey() {
        put(Map.of("unauthorizedRate", 1.0));
    }

    public void noFaults() {
        setFaults(0, 0, 0);
    }

    private void put(Map<String, Object> knobs) {
        given().baseUri(url).contentType(ContentType.JSON).body(knobs)
                .when().put("/v1/admin/faults")
                .then().statusCode(200);
    }
}
