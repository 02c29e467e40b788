-- Platform: event publication registry (Spring Modulith), shared sessions (Spring Session),
-- scheduler locks (ShedLock) and the audit log.

CREATE SCHEMA IF NOT EXISTS platform;

-- Spring Modulith 2.1 event publication registry, schema v2 (spring-modulith-events-jdbc).
CREATE TABLE event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Spring Session JDBC: sessions shared by every instance.
CREATE TABLE spring_session (
  primary_id CHAR(36) NOT NULL,
  session_id CHAR(36) NOT NULL,
  creation_time BIGINT NOT NULL,
  last_access_time BIGINT NOT NULL,
  max_inactive_interval INT NOT NULL,
  expiry_time BIGINT NOT NULL,
  principal_name VARCHAR(100),
  CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
  session_primary_id CHAR(36) NOT NULL,
  attribute_name VARCHAR(200) NOT NULL,
  attribute_bytes BYTEA NOT NULL,
  CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
  CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session(primary_id) ON DELETE CASCADE
);

-- ShedLock: a scheduled job runs on one instance at a time.
CREATE TABLE platform.shedlock (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  lock_until TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_at TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_by VARCHAR(255) NOT NULL
);

-- The audit log: append-only and hash-chained. Each entry's hash covers its own fields and the previous hash,
-- so changing or removing any entry breaks every hash after it.
CREATE TABLE platform.audit_event (
  seq          BIGINT PRIMARY KEY,
  occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  actor        TEXT NOT NULL,
  agency       TEXT,
  action       TEXT NOT NULL,
  record_type  TEXT NOT NULL,
  record_id    TEXT,
  purpose      TEXT,
  outcome      TEXT NOT NULL CHECK (outcome IN ('ALLOWED', 'DENIED', 'FAILED')),
  detail       TEXT,
  prev_hash    CHAR(64) NOT NULL,
  hash         CHAR(64) NOT NULL
);
CREATE INDEX audit_event_actor_idx ON platform.audit_event (actor, occurred_at);
CREATE INDEX audit_event_record_idx ON platform.audit_event (record_type, record_id);
CREATE INDEX audit_event_occurred_idx ON platform.audit_event (occurred_at);

CREATE FUNCTION platform.audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER audit_event_no_update_or_delete
  BEFORE UPDATE OR DELETE ON platform.audit_event
  FOR EACH ROW EXECUTE FUNCTION platform.audit_event_is_append_only();

CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON platform.audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION platform.audit_event_is_append_only();
