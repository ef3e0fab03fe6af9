-- A webhook delivery's claim is a lease that a dead instance does not hold (webhook.Replays): the
-- claim's own id fences what its holder writes, and RULES_COMMITTED tells whether the rules' effects
-- committed (in their own transaction), after which a retry must not run them again.
ALTER TABLE TWILIO_REPLAY ADD COLUMN CLAIM_ID VARCHAR(36);
ALTER TABLE TWILIO_REPLAY ADD COLUMN RULES_COMMITTED INTEGER DEFAULT 0 NOT NULL;
