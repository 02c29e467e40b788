-- Drafts are no longer stuck (issue 13 item 4): a waiting message can be edited by its drafter or the coordinator
-- before anyone signs it off, withdrawn with a reason (it stays in the history), or returned to its drafter by an
-- approver with a reason. A withdrawn first draft withdraws the alert (state WITHDRAWN).
ALTER TABLE earlywarning.alert_message
  ADD COLUMN edited_by text[] NOT NULL DEFAULT '{}', -- who else edited it while waiting: none of them may sign it off
  ADD COLUMN withdrawn_by text,
  ADD COLUMN withdrawn_at timestamptz,
  ADD COLUMN withdrawn_reason text,
  ADD COLUMN returned_by text,                      -- the approver who last returned it to its drafter (their name)
  ADD COLUMN returned_at timestamptz,
  ADD COLUMN returned_reason text;
-- A withdrawn message waits no more, so another may be drafted.
DROP INDEX earlywarning.alert_message_pending;
CREATE UNIQUE INDEX alert_message_pending ON earlywarning.alert_message (alert_id) WHERE NOT issued AND withdrawn_at IS NULL;
