-- The e-mail outbox: a mail is written in the same transaction as the act that causes it and
-- sent by a job afterwards, with retries; its status is visible on the case.
CREATE TABLE mail_outbox (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid,
  template text NOT NULL,
  recipient text NOT NULL,
  subject text NOT NULL,
  text_body text,
  html_body text,
  -- Bodies holding secret links are blanked once sent, so the database keeps no usable link.
  purge_body_after_send boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX mail_outbox_case ON mail_outbox (tenant_id, case_id) WHERE case_id IS NOT NULL;
CREATE INDEX mail_outbox_status ON mail_outbox (status, created_at);
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mail_outbox
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
