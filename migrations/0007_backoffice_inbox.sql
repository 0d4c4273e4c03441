-- The back office: columns and indexes for the inbox, "my tasks", the dashboard and the read audit.
-- Every b-tree starts with tenant_id (RLS adds `tenant_id = app_current_tenant()` to each query and
-- a very large operator can distribute by tenant). Keyset pagination walks (sort key, id), so each
-- listing order has an index ending in those two columns; PostgreSQL scans them in either direction.

-- Denormalised for search and the lists, filled at submission from the service definition: the
-- company (Betrieb) a case is about, and a one-line summary (e.g. activity and place).
ALTER TABLE cases ADD COLUMN company_name text;
ALTER TABLE cases ADD COLUMN summary text;

-- Word-prefix search on names, e-mail and summary without pg_trgm (PGlite has no extensions
-- loaded): a generated tsvector with the 'simple' configuration (no stemming, lower-cased,
-- umlauts kept) and a GIN index; queries use prefix terms (`müll:*`).
ALTER TABLE cases ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  to_tsvector('simple',
    coalesce(applicant_name, '') || ' ' || coalesce(company_name, '') || ' ' ||
    coalesce(applicant_email, '') || ' ' || coalesce(summary, ''))
) STORED;
CREATE INDEX cases_search ON cases USING gin (search_vector);

-- Reference number exact or prefix match, case-insensitive: a byte-wise ("C") range on upper(reference).
CREATE INDEX cases_reference_prefix ON cases (tenant_id, (upper(reference) COLLATE "C"));

-- Open cases (closed_at is set when a case enters a terminal state): the default inbox by
-- submission, and by deadline (no deadline sorts last; also "overdue").
CREATE INDEX cases_open_submitted ON cases (tenant_id, submitted_at, id) WHERE closed_at IS NULL;
CREATE INDEX cases_open_due ON cases (tenant_id, (coalesce(due_at, 'infinity'::timestamptz)), id) WHERE closed_at IS NULL;
-- "My tasks" and the inbox filtered by assignee.
CREATE INDEX cases_open_assignee_due ON cases (tenant_id, assignee_id, (coalesce(due_at, 'infinity'::timestamptz)), id) WHERE closed_at IS NULL;
CREATE INDEX cases_open_assignee_submitted ON cases (tenant_id, assignee_id, submitted_at, id) WHERE closed_at IS NULL;
-- All cases by submission (closed ones, the dashboard's weekly window, the CSV export).
CREATE INDEX cases_submitted ON cases (tenant_id, submitted_at, id);
-- One state, one service.
CREATE INDEX cases_state_submitted ON cases (tenant_id, state, submitted_at, id);
CREATE INDEX cases_service_submitted ON cases (tenant_id, service_id, submitted_at, id);
-- Counts per state of open cases (index-only).
CREATE INDEX cases_open_state ON cases (tenant_id, state) WHERE closed_at IS NULL;
-- Processing times and automation rate: cases closed in a period.
CREATE INDEX cases_closed ON cases (tenant_id, closed_at) WHERE closed_at IS NOT NULL;
-- Replaced by cases_state_submitted, whose id runs in the same direction as submitted_at, so
-- the keyset comparison (submitted_at, id) < (…, …) is an index condition in both directions.
DROP INDEX cases_inbox;

-- Did a person act on the case? (automation rate: closed without a caseworker's act; reading
-- a case is not an act.)
CREATE INDEX case_events_human_acts ON case_events (tenant_id, case_id)
  WHERE actor_kind = 'caseworker' AND type <> 'case.viewed';
