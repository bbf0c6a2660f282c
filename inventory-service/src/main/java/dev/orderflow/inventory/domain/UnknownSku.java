package dev.orderflow.inventory.domain;

public class UnknownSku extends RuntimeException {
    public UnknownSku(String sku) {
        super("no SKU " + sku + " in the catalogue");
    }
}
