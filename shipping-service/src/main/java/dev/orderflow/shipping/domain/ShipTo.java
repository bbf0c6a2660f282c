package dev.orderflow.shipping.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** Where an order ships to, as {@code OrderPlaced} gave it. */
@Embeddable
public class ShipTo {
    @Column(name = "ship_to_name", nullable = false)
    public String name;

    @Column(nullable = false)
    public String street;

    @Column(nullable = false)
    public String city;

    @Column(name = "postal_code", nullable = false)
    public String postalCode;

    /** ISO 3166-1 alpha-2. */
    @Column(nullable = false, length = 2)
    public String country;

    protected ShipTo() {}

    /** @throws IllegalArgumentException for an address nobody could ship to */
    public ShipTo(String name, String street, String city, String postalCode, String country) {
        this.name = required("name", name);
        this.street = required("street", street);
        this.city = required("city", city);
        this.postalCode = required("postalCode", postalCode);
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code: " + country);
        }
        this.country = country;
    }

    /** An equal address of its own: an embedded value belongs to one entity. */
    public ShipTo copy() {
        return new ShipTo(name, street, city, postalCode, country);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " of the shipping address is blank");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShipTo that
                && name.equals(that.name)
                && street.equals(that.street)
                && city.equals(that.city)
                && postalCode.equals(that.postalCode)
                && country.equals(that.country);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, street, city, postalCode, country);
    }

    @Override
    public String toString() {
        return name + ", " + street + ", " + postalCode + " " + city + ", " + country;
    }
}
