-- The decision of a linked transaction (platform.LinkedTransactions): its name, written in the caller's transaction
-- just before that commits, after the linked one was prepared. A prepared transaction whose name is here is committed
-- by the recovery, one whose name is not (once its caller's transaction is over) is rolled back. A row lives only
-- between the caller's commit and COMMIT PREPARED.
CREATE TABLE platform.linked_commit (
  name text PRIMARY KEY,
  decided_at timestamptz NOT NULL
);
