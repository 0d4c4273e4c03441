-- Gewerbe (trade notifications GewA1–GewA3): the tenant's Gewerbe settings, the Gewerberegister
-- with its history, and the three services online in the founding municipalities.

-- A tenant's settings for the Gewerbe procedures, as tenant data rather than code: its area
-- (postal code and town pairs for the competence check), its street directory (street keys for
-- XGewerbeanzeige), its recipients of § 14 Abs. 8 GewO (delivery channel, DVDV addressing, waiver)
-- and its fees. Checked by the application when saved (src/services/gewerbe/settings.ts).
CREATE TABLE gewerbe_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  settings jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE gewerbe_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE gewerbe_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON gewerbe_settings
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- The Gewerberegister: one entry per business and establishment (its id is the
-- gewerbebetriebID of XGewerbeanzeige). A GewA1 creates it, a GewA2 changes it, a GewA3 closes
-- it; the columns hold the current state for search and lists, `data` the current notification.
CREATE TABLE gewerbe_register_entries (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  entry_number integer NOT NULL CHECK (entry_number > 0),
  status text NOT NULL CHECK (status IN ('active', 'closed')),
  legal_form text NOT NULL,
  company_name text,
  holder_name text NOT NULL,
  holder_birth_date date,
  trade_name text,
  activity text NOT NULL,
  wz_code text,
  street text NOT NULL,
  house_number text,
  postal_code text NOT NULL,
  town text NOT NULL,
  establishment_kind text NOT NULL,
  started_on date NOT NULL,
  closed_on date,
  data jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, entry_number)
);
CREATE INDEX gewerbe_register_entries_status ON gewerbe_register_entries (tenant_id, status, entry_number);
CREATE INDEX gewerbe_register_entries_holder ON gewerbe_register_entries (tenant_id, holder_name);
ALTER TABLE gewerbe_register_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE gewerbe_register_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON gewerbe_register_entries
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- The history of an entry: one row per notification that created, changed or closed it, with the
-- case, the date it took effect, the entry as it was afterwards and what changed. One case
-- writes at most one row per entry, so a replayed workflow effect adds nothing.
CREATE TABLE gewerbe_register_history (
  tenant_id uuid NOT NULL,
  entry_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq > 0),
  case_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('registered', 'changed', 'deregistered')),
  effective_on date NOT NULL,
  recorded_at timestamptz NOT NULL,
  snapshot jsonb NOT NULL,
  changes jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (tenant_id, entry_id, seq),
  UNIQUE (tenant_id, case_id, entry_id),
  FOREIGN KEY (tenant_id, entry_id) REFERENCES gewerbe_register_entries (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
);
CREATE INDEX gewerbe_register_history_case ON gewerbe_register_history (tenant_id, case_id);
ALTER TABLE gewerbe_register_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE gewerbe_register_history FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON gewerbe_register_history
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- The register is a record: the application adds and changes entries, never removes them.
REVOKE DELETE, TRUNCATE ON gewerbe_register_entries, gewerbe_register_history FROM rathaus_app;

-- The procedure ships: existing data directories offer it online in the founding municipalities
-- (the seed does the same for municipalities it creates).
UPDATE tenant_services SET status = 'online', planned_for = NULL
 WHERE service_id IN ('gewerbe-anmeldung', 'gewerbe-ummeldung', 'gewerbe-abmeldung')
   AND tenant_id IN (SELECT id FROM tenants WHERE slug IN ('wurzen', 'bennewitz', 'lossatal', 'thallwitz', 'augustusburg'));
