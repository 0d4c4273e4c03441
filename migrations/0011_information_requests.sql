-- Information requests (Nachforderungen): a caseworker asks the applicant for missing data or
-- documents with a deadline; the applicant answers on the status page with text and files (rows
-- in `files` with purpose 'request-answer', case_id set and field_path 'request:<id>').

-- One request. `status`: open → answered (by the applicant) or withdrawn (by staff). A request is
-- answered once; the answer is kept as it arrived. `remind_at` is when the one reminder is due
-- (NULL: the deadline was too near for one); `reminder_sent_at` marks it sent, so the reminder
-- job can run any number of times and send one mail.
CREATE TABLE information_requests (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  requested_by uuid REFERENCES staff_users (id),
  requested_at timestamptz NOT NULL,
  message text NOT NULL CHECK (length(message) BETWEEN 1 AND 5000),
  due_date date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'withdrawn')),
  answered_at timestamptz,
  answer_text text CHECK (answer_text IS NULL OR length(answer_text) <= 5000),
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES staff_users (id),
  remind_at timestamptz,
  reminder_sent_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  CHECK ((status = 'answered') = (answered_at IS NOT NULL)),
  CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
);
CREATE INDEX information_requests_case ON information_requests (tenant_id, case_id, requested_at);
ALTER TABLE information_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE information_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON information_requests
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
-- Requests and answers are part of the case file: the application changes them, never removes them.
REVOKE DELETE, TRUNCATE ON information_requests FROM rathaus_app;

-- When an answer arrived that no caseworker has acknowledged yet: the inbox marks the case
-- "Antwort eingegangen" until someone marks it seen or asks again. NULL: nothing new.
ALTER TABLE cases ADD COLUMN information_answered_at timestamptz;
