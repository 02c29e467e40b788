-- The coordinator's short text for SMS (issue 13 item 5): one text message with the link, whole sentences.
ALTER TABLE earlywarning.alert_message ADD COLUMN short_text TEXT;
