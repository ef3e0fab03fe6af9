-- The retention's purges filter on age (outbound.Retention, webhook.Replays, state.CallLifetime):
-- each with an index on what it filters by.
CREATE INDEX TWILIO_OUTBOX_SETTLED ON TWILIO_OUTBOX (STATE, UPDATED_MS);
CREATE INDEX TWILIO_REPLAY_EXPIRES ON TWILIO_REPLAY (EXPIRES_MS);
CREATE INDEX TWILIO_VARIABLE_EXPIRES ON TWILIO_VARIABLE (EXPIRES_MS);

-- A message or call SID belongs to one entry: reconciliation never takes another entry's SID, and
-- the database refuses it if it ever did. Several entries without a SID yet are allowed (a UNIQUE
-- constraint, not a unique index: Derby counts NULLs as equal in a unique index).
DROP INDEX TWILIO_OUTBOX_SID;
ALTER TABLE TWILIO_OUTBOX ADD CONSTRAINT TWILIO_OUTBOX_SID_UNIQUE UNIQUE (SID);
