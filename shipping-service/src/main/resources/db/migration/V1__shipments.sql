CREATE TABLE shipment (
    id           UUID PRIMARY KEY,
    order_id     UUID        NOT NULL UNIQUE,
    status       VARCHAR(16) NOT NULL,
    ship_to_name TEXT        NOT NULL,
    street       TEXT        NOT NULL,
    city         TEXT        NOT NULL,
    postal_code  TEXT        NOT NULL,
    country      CHAR(2)     NOT NULL,
    scheduled_at TIMESTAMPTZ NOT NULL
);
