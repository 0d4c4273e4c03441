-- Deliveries: every outbound transmission (an XGewerbeanzeige message to the IHK, a file for a
-- register) is an item with its own status, attempts and last error that staff can see and
-- resend (ARCHITECTURE §7: forwarded submissions must never fail silently).

-- A tenant's delivery channels: which plug-in (file-drop, email, http-post, …) with which options.
-- Options hold references to secrets (a secret's name), never the secret itself. Deliveries name
-- the channel by id and read its CURRENT configuration on every attempt, so fixing a channel and
-- pressing "resend" uses the fixed configuration.
CREATE TABLE tenant_delivery_channels (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id text NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  display_name text NOT NULL,
  channel_type text NOT NULL CHECK (channel_type ~ '^[a-z][a-z0-9-]{0,39}$'),
  options jsonb NOT NULL DEFAULT '{}',
  enabled boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
ALTER TABLE tenant_delivery_channels ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_delivery_channels FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_delivery_channels
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- One delivery item: a payload (already stored in file storage, built by the procedure) for one
-- recipient over one channel. `case_id` is empty for deliveries that belong to no single case
-- (e.g. a monthly statistics batch). Status: queued → sending → delivered | failed; a failed item
-- with `next_attempt_at` has an automatic retry planned, without one it waits for a resend.
-- `retry_count` counts failed attempts since the item was last (re)queued and drives the backoff;
-- `attempts` counts all attempts ever. `channel_type`/`channel_options` snapshot the configuration
-- the latest attempt used (secret references only).
CREATE TABLE deliveries (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid,
  recipient_id text NOT NULL CHECK (recipient_id ~ '^[a-z0-9][a-z0-9._-]{0,79}$'),
  recipient_name text NOT NULL,
  channel_id text NOT NULL,
  channel_type text NOT NULL,
  channel_options jsonb NOT NULL DEFAULT '{}',
  origin_key text,
  payload_key text NOT NULL,
  payload_media_type text NOT NULL,
  payload_sha256 text NOT NULL CHECK (payload_sha256 ~ '^[0-9a-f]{64}$'),
  payload_size bigint NOT NULL CHECK (payload_size >= 0),
  payload_filename text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  retry_count integer NOT NULL DEFAULT 0 CHECK (retry_count >= 0),
  last_error text,
  next_attempt_at timestamptz,
  sending_since timestamptz,
  delivered_at timestamptz,
  receipt jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, channel_id) REFERENCES tenant_delivery_channels (tenant_id, id)
);
CREATE INDEX deliveries_case ON deliveries (tenant_id, case_id, created_at) WHERE case_id IS NOT NULL;
-- An export effect creates at most one item per origin (exporter, transition, case version, recipient).
CREATE UNIQUE INDEX deliveries_origin ON deliveries (tenant_id, origin_key) WHERE origin_key IS NOT NULL;
-- For operators: what is stuck or failing across tenants.
CREATE INDEX deliveries_open ON deliveries (status, next_attempt_at) WHERE status <> 'delivered';
ALTER TABLE deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON deliveries
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- Every attempt of a delivery: written when it starts (outcome 'sending'), settled when it ends.
-- An attempt whose worker died stays 'sending' until the next attempt marks it 'interrupted'.
CREATE TABLE delivery_attempts (
  tenant_id uuid NOT NULL,
  delivery_id uuid NOT NULL,
  attempt integer NOT NULL CHECK (attempt > 0),
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  outcome text NOT NULL CHECK (outcome IN ('sending', 'delivered', 'retryable-failure', 'permanent-failure', 'interrupted')),
  error text,
  duration_ms integer CHECK (duration_ms >= 0),
  channel_type text NOT NULL,
  receipt jsonb,
  PRIMARY KEY (tenant_id, delivery_id, attempt),
  FOREIGN KEY (tenant_id, delivery_id) REFERENCES deliveries (tenant_id, id)
);
ALTER TABLE delivery_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE delivery_attempts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON delivery_attempts
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- Deliveries and their attempts are the record of what left the municipality: the application
-- may add and settle them, never remove them (retention is an owner task).
REVOKE DELETE, TRUNCATE ON deliveries, delivery_attempts FROM rathaus_app;
