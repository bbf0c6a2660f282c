package dev.orderflow.order.rest;

import dev.orderflow.order.service.PlaceOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /orders}: what the customer orders and where it goes. Prices come from the catalogue. */
public record PlaceOrderRequest(
        @NotBlank @Size(max = 64) String customerId,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid LineRequest> lines,
        @NotNull @Valid AddressRequest shippingAddress) {

    public record LineRequest(
            @NotBlank @Size(max = 32) String sku,
            @Min(1) @Max(1000) int quantity) {}

    public record AddressRequest(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 200) String street,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 20) String postalCode,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country) {}

    PlaceOrder toCommand() {
        return new PlaceOrder(customerId,
                lines.stream().map(l -> new PlaceOrder.Line(l.sku(), l.quantity())).toList(),
                new PlaceOrder.Address(shippingAddress.name(), shippingAddress.street(), shippingAddress.city(),
                        shippingAddress.postalCode(), shippingAddress.country()));
    }
}
