-- shipping-service's record of each order: the address remembered from OrderPlaced and the one
-- decision shipping makes, ship or cancel. Its row is locked by both use cases, so a payment and a
-- cancellation of the same order are decided one after the other (docs/saga.md).
-- Status follows ShippingStatus's transition table: AWAITING_PAYMENT -> SCHEDULED | CANCELLED;
-- SCHEDULED and CANCELLED are terminal.
CREATE TABLE shipping_order (
    order_id      UUID PRIMARY KEY,
    status        VARCHAR(16) NOT NULL CHECK (status IN ('AWAITING_PAYMENT', 'SCHEDULED', 'CANCELLED')),
    ship_to_name  TEXT        NOT NULL,
    street        TEXT        NOT NULL,
    city          TEXT        NOT NULL,
    postal_code   TEXT        NOT NULL,
    country       CHAR(2)     NOT NULL,
    cancel_reason TEXT,                    -- the customer's reason, when the cancellation won
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL
);
CREATE INDEX shipping_order_status_idx ON shipping_order (status);

-- Shipments from before this table existed belong to orders that were scheduled.
INSERT INTO shipping_order (order_id, status, ship_to_name, street, city, postal_code, country,
                            created_at, updated_at, version)
SELECT order_id, 'SCHEDULED', ship_to_name, street, city, postal_code, country, scheduled_at, scheduled_at, 0
FROM shipment;

-- A shipment exists only for an order shipping decided to ship (and, by V1's UNIQUE, once).
ALTER TABLE shipment
    ADD CONSTRAINT shipment_order_fk FOREIGN KEY (order_id) REFERENCES shipping_order (order_id),
    ADD CONSTRAINT shipment_status_check CHECK (status IN ('SCHEDULED'));
