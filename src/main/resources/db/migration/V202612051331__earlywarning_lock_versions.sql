-- The Alert and Signal aggregates (Spring Data JDBC) are saved with optimistic locking: two changes of one alert or
-- one signal's decisions at once cannot both win. alert.version is the issued version, so the lock has its own column.
ALTER TABLE earlywarning.alert ADD COLUMN lock_version integer NOT NULL DEFAULT 0;
ALTER TABLE earlywarning.signal ADD COLUMN lock_version integer NOT NULL DEFAULT 0;
