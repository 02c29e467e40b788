-- Rate limits and sign-in throttling shared by every instance (ADR 0005). Clients and usernames are stored only as
-- keyed hashes (HMAC-SHA256 under platform.pseudonym_key), and rows are deleted once they limit nobody.

-- The key for those hashes: random, one per database, the same for every instance.
CREATE TABLE platform.pseudonym_key (
  id  INT PRIMARY KEY CHECK (id = 1),
  key BYTEA NOT NULL
);
INSERT INTO platform.pseudonym_key (id, key)
VALUES (1, decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- Token buckets of the public forms and lookups: one row per limiter and client, taken from by one atomic statement.
CREATE TABLE platform.rate_limit_bucket (
  limiter    TEXT NOT NULL,
  client     TEXT NOT NULL,
  tokens     DOUBLE PRECISION NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  full_at    TIMESTAMP WITH TIME ZONE NOT NULL,  -- when the bucket is full again, and the row can go
  PRIMARY KEY (limiter, client)
);
CREATE INDEX rate_limit_bucket_full_idx ON platform.rate_limit_bucket (full_at);

-- Failed sign-ins per key: an account and client address, a device, an account from unfamiliar clients, or a client
-- address over all accounts. Each key delays the next attempt exponentially once it has used its free failures.
CREATE TABLE platform.sign_in_throttle (
  key             TEXT PRIMARY KEY,
  account         TEXT,                             -- the username's hash, so an administrator can clear its rows
  free            INT NOT NULL,                     -- failures allowed before delays start
  failures        INT NOT NULL,
  last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
  blocked_until   TIMESTAMP WITH TIME ZONE,
  expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sign_in_throttle_account_idx ON platform.sign_in_throttle (account);
CREATE INDEX sign_in_throttle_expires_idx ON platform.sign_in_throttle (expires_at);

-- Devices (a cookie) and client addresses from which an account signed in with its password: attempts from them are
-- not slowed by failures from anywhere else.
CREATE TABLE platform.sign_in_familiar (
  key             TEXT PRIMARY KEY,
  last_success_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sign_in_familiar_success_idx ON platform.sign_in_familiar (last_success_at);
