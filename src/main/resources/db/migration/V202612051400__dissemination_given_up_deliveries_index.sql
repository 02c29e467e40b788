-- The coordinator's home page counts deliveries given up on (DEAD) in the last 30 days on every visit: index only those,
-- by when they were created, so that the count never scans the delivery table (100,000 rows an alert).
CREATE INDEX delivery_dead_idx ON dissemination.delivery (created_at) WHERE state = 'DEAD';
