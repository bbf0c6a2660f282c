-- payment-service joins the saga: the payment follows PaymentStatus's transition table
-- (PENDING -> CAPTURED | FAILED | CANCELLED, CAPTURED -> REFUNDED) and keeps what the provider answered.
ALTER TABLE payment
    ADD COLUMN provider_refund_id TEXT,
    ADD COLUMN failure_reason     VARCHAR(32),
    ADD COLUMN failure_detail     TEXT,
    ADD COLUMN updated_at         TIMESTAMPTZ,
    ADD COLUMN captured_at        TIMESTAMPTZ,
    ADD COLUMN refunded_at        TIMESTAMPTZ;
UPDATE payment SET updated_at = created_at WHERE updated_at IS NULL;
ALTER TABLE payment ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE payment ADD CONSTRAINT payment_status_check
    CHECK (status IN ('PENDING', 'CAPTURED', 'FAILED', 'CANCELLED', 'REFUNDED'));
CREATE INDEX payment_status_idx ON payment (status);

-- Orders whose capture was sent to the provider at least once. Written in its own transaction
-- before the call, so it survives the rollback of a capture that timed out: a cancellation of such
-- an order cannot know whether money moved and resolves it with the provider (same idempotency key)
-- instead of just marking the payment CANCELLED. No foreign key: the payment row is locked while
-- this is written.
CREATE TABLE payment_capture_attempt (
    order_id         UUID        PRIMARY KEY,
    first_attempt_at TIMESTAMPTZ NOT NULL
);
