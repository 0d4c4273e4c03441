-- After a traffic order is approved (verkehr.md § 1.6, § 4.2 steps 7–9): the applicant's set-up
-- records (Aufstellprotokoll) and requests to extend the period (Verlängerung). Both belong to the
-- case file: the application adds and decides them, never removes them.

-- One set-up record: when the signs went up, the number plates of vehicles already parked there
-- (Unterhaching asks for them), and whether the signs stood the three full days the order needs
-- against parked cars (BVerwG 3 C 25.16). latest_setup_date is null for orders without no-parking
-- signs. The photos are rows of `files` with purpose `setup-photo` and field_path `setup:<id>`.
CREATE TABLE traffic_setup_records (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  set_up_at timestamptz NOT NULL,
  number_plates text[] NOT NULL DEFAULT '{}' CHECK (cardinality(number_plates) <= 30),
  latest_setup_date date,
  late boolean NOT NULL DEFAULT false,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  CHECK (NOT late OR latest_setup_date IS NOT NULL)
);
CREATE INDEX traffic_setup_records_case ON traffic_setup_records (tenant_id, case_id, recorded_at);
ALTER TABLE traffic_setup_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE traffic_setup_records FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON traffic_setup_records
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
REVOKE DELETE, TRUNCATE ON traffic_setup_records FROM rathaus_app;

-- One request to extend an approved order to a later last day. status: requested → approved |
-- rejected (by a caseworker's step). At most one request per case is open at a time. conflicts:
-- the orders in force the extended days meet, as found when the request arrived.
CREATE TABLE traffic_extensions (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  requested_at timestamptz NOT NULL,
  previous_to date NOT NULL,
  new_to date NOT NULL,
  reason text CHECK (reason IS NULL OR length(reason) <= 2000),
  conflicts jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'rejected')),
  decided_at timestamptz,
  decided_by uuid REFERENCES staff_users (id),
  decision_reason text CHECK (decision_reason IS NULL OR length(decision_reason) <= 4000),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  CHECK (new_to > previous_to),
  CHECK ((status = 'requested') = (decided_at IS NULL))
);
CREATE INDEX traffic_extensions_case ON traffic_extensions (tenant_id, case_id, requested_at);
CREATE UNIQUE INDEX traffic_extensions_one_open ON traffic_extensions (tenant_id, case_id) WHERE status = 'requested';
ALTER TABLE traffic_extensions ENABLE ROW LEVEL SECURITY;
ALTER TABLE traffic_extensions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON traffic_extensions
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
REVOKE DELETE, TRUNCATE ON traffic_extensions FROM rathaus_app;
