-- Stand-ins for a service's business tables, so tests can observe effects.
CREATE TABLE test_business (
    id         text PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per applied event: "exactly once" means one row per event id.
CREATE TABLE test_applied_effect (
    position   bigserial PRIMARY KEY,                 -- apply order
    consumer   text   NOT NULL,
    subject    text   NOT NULL,
    sequence   bigint NOT NULL,
    event_id   uuid   NOT NULL,
    event_type text   NOT NULL
);

-- Facts a handler may require before it can apply an event (the prerequisite case).
CREATE TABLE test_prerequisite (
    subject text PRIMARY KEY
);
