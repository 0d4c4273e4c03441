-- The case workflow engine: tenant switches for rules and automations, tenant closing days for
-- the working-day calendar, rule evaluations with their findings, and workflow timers.

-- What a tenant admin switched on or off per service: single rules of the service's rule set and
-- automations (system or timer transitions) of its workflow. No row means the definition's default.
CREATE TABLE tenant_rule_settings (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  service_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('rule', 'automation')),
  item_id text NOT NULL,
  enabled boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES staff_users (id),
  PRIMARY KEY (tenant_id, service_id, kind, item_id)
);
ALTER TABLE tenant_rule_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_rule_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_rule_settings
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- Days a municipality's office is closed besides the Land's public holidays (e.g. 24 and 31
-- December, a local holiday such as Fronleichnam in Sorbian communities); they count as
-- non-working days for deadlines and lead times.
CREATE TABLE tenant_closing_days (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  day date NOT NULL,
  reason jsonb,
  PRIMARY KEY (tenant_id, day)
);
ALTER TABLE tenant_closing_days ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_closing_days FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_closing_days
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- Each run of a case's rules. The latest evaluation is the current one, but only while the case
-- data still hashes to data_hash: findings about older data do not feed the workflow's guards.
-- Earlier evaluations stay as history.
CREATE TABLE case_rule_evaluations (
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  evaluation integer NOT NULL CHECK (evaluation > 0),
  evaluated_at timestamptz NOT NULL,
  data_hash text NOT NULL,
  rules text[] NOT NULL,
  counts jsonb NOT NULL,
  PRIMARY KEY (tenant_id, case_id, evaluation),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
);
ALTER TABLE case_rule_evaluations ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_rule_evaluations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON case_rule_evaluations
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- The findings of one evaluation, in the order the rules produced them.
CREATE TABLE case_findings (
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  evaluation integer NOT NULL,
  position integer NOT NULL,
  rule_id text NOT NULL,
  code text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('info', 'warning', 'blocking')),
  message jsonb NOT NULL,
  field_path text,
  legal_source text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, case_id, evaluation, position),
  FOREIGN KEY (tenant_id, case_id, evaluation) REFERENCES case_rule_evaluations (tenant_id, case_id, evaluation)
);
CREATE INDEX case_findings_code ON case_findings (tenant_id, code);
ALTER TABLE case_findings ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_findings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON case_findings
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- Workflow timers (answer deadlines, reminders). A timer belongs to the state it was armed in:
-- leaving that state cancels it, and firing settles it, so a repeated or late timer job finds
-- nothing to do.
CREATE TABLE case_timers (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  name text NOT NULL,
  state text NOT NULL,
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'armed' CHECK (status IN ('armed', 'fired', 'skipped', 'cancelled')),
  armed_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  settled_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
);
CREATE INDEX case_timers_case ON case_timers (tenant_id, case_id) WHERE status = 'armed';
-- For a sweeper that finds armed timers whose job was lost.
CREATE INDEX case_timers_due ON case_timers (due_at) WHERE status = 'armed';
ALTER TABLE case_timers ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_timers FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON case_timers
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
