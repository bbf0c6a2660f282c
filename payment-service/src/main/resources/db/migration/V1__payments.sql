CREATE TABLE payment (
    id                 UUID PRIMARY KEY,
    order_id           UUID           NOT NULL UNIQUE,
    customer_id        VARCHAR(64)    NOT NULL,
    amount             NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    currency           CHAR(3)        NOT NULL,
    status             VARCHAR(16)    NOT NULL,
    provider_charge_id TEXT,
    created_at         TIMESTAMPTZ    NOT NULL,
    version            BIGINT         NOT NULL
);
