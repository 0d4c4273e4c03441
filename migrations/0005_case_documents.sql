-- Generated documents (PDFs) of cases, and the platform-wide lookup of their verification codes.

-- One row per generated document. Regenerating a document of the same kind for a case adds a new
-- version; earlier versions stay (they may have been printed and handed out). `input_hash` is the
-- SHA-256 of what the document was built from (template id and version, the case's service
-- version, reference, applicant and data): the generate job makes no new version while the latest
-- one has the same input hash. `sha256` is the hash of the PDF bytes a verifier can compare.
CREATE TABLE case_documents (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  case_id uuid NOT NULL,
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$'),
  version integer NOT NULL CHECK (version > 0),
  template_id text NOT NULL,
  template_version integer NOT NULL CHECK (template_version > 0),
  title jsonb NOT NULL,
  input_hash text NOT NULL CHECK (input_hash ~ '^[0-9a-f]{64}$'),
  storage_key text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  short_code text NOT NULL,
  created_at timestamptz NOT NULL,
  -- The staff member who caused it; NULL when the system did (an automatic transition).
  created_by uuid REFERENCES staff_users (id),
  released_at timestamptz,
  released_by uuid REFERENCES staff_users (id),
  revoked_at timestamptz,
  revoked_by uuid REFERENCES staff_users (id),
  revocation_reason text,
  PRIMARY KEY (tenant_id, case_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  CHECK (released_by IS NULL OR released_at IS NOT NULL),
  CHECK (revoked_by IS NULL OR revoked_at IS NOT NULL)
);
CREATE UNIQUE INDEX case_documents_version ON case_documents (tenant_id, case_id, kind, version);
CREATE UNIQUE INDEX case_documents_id ON case_documents (tenant_id, id);
ALTER TABLE case_documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_documents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON case_documents
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
-- Issued documents are records: the application may mark them released or revoked, never remove them.
REVOKE DELETE, TRUNCATE ON case_documents FROM rathaus_app;

-- The verification code printed on a document (QR code and short code) is looked up before the
-- tenant is known, so this table is platform-wide and has no row-level security. It holds no
-- personal data: only which tenant's document a code names. A code never changes its meaning.
CREATE TABLE document_verifications (
  short_code text PRIMARY KEY CHECK (short_code ~ '^[0-9A-HJKMNP-TV-Z]{10}$'),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  document_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, document_id) REFERENCES case_documents (tenant_id, id)
);
REVOKE UPDATE, DELETE, TRUNCATE ON document_verifications FROM rathaus_app;
