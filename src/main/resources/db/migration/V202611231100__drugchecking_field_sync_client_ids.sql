-- Offline field mode: a result version and a consultation recorded on a device carry the id the device gave them, so a
-- re-sent batch stores each once. Records made online have none.
ALTER TABLE drugchecking.result ADD COLUMN client_id uuid UNIQUE;
ALTER TABLE drugchecking.consultation ADD COLUMN client_id uuid UNIQUE;
