-- An Idempotency-Key belongs to the principal that sent it (issuer and subject of its token): another
-- principal's equal key is another key, and cannot replay or block the first one's command. Keys stored before
-- identity existed belong to no principal ('').
ALTER TABLE idempotency_key ADD COLUMN principal TEXT NOT NULL DEFAULT '';
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
ALTER TABLE idempotency_key ADD PRIMARY KEY (principal, idempotency_key);
