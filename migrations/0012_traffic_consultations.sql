-- Consultation (Anhörung) for traffic orders (verkehr.md § 4.3): the parties a municipality hears
-- (police, road authority, transport operator, fire brigade and rescue, waste collection, own
-- building yard …) and each consultation of a party on a case, answered through a personal link
-- without an account.

-- A party the office may consult, with the case types and triggers that propose it.
-- triggers: always | carriageway (the carriageway is used) | closure (half closure, one-way, lights)
-- | full-closure | bus-route (a bus line runs on the street).
CREATE TABLE traffic_consultation_parties (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id text NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email text NOT NULL CHECK (email ~ '^[^[:space:]@]+@[^[:space:]@]+$'),
  kind text NOT NULL CHECK (kind IN ('police', 'road-authority', 'transit', 'fire-rescue', 'waste', 'building-yard', 'other')),
  case_types text[] NOT NULL DEFAULT '{BAU,HUB,CON,VER}',
  triggers text[] NOT NULL DEFAULT '{always}',
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (tenant_id, id)
);
ALTER TABLE traffic_consultation_parties ENABLE ROW LEVEL SECURITY;
ALTER TABLE traffic_consultation_parties FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON traffic_consultation_parties
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- One party heard on one case. The party's name and address are copied, so the file shows whom
-- the office asked even if the party list changes later. Only the SHA-256 of the link's token is
-- stored. status: open → agreed | agreed-with-conditions | objected (the party's answer, once)
-- or withdrawn (by the office).
CREATE TABLE traffic_consultations (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  party_id text NOT NULL,
  party_name text NOT NULL,
  party_email text NOT NULL,
  token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  requested_at timestamptz NOT NULL,
  requested_by uuid REFERENCES staff_users (id),
  due_date date NOT NULL,
  message text CHECK (message IS NULL OR length(message) <= 5000),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'agreed', 'agreed-with-conditions', 'objected', 'withdrawn')),
  answer_text text CHECK (answer_text IS NULL OR length(answer_text) <= 5000),
  answered_at timestamptz,
  reminder_sent_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  CHECK ((status IN ('agreed', 'agreed-with-conditions', 'objected')) = (answered_at IS NOT NULL)),
  CHECK (status NOT IN ('agreed-with-conditions', 'objected') OR answer_text IS NOT NULL)
);
CREATE UNIQUE INDEX traffic_consultations_token ON traffic_consultations (tenant_id, token_hash);
CREATE INDEX traffic_consultations_case ON traffic_consultations (tenant_id, case_id, requested_at);
ALTER TABLE traffic_consultations ENABLE ROW LEVEL SECURITY;
ALTER TABLE traffic_consultations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON traffic_consultations
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
-- Consultations are part of the case file: the application changes them, never removes them.
REVOKE DELETE, TRUNCATE ON traffic_consultations FROM rathaus_app;
