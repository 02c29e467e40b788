-- The audit log becomes keyed and sealed in the background (ADR 7).
--
-- Entries are now inserted without any lock: seq comes from a sequence. A sealer then gives each committed entry
-- the next position in the chain (chain_seq) and an HMAC-SHA-256 over the entry and the previous entry's MAC, with a
-- key kept outside the database (key_id says which). Entries written before this migration keep their SHA-256
-- hashes (scheme SHA256) and their place in the chain (chain_seq = seq); the first keyed entry is MAC'd over the last
-- of their hashes, so it anchors them.

CREATE SEQUENCE platform.audit_event_seq OWNED BY platform.audit_event.seq;
SELECT setval('platform.audit_event_seq', coalesce(max(seq), 0) + 1, false) FROM platform.audit_event;
ALTER TABLE platform.audit_event ALTER COLUMN seq SET DEFAULT nextval('platform.audit_event_seq');

ALTER TABLE platform.audit_event
  ADD COLUMN chain_seq BIGINT,
  ADD COLUMN scheme    TEXT NOT NULL DEFAULT 'SHA256' CHECK (scheme IN ('SHA256', 'HMAC_SHA256')),
  ADD COLUMN key_id    TEXT,
  ALTER COLUMN prev_hash DROP NOT NULL,
  ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE platform.audit_event ALTER COLUMN scheme SET DEFAULT 'HMAC_SHA256';

COMMENT ON COLUMN platform.audit_event.seq IS 'the entry''s number, given when it is written';
COMMENT ON COLUMN platform.audit_event.chain_seq IS 'its position in the chain, given when it is sealed (null until then)';
COMMENT ON COLUMN platform.audit_event.scheme IS 'SHA256: hashed when written (before keyed sealing); HMAC_SHA256: sealed with the key key_id';
COMMENT ON COLUMN platform.audit_event.prev_hash IS 'the hash or MAC of the entry before it in the chain';
COMMENT ON COLUMN platform.audit_event.hash IS 'its SHA-256 hash or HMAC-SHA-256 MAC, over its fields and prev_hash';

-- The old rows keep their place: chain_seq = seq. The row trigger is replaced below, so it goes first.
DROP TRIGGER audit_event_no_update_or_delete ON platform.audit_event;
UPDATE platform.audit_event SET chain_seq = seq;

CREATE UNIQUE INDEX audit_event_chain_seq_idx ON platform.audit_event (chain_seq);
CREATE INDEX audit_event_unsealed_idx ON platform.audit_event (seq) WHERE chain_seq IS NULL;

-- Still append-only; the one change allowed is sealing an unsealed entry, which sets only the seal's columns.
CREATE FUNCTION platform.audit_event_is_append_only_but_sealable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL
      AND (NEW.seq, NEW.occurred_at, NEW.actor, NEW.agency, NEW.action, NEW.record_type, NEW.record_id, NEW.purpose,
           NEW.outcome, NEW.detail, NEW.scheme)
        IS NOT DISTINCT FROM
          (OLD.seq, OLD.occurred_at, OLD.actor, OLD.agency, OLD.action, OLD.record_type, OLD.record_id, OLD.purpose,
           OLD.outcome, OLD.detail, OLD.scheme) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER audit_event_no_update_or_delete
  BEFORE UPDATE OR DELETE ON platform.audit_event
  FOR EACH ROW EXECUTE FUNCTION platform.audit_event_is_append_only_but_sealable();

-- The anchor: an entry, sealed first, that says where keyed sealing took over (only when there are older entries).
INSERT INTO platform.audit_event (occurred_at, actor, action, record_type, outcome, detail, scheme)
SELECT now(), 'harmwatch', 'AUDIT_CHAIN_KEYED', 'audit_event', 'ALLOWED',
       'entries up to ' || seq || ' are SHA-256 hashed; from here on each entry is sealed with HMAC-SHA-256 and a key '
         || 'kept outside the database; this entry is MAC''d over entry ' || seq || '''s hash ' || hash,
       'HMAC_SHA256'
FROM platform.audit_event ORDER BY seq DESC LIMIT 1;
