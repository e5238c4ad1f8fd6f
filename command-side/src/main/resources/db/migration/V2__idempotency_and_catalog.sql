-- An Idempotency-Key is written in the same transaction as the events its command appends: a key is present
-- exactly when its command's events are.
CREATE TABLE idempotency_key (
    idempotency_key VARCHAR(255) NOT NULL PRIMARY KEY,
    request_hash    VARCHAR(64)  NOT NULL,
    version         BIGINT,
    recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- What the aggregates need to know about each other, kept in the transaction of the events that change it.
CREATE TABLE roadmap_priority (
    roadmap_id    VARCHAR(64) NOT NULL,
    axis_code     VARCHAR(32) NOT NULL,
    priority_code VARCHAR(32) NOT NULL,
    PRIMARY KEY (roadmap_id, axis_code, priority_code)
);

CREATE TABLE objective_placement (
    objective_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    roadmap_id    VARCHAR(64) NOT NULL,
    axis_code     VARCHAR(32) NOT NULL,
    priority_code VARCHAR(32) NOT NULL,
    -- the effective date of the placement: a backdated move does not displace a later-effective one
    effective_on  DATE        NOT NULL
);
CREATE INDEX objective_placement_priority ON objective_placement (roadmap_id, axis_code, priority_code);
