-- Diversion (issue 15 items 4-8): deferred-prosecution schemes like Durham's Checkpoint and West Midlands'
-- Turning Point. Every record belongs to the police agency that runs the scheme and is held for POLICING.
-- Treatment providers (health) write only an attendance yes/no and date against a pseudonymised link.
CREATE SCHEMA IF NOT EXISTS diversion;

-- A scheme and its eligibility rules; a trial scheme allocates at random from its recorded seed.
CREATE TABLE diversion.scheme (
    id uuid PRIMARY KEY,
    owner_agency text NOT NULL,
    name text NOT NULL,
    district_code text NOT NULL,
    offence_groups text[] NOT NULL,
    max_gravity integer NOT NULL CHECK (max_gravity BETWEEN 1 AND 5),
    max_previous_convictions integer NOT NULL CHECK (max_previous_convictions BETWEEN 0 AND 50),
    exclusions text[] NOT NULL,
    needs_evidence_to_charge boolean NOT NULL,
    max_offence_age_days integer CHECK (max_offence_age_days BETWEEN 1 AND 3650),
    max_months integer NOT NULL CHECK (max_months BETWEEN 1 AND 4),
    trial boolean NOT NULL,
    seed bigint,
    block_size integer CHECK (block_size IN (2, 4, 6, 8)),
    contract_cost_pounds integer NOT NULL CHECK (contract_cost_pounds BETWEEN 0 AND 1000000),
    court_case_cost_pounds integer NOT NULL CHECK (court_case_cost_pounds BETWEEN 0 AND 1000000),
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (owner_agency, name),
    CHECK (NOT trial OR (seed IS NOT NULL AND block_size IS NOT NULL))
);

-- A person referred to a scheme (known by the custody record reference only), the eligibility decision with every
-- rule's result, and the allocation.
CREATE TABLE diversion.referral (
    id uuid PRIMARY KEY,
    scheme_id uuid NOT NULL REFERENCES diversion.scheme (id),
    owner_agency text NOT NULL,
    purpose text NOT NULL CHECK (purpose = 'POLICING'),
    custody_reference text NOT NULL,
    offence_group text NOT NULL,
    offence_on date NOT NULL,
    referred_on date NOT NULL,
    gravity integer NOT NULL,
    previous_convictions integer NOT NULL,
    flags text[] NOT NULL,
    evidence_to_charge boolean NOT NULL,
    age_band text,
    sex text,
    ethnicity text,
    eligible boolean NOT NULL,
    rule_results text[] NOT NULL,
    arm text CHECK (arm IN ('DIVERSION', 'USUAL_PROCESS')),
    allocation_method text CHECK (allocation_method IN ('RANDOM', 'DECISION_MAKER')),
    allocation_reason text,
    allocation_stratum text,
    allocation_position integer,
    allocation_seed bigint,
    allocated_by text,
    allocated_at timestamptz,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL,
    UNIQUE (owner_agency, custody_reference),
    UNIQUE (scheme_id, allocation_stratum, allocation_position)
);
CREATE INDEX referral_scheme ON diversion.referral (scheme_id, recorded_at);
CREATE INDEX referral_owner ON diversion.referral (owner_agency, recorded_at DESC);

CREATE TABLE diversion.contract (
    id uuid PRIMARY KEY,
    referral_id uuid NOT NULL UNIQUE REFERENCES diversion.referral (id),
    navigator text NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    status text NOT NULL CHECK (status IN ('ACTIVE', 'BREACHED', 'PROSECUTED', 'COMPLETED')),
    completed_on date,
    created_at timestamptz NOT NULL,
    CHECK (ends_on > starts_on AND ends_on <= starts_on + interval '4 months')
);
CREATE INDEX contract_navigator ON diversion.contract (navigator, status);

CREATE TABLE diversion.condition (
    id uuid PRIMARY KEY,
    contract_id uuid NOT NULL REFERENCES diversion.contract (id),
    position integer NOT NULL,
    kind text NOT NULL,
    verification text NOT NULL,
    status text NOT NULL CHECK (status IN ('PENDING', 'MET', 'BREACHED')),
    status_on date,
    UNIQUE (contract_id, kind),
    UNIQUE (contract_id, position)
);

-- The pseudonymised link to a treatment provider: a random reference, the legal basis it was made under.
CREATE TABLE diversion.treatment_link (
    reference text PRIMARY KEY,
    condition_id uuid NOT NULL UNIQUE REFERENCES diversion.condition (id),
    legal_basis text NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL
);

-- What the provider reports: attended or not, and the date. Nothing said in the appointment.
CREATE TABLE diversion.attendance (
    id uuid PRIMARY KEY,
    reference text NOT NULL REFERENCES diversion.treatment_link (reference),
    appointment_on date NOT NULL,
    attended boolean NOT NULL,
    reported_by_agency text NOT NULL,
    reported_at timestamptz NOT NULL,
    UNIQUE (reference, appointment_on)
);

CREATE TABLE diversion.session (
    id uuid PRIMARY KEY,
    contract_id uuid NOT NULL REFERENCES diversion.contract (id),
    held_on date NOT NULL,
    attended boolean NOT NULL,
    recorded_by text NOT NULL
);
CREATE INDEX session_contract ON diversion.session (contract_id, held_on);

CREATE TABLE diversion.breach (
    id uuid PRIMARY KEY,
    contract_id uuid NOT NULL REFERENCES diversion.contract (id),
    condition_id uuid NOT NULL REFERENCES diversion.condition (id),
    breached_on date NOT NULL,
    what text NOT NULL,
    recorded_by text NOT NULL,
    decision text CHECK (decision IN ('PROSECUTE', 'CONTINUE')),
    decision_reason text,
    decided_by text,
    decided_at timestamptz
);

CREATE TABLE diversion.outcome (
    referral_id uuid NOT NULL REFERENCES diversion.referral (id),
    window_months integer NOT NULL CHECK (window_months IN (12, 24)),
    rearrested boolean NOT NULL,
    reconvicted boolean NOT NULL,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (referral_id, window_months)
);

CREATE TABLE diversion.victim_survey (
    referral_id uuid PRIMARY KEY REFERENCES diversion.referral (id),
    satisfaction integer NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL
);
