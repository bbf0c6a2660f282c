package dev.orderflow.order.domain;

import java.util.List;

public class UnknownSku extends RuntimeException {
    public final List<String> skus;

    public UnknownSku(List<String> skus) {
        super("unknown SKU(s): " + String.join(", ", skus));
        this.skus = skus;
    }
}
