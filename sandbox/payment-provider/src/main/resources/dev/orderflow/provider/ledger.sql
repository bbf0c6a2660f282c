-- The provider's ledger. Idempotent DDL, run at every start: the stub owns no migrations history.
-- Unique constraints, not code, make "one charge per idempotency key" and "one refund per charge" hold
-- under concurrent requests (INSERT ... ON CONFLICT DO NOTHING, then read the winner).
CREATE TABLE IF NOT EXISTS provider_charge (
    charge_id       VARCHAR(40)    PRIMARY KEY,
    idempotency_key VARCHAR(255)   NOT NULL UNIQUE,
    reference       VARCHAR(128)   NOT NULL,
    customer_id     VARCHAR(128)   NOT NULL,
    amount          NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    currency        CHAR(3)        NOT NULL,
    status          VARCHAR(16)    NOT NULL CHECK (status IN ('captured', 'declined')),
    decline_reason  VARCHAR(32),
    created_at      TIMESTAMPTZ    NOT NULL
);
CREATE INDEX IF NOT EXISTS provider_charge_reference_idx ON provider_charge (reference);

CREATE TABLE IF NOT EXISTS provider_refund (
    refund_id       VARCHAR(40)    PRIMARY KEY,
    charge_id       VARCHAR(40)    NOT NULL UNIQUE REFERENCES provider_charge (charge_id),
    idempotency_key VARCHAR(255)   NOT NULL UNIQUE,
    amount          NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    currency        CHAR(3)        NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL
);
