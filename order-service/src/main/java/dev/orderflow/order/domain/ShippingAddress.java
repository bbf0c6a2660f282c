package dev.orderflow.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class ShippingAddress {
    @Column(name = "ship_to_name", nullable = false)
    public String name;

    @Column(name = "ship_to_street", nullable = false)
    public String street;

    @Column(name = "ship_to_city", nullable = false)
    public String city;

    @Column(name = "ship_to_postal_code", nullable = false)
    public String postalCode;

    @Column(name = "ship_to_country", nullable = false)
    public String country;

    protected ShippingAddress() {}

    public ShippingAddress(String name, String street, String city, String postalCode, String country) {
        this.name = name;
        this.street = street;
        this.city = city;
        this.postalCode = postalCode;
        this.country = country;
    }
}
