-- orderflow shared-messaging tables, shipped by the library.
-- Services add `classpath:db/messaging` to quarkus.flyway.locations.
-- A *repeatable* migration with idempotent DDL on purpose: the library's history then never
-- interleaves with a service's own version numbers (no out-of-order migrations needed).
-- Evolve it only with IF NOT EXISTS / ADD COLUMN IF NOT EXISTS statements.

-- Transactional outbox: one row per event, written in the business transaction.
CREATE TABLE IF NOT EXISTS messaging_outbox (
    id             bigserial   PRIMARY KEY,          -- relay order; within one aggregate it follows sequence
    event_id       uuid        NOT NULL UNIQUE,      -- ce_id, the consumers' dedupe key
    aggregate_type text        NOT NULL,
    aggregate_id   text        NOT NULL,             -- ce_subject and the Kafka key
    sequence       bigint      NOT NULL,             -- ce_sequence, per aggregate, gap-free
    event_type     text        NOT NULL,             -- ce_type, includes the major version
    topic          text        NOT NULL,
    message_key    text        NOT NULL,
    payload        bytea       NOT NULL,
    headers        jsonb       NOT NULL,             -- every Kafka header: CloudEvents attributes, traceparent
    created_at     timestamptz NOT NULL DEFAULT now(),
    published_at   timestamptz,                      -- set only after the broker acknowledged (acks=all)
    attempts       integer     NOT NULL DEFAULT 0,
    last_error     text,
    CONSTRAINT messaging_outbox_aggregate_sequence UNIQUE (aggregate_id, sequence)
);
CREATE INDEX IF NOT EXISTS messaging_outbox_unpublished ON messaging_outbox (id) WHERE published_at IS NULL;
CREATE INDEX IF NOT EXISTS messaging_outbox_published ON messaging_outbox (published_at) WHERE published_at IS NOT NULL;

-- Last sequence handed out per aggregate. The upsert row lock serialises concurrent appends
-- for one aggregate, so sequences are gap-free and commit in order.
CREATE TABLE IF NOT EXISTS messaging_aggregate_sequence (
    aggregate_id  text   PRIMARY KEY,
    last_sequence bigint NOT NULL
);

-- Wake the relay on commit (NOTIFY is delivered at commit, never for rolled-back rows), once per
-- statement, with the highest id it inserted: a relay round that already read that row read the
-- statement's other rows too (it reads the oldest unpublished first), so the relay skips the wake-up.
CREATE OR REPLACE FUNCTION messaging_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('messaging_outbox', coalesce((SELECT max(id) FROM inserted_rows)::text, ''));
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS messaging_outbox_inserted ON messaging_outbox;
CREATE TRIGGER messaging_outbox_inserted AFTER INSERT ON messaging_outbox
    REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION messaging_outbox_notify();

-- Inbox (idempotent consumer): the primary key, not code, rejects a second delivery.
CREATE TABLE IF NOT EXISTS messaging_inbox (
    consumer    text        NOT NULL,
    event_id    uuid        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX IF NOT EXISTS messaging_inbox_received ON messaging_inbox (received_at);

-- Per-aggregate ordering: last consumed ce_sequence per (consumer, producing source, aggregate).
CREATE TABLE IF NOT EXISTS messaging_consumer_stream (
    consumer      text        NOT NULL,
    source        text        NOT NULL,
    subject       text        NOT NULL,
    last_sequence bigint      NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, source, subject)
);
-- The last sequence was skipped (a type the consumer does not handle), not applied: its v1/v2 twin,
-- which carries the same sequence, may still be applied.
ALTER TABLE messaging_consumer_stream ADD COLUMN IF NOT EXISTS last_skipped boolean NOT NULL DEFAULT false;

-- Parking lot: events that arrived too early (a gap in the stream, or a prerequisite from
-- another topic not there yet). Durable, so a restart loses nothing.
CREATE TABLE IF NOT EXISTS messaging_parked_event (
    id           bigserial   PRIMARY KEY,
    consumer     text        NOT NULL,
    source       text        NOT NULL,
    subject      text        NOT NULL,
    sequence     bigint      NOT NULL,
    event_id     uuid        NOT NULL,
    reason       text        NOT NULL,               -- GAP | PREREQUISITE
    detail       text,
    topic        text        NOT NULL,
    partition    integer     NOT NULL,
    record_offset bigint     NOT NULL,
    message_key  text,
    headers      jsonb       NOT NULL,
    payload      bytea,
    parked_at    timestamptz NOT NULL DEFAULT now(),
    attempts     integer     NOT NULL DEFAULT 0,
    CONSTRAINT messaging_parked_event_once UNIQUE (consumer, event_id)
);
CREATE INDEX IF NOT EXISTS messaging_parked_event_subject ON messaging_parked_event (consumer, subject, source, sequence);
