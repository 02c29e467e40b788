-- Sign-in failures no longer lock accounts (anyone could lock anyone out); they are throttled per client instead
-- (platform.sign_in_throttle, ADR 0005). Disabling an account is how an administrator stops it signing in.
ALTER TABLE agency.staff DROP COLUMN failed_attempts, DROP COLUMN locked_until;
