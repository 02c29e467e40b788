-- Alerts drafted from graded signals (or, on the urgent path, from validated ones with two named approvers), and each
-- message issued on them: the first alert, its updates and its cancellation. A message is drafted, approved, then
-- issued with the next version number; issued messages are never changed.
CREATE TABLE earlywarning.alert (
  id uuid PRIMARY KEY,
  reference text UNIQUE,                 -- HW-<year>-<nnnn>, given when first issued
  signal_id uuid NOT NULL REFERENCES earlywarning.signal (id),
  urgent boolean NOT NULL,               -- drafted before grading: every message but a cancellation needs two approvers
  exercise boolean NOT NULL,             -- an exercise: marked everywhere, never public
  state text NOT NULL,                   -- DRAFT, AWAITING_APPROVAL, ISSUED, CANCELLED (EXPIRED is ISSUED past expires_at)
  version integer NOT NULL DEFAULT 0,    -- the latest issued version; 0 before the first issue
  level text NOT NULL,
  headline text NOT NULL,
  public boolean NOT NULL DEFAULT false, -- the latest issued message is for the public (and it is no exercise)
  expires_at timestamptz NOT NULL,
  issued_at timestamptz,                 -- when the latest message was issued
  created_by text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX alert_list ON earlywarning.alert (state, created_at DESC);

CREATE TABLE earlywarning.alert_message (
  id uuid PRIMARY KEY,
  alert_id uuid NOT NULL REFERENCES earlywarning.alert (id),
  message_type text NOT NULL,            -- ALERT, UPDATE, CANCEL
  version integer,                       -- given when issued
  issued boolean NOT NULL DEFAULT false,
  level text NOT NULL,
  audiences text[] NOT NULL,
  lad_codes text[] NOT NULL,
  substance_codes text[] NOT NULL,
  headline text NOT NULL,
  look_out_for text NOT NULL,
  public_advice text,
  professional_advice text,
  note text,                             -- why an update or cancellation is issued
  expires_at timestamptz NOT NULL,
  review_at timestamptz NOT NULL,
  sms_text text NOT NULL,
  approvals_needed integer NOT NULL,     -- 2 on the urgent path (before grading), otherwise 1
  drafted_by text NOT NULL,
  drafted_at timestamptz NOT NULL,
  issued_at timestamptz,
  UNIQUE (alert_id, version)
);
-- At most one message waits for approval on an alert at a time.
CREATE UNIQUE INDEX alert_message_pending ON earlywarning.alert_message (alert_id) WHERE NOT issued;

-- Named sign-offs of a message; the drafter never signs off their own message.
CREATE TABLE earlywarning.alert_approval (
  message_id uuid NOT NULL REFERENCES earlywarning.alert_message (id),
  approver text NOT NULL,
  approver_name text NOT NULL,
  approved_at timestamptz NOT NULL,
  PRIMARY KEY (message_id, approver)
);

-- The last reference number given in each year.
CREATE TABLE earlywarning.alert_reference (
  year integer PRIMARY KEY,
  last integer NOT NULL
);
