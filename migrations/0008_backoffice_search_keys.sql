-- Inbox search and deadline order that row-level security lets indexes serve.
--
-- Under the forced RLS policy of `cases`, a query's own conditions may become index conditions
-- only if their functions are leakproof (otherwise they could leak rows of other tenants before
-- the policy filtered them). upper(), COALESCE and the text-search match `@@` are not, so the
-- expression indexes and the GIN index of 0007 were never used by the application role: the
-- reference prefix, the name search and the deadline keyset fell back to reading every case
-- of the tenant. Plain columns compared with =, <, >= are leakproof, so:
--   * the deadline key and the upper-cased reference become stored generated columns, and
--   * names are found through a table of words (one row per word of a case), searched by a
--     byte-wise ("C") prefix range on a b-tree, kept current by a trigger.

ALTER TABLE cases ADD COLUMN due_key timestamptz GENERATED ALWAYS AS (coalesce(due_at, 'infinity'::timestamptz)) STORED;
ALTER TABLE cases ADD COLUMN reference_key text COLLATE "C" GENERATED ALWAYS AS (upper(reference)) STORED;

DROP INDEX cases_open_due;
DROP INDEX cases_open_assignee_due;
DROP INDEX cases_reference_prefix;
DROP INDEX cases_search;
ALTER TABLE cases DROP COLUMN search_vector;

CREATE INDEX cases_open_due ON cases (tenant_id, due_key, id) WHERE closed_at IS NULL;
CREATE INDEX cases_open_assignee_due ON cases (tenant_id, assignee_id, due_key, id) WHERE closed_at IS NULL;
CREATE INDEX cases_reference_key ON cases (tenant_id, reference_key);

-- The words of a case's applicant name, company name, e-mail address and summary, lower-cased,
-- split at white space and punctuation (ASCII and the usual typographic marks; letters such as
-- ä, ö, ü, ß stay in their words). The search splits its input the same way
-- (src/modules/backoffice/search-terms.ts) and asks for every word as a prefix.
CREATE TABLE case_search_terms (
  tenant_id uuid NOT NULL,
  term text COLLATE "C" NOT NULL,
  case_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, term, case_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
);
CREATE INDEX case_search_terms_case ON case_search_terms (tenant_id, case_id);
ALTER TABLE case_search_terms ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_search_terms FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON case_search_terms
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

CREATE FUNCTION case_search_words(source text) RETURNS SETOF text
  LANGUAGE sql IMMUTABLE
  AS $$
    SELECT DISTINCT left(w, 64)
    FROM regexp_split_to_table(lower(source), '[[:space:][:punct:] –—„“”‚‘’«»·…]+') AS w
    WHERE w <> ''
  $$;

CREATE FUNCTION case_search_terms_refresh() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM case_search_terms WHERE tenant_id = NEW.tenant_id AND case_id = NEW.id;
  END IF;
  INSERT INTO case_search_terms (tenant_id, term, case_id)
  SELECT NEW.tenant_id, w, NEW.id
  FROM case_search_words(concat_ws(' ', NEW.applicant_name, NEW.company_name, NEW.applicant_email, NEW.summary)) AS w;
  RETURN NULL;
END
$$;
CREATE TRIGGER case_search_terms_insert AFTER INSERT ON cases
  FOR EACH ROW EXECUTE FUNCTION case_search_terms_refresh();
CREATE TRIGGER case_search_terms_update AFTER UPDATE OF applicant_name, company_name, applicant_email, summary ON cases
  FOR EACH ROW EXECUTE FUNCTION case_search_terms_refresh();

-- Words of the cases already there, tenant by tenant (the policy applies to the owner too).
DO $$
DECLARE
  t uuid;
BEGIN
  FOR t IN SELECT id FROM tenants LOOP
    PERFORM set_config('app.tenant_id', t::text, true);
    INSERT INTO case_search_terms (tenant_id, term, case_id)
    SELECT c.tenant_id, w, c.id
    FROM cases c, case_search_words(concat_ws(' ', c.applicant_name, c.company_name, c.applicant_email, c.summary)) AS w
    WHERE c.tenant_id = t;
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END
$$;
