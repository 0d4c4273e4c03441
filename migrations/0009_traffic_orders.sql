-- Verkehrsrechtliche Anordnung (issue 6): a municipality's settings per service, its area for
-- traffic orders (boundary, classified roads, who is competent), and the footprints of traffic
-- orders in space and time for the conflict check.

-- A tenant's settings for one service (fees, lead times, thresholds, condition texts) as one JSON
-- document. The service's code holds the defaults and checks the document when it reads it; rule
-- and automation switches stay in tenant_rule_settings.
CREATE TABLE tenant_service_settings (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  service_id text NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES staff_users (id),
  PRIMARY KEY (tenant_id, service_id)
);
ALTER TABLE tenant_service_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_service_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_service_settings
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- The municipality as road traffic authority (SächsStrVRG §§ 2, 3): 'local' = örtliche
-- Straßenverkehrsbehörde, § 45 StVO on municipal roads only (a Gemeinde); 'lower' = acts as untere
-- Straßenverkehrsbehörde on all roads in its area (a Große Kreisstadt). `higher_authority` is who is
-- competent for everything else (the Landratsamt), with the address applicants are sent to.
-- `boundary` is a GeoJSON Polygon or MultiPolygon in WGS84; `boundary_confirmed` false means an
-- approximation (places outside it are flagged for a person, never refused).
CREATE TABLE traffic_areas (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  authority_role text NOT NULL CHECK (authority_role IN ('local', 'lower')),
  higher_authority jsonb NOT NULL CHECK (jsonb_typeof(higher_authority) = 'object'),
  boundary jsonb CHECK (boundary IS NULL OR boundary->>'type' IN ('Polygon', 'MultiPolygon')),
  boundary_confirmed boolean NOT NULL DEFAULT false,
  unconfirmed_facts text[] NOT NULL DEFAULT '{}',
  source text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE traffic_areas ENABLE ROW LEVEL SECURITY;
ALTER TABLE traffic_areas FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON traffic_areas
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- The municipality's road inventory (Straßenbestandsverzeichnis) as far as competence needs it:
-- classified roads (Bundes-, Staats-, Kreisstraße, found by name or by number such as "B 6") and,
-- optionally, municipal streets. A street not listed is presumed municipal (the tenant setting
-- `strictStreetList` turns that presumption into a flag for a person).
CREATE TABLE traffic_streets (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  -- lower case, "str." spelled out, without spaces, dashes and dots: how typed names are matched
  name_key text NOT NULL,
  locality text,
  road_class text NOT NULL CHECK (road_class IN ('gemeindestrasse', 'sonstige', 'kreisstrasse', 'staatsstrasse', 'bundesstrasse')),
  road_ref text,
  carriageway_width_m numeric(4, 2) CHECK (carriageway_width_m > 0),
  bus_route boolean NOT NULL DEFAULT false,
  confirmed boolean NOT NULL DEFAULT false,
  source text,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX traffic_streets_name ON traffic_streets (tenant_id, name_key);
ALTER TABLE traffic_streets ENABLE ROW LEVEL SECURITY;
ALTER TABLE traffic_streets FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON traffic_streets
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- Where and when a traffic order occupies the road, one row per case, kept in step with the case
-- data whenever its rules run. `occupied` runs from the set-up of the signs to their removal (not
-- only the validity), both ends included. `footprint` is the bounding box of the geometry in
-- ETRS89 / UTM zone 33N metres (EPSG:25833), `shape` the geometry itself in those metres for the
-- exact test; typed locations without a drawing have neither and are compared by street, house
-- numbers and side.
--
-- The GiST index serves searches in space and time across the table (operators, reports). Under
-- the application role's forced row-level security, `&&` is not leakproof and cannot become an
-- index condition (see 0008), so tenant queries narrow by the b-tree on (tenant_id, occupied_to)
-- with plain date comparisons, then test `&&` on the few rows left, then the exact geometry.
CREATE TABLE traffic_orders (
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  reference text NOT NULL,
  case_type text NOT NULL CHECK (case_type IN ('HVZ', 'BAU', 'HUB', 'CON', 'VER')),
  street text NOT NULL,
  street_key text NOT NULL,
  house_from integer,
  house_to integer,
  side text CHECK (side IN ('even', 'odd', 'both')),
  occupied daterange NOT NULL CHECK (NOT isempty(occupied)),
  occupied_from date NOT NULL,
  occupied_to date NOT NULL,
  valid daterange NOT NULL,
  footprint box,
  shape jsonb,
  geometry jsonb,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, case_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  CHECK (occupied_from <= occupied_to)
);
CREATE INDEX traffic_orders_space_time ON traffic_orders USING gist (footprint, occupied);
CREATE INDEX traffic_orders_until ON traffic_orders (tenant_id, occupied_to);
CREATE INDEX traffic_orders_street ON traffic_orders (tenant_id, street_key, occupied_to);
ALTER TABLE traffic_orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE traffic_orders FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON traffic_orders
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
