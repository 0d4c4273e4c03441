-- Platform foundation: the application role, tenants, the public catalogue, staff identity,
-- sessions and login throttling.
--
-- Migrations run as the database owner. The application itself switches to the role
-- rathaus_app, which owns nothing and has no BYPASSRLS, so row-level security binds it.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rathaus_app') THEN
    CREATE ROLE rathaus_app NOLOGIN NOBYPASSRLS;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO rathaus_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO rathaus_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO rathaus_app;

-- The tenant of the current transaction, set by the tenant-scoped query helper with
-- set_config('app.tenant_id', …, true). Unset means NULL, and NULL matches no row: fail closed.
CREATE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- A municipality (Kommune). Public master data, read by the platform pages without a tenant scope.
CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  official_name text NOT NULL,
  short_name text NOT NULL,
  register_name text,
  status_kind text NOT NULL,
  ags text NOT NULL UNIQUE CHECK (ags ~ '^[0-9]{8}$'),
  ars text CHECK (ars ~ '^[0-9]{12}$'),
  district text NOT NULL,
  street text NOT NULL,
  postal_code text NOT NULL CHECK (postal_code ~ '^[0-9]{5}$'),
  town text NOT NULL,
  phone text,
  email text,
  website text,
  opening_hours jsonb NOT NULL DEFAULT '[]',
  embed_origins text[] NOT NULL DEFAULT '{}',
  branding jsonb NOT NULL DEFAULT '{}',
  unconfirmed_facts text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Hostnames are unique across tenants so that a host resolves to at most one tenant.
CREATE TABLE tenant_hostnames (
  hostname text PRIMARY KEY CHECK (hostname = lower(hostname)),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE
);

-- The platform-wide list of procedures (Leistungen), whether or not a definition exists yet.
CREATE TABLE catalog_services (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  leika_key text CHECK (leika_key ~ '^[0-9]{14}$'),
  name jsonb NOT NULL,
  summary jsonb NOT NULL,
  topic text NOT NULL,
  sort_order integer NOT NULL DEFAULT 100
);

-- Which services a municipality offers, and whether they are online yet. Public catalogue
-- data (shown on the platform home for all tenants at once), so deliberately not under RLS;
-- per-tenant service settings with non-public content live in their own RLS table.
CREATE TABLE tenant_services (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  service_id text NOT NULL REFERENCES catalog_services (id),
  status text NOT NULL CHECK (status IN ('online', 'planned')),
  planned_for text,
  PRIMARY KEY (tenant_id, service_id)
);

-- Per-municipality legal pages (Impressum, Datenschutz, Erklärung zur Barrierefreiheit).
CREATE TABLE tenant_pages (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('imprint', 'privacy', 'accessibility')),
  content jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, kind)
);
ALTER TABLE tenant_pages ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_pages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_pages
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- The platform operator's own legal pages, shown on the platform home's footer links.
CREATE TABLE platform_pages (
  kind text PRIMARY KEY CHECK (kind IN ('imprint', 'privacy', 'accessibility')),
  content jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE platform_news (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  published_on date NOT NULL,
  title jsonb NOT NULL,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX platform_news_published ON platform_news (published_on DESC);

-- Staff identity is platform-wide (one person may work for several municipalities);
-- what they may do is per tenant, in staff_memberships.
CREATE TABLE staff_users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email)),
  display_name text NOT NULL,
  password_hash text NOT NULL,
  is_operator boolean NOT NULL DEFAULT false,
  disabled boolean NOT NULL DEFAULT false,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX staff_users_email ON staff_users (email);

-- Identity data read at login across tenants, hence not under RLS; only the auth module uses it.
CREATE TABLE staff_memberships (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('caseworker', 'tenant-admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX staff_memberships_user ON staff_memberships (user_id);

-- Server-side sessions. The cookie carries a random token; only its SHA-256 is stored.
CREATE TABLE staff_sessions (
  token_hash bytea PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX staff_sessions_user ON staff_sessions (user_id);
CREATE INDEX staff_sessions_expires ON staff_sessions (expires_at);

-- Failed-login counters per account and per client address (keys are hashed).
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  blocked_until timestamptz
);
