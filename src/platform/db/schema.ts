/**
 * Row types of the tables, for Kysely. Keep in step with `migrations/`; the schema dump test
 * catches a migration that is not reflected in the committed dump, and the type checker catches
 * code that uses a column this file does not declare.
 */
import type { ColumnType, Generated } from 'kysely';
import type { TenantServiceSettingsTable, TrafficAreasTable, RoadClass, TrafficStreetsTable, TrafficOrdersTable, GewerbeSettingsTable, GewerbeRegisterEntriesTable, GewerbeRegisterHistoryTable, TrafficConsultationPartiesTable, ConsultationStatus, TrafficConsultationsTable, TrafficSetupRecordsTable, TrafficExtensionsTable } from './schema-procedures.js';
export type * from './schema-procedures.js';


export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T> = ColumnType<T, string | T, string | T>;
/** A JSON column with a database default. */
export type JsonWithDefault<T> = ColumnType<T, string | T | undefined, string | T>;

/** A text in both UI languages. */
export interface Localized {
  de: string;
  en: string;
}

export interface TenantsTable {
  id: Generated<string>;
  slug: string;
  official_name: string;
  short_name: string;
  register_name: string | null;
  status_kind: string;
  ags: string;
  ars: string | null;
  district: string;
  street: string;
  postal_code: string;
  town: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  opening_hours: JsonWithDefault<Localized[]>;
  embed_origins: ColumnType<string[], string[] | undefined, string[]>;
  branding: JsonWithDefault<{ primaryColor?: string; logoPath?: string }>;
  unconfirmed_facts: ColumnType<string[], string[] | undefined, string[]>;
  active: Generated<boolean>;
  reference_code: string | null;
  reference_pattern: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TenantHostnamesTable {
  hostname: string;
  tenant_id: string;
}

export interface CatalogServicesTable {
  id: string;
  leika_key: string | null;
  name: Json<Localized>;
  summary: Json<Localized>;
  topic: string;
  sort_order: Generated<number>;
}

export interface TenantServicesTable {
  tenant_id: string;
  service_id: string;
  status: 'online' | 'planned';
  planned_for: string | null;
}

export interface TenantPageContent {
  de: { title: string; sections: { heading: string; paragraphs: string[] }[] };
  en: { title: string; sections: { heading: string; paragraphs: string[] }[] };
}

export interface TenantPagesTable {
  tenant_id: string;
  kind: 'imprint' | 'privacy' | 'accessibility';
  content: Json<TenantPageContent>;
  updated_at: Generated<Date>;
}

export interface PlatformPagesTable {
  kind: 'imprint' | 'privacy' | 'accessibility';
  content: Json<TenantPageContent>;
  updated_at: Generated<Date>;
}

export interface PlatformNewsTable {
  id: Generated<string>;
  published_on: string;
  title: Json<Localized>;
  body: Json<Localized>;
  created_at: Generated<Date>;
}

export interface StaffUsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  is_operator: Generated<boolean>;
  disabled: Generated<boolean>;
  password_changed_at: Generated<Date>;
  created_at: Generated<Date>;
}

export type StaffRole = 'caseworker' | 'tenant-admin';

export interface StaffMembershipsTable {
  tenant_id: string;
  user_id: string;
  role: StaffRole;
  created_at: Generated<Date>;
}

export interface StaffSessionsTable {
  token_hash: Buffer | Uint8Array;
  user_id: string;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  blocked_until: Timestamp | null;
}

export interface SchemaMigrationsTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface ServiceVersionsTable {
  service_id: string;
  version: number;
  content_hash: string;
  definition: Json<unknown>;
  published_at: Generated<Date>;
}

export interface DraftsTable {
  tenant_id: string;
  id: Generated<string>;
  token_hash: Buffer | Uint8Array;
  service_id: string;
  service_version: number;
  data: JsonWithDefault<Record<string, unknown>>;
  completed_pages: ColumnType<string[], string[] | undefined, string[]>;
  locale: Generated<'de' | 'en'>;
  resume_email: string | null;
  submitted_case_id: string | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: Timestamp;
}

export interface ReferenceCountersTable {
  tenant_id: string;
  scope: string;
  year: number;
  last_value: number;
}

export interface CasesTable {
  tenant_id: string;
  id: Generated<string>;
  reference: string;
  service_id: string;
  service_version: number;
  state: string;
  version: Generated<number>;
  data: Json<Record<string, unknown>>;
  applicant_name: string | null;
  applicant_email: string | null;
  locale: Generated<'de' | 'en'>;
  status_token_hash: Buffer | Uint8Array;
  status_link_generation: Generated<number>;
  idempotency_key: string | null;
  draft_id: string | null;
  assignee_id: string | null;
  submitted_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  due_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** The company (Betrieb) the case is about, denormalised at submission for search and lists. */
  company_name: ColumnType<string | null, string | null | undefined, string | null>;
  /** A one-line summary for the lists (e.g. activity and place), set at submission. */
  summary: ColumnType<string | null, string | null | undefined, string | null>;
  /** coalesce(due_at, 'infinity'), generated: the deadline order of the inbox (no deadline last). */
  due_key: ColumnType<Date, never, never>;
  /** upper(reference) in byte order ("C"), generated: reference prefix search. */
  reference_key: ColumnType<string, never, never>;
  /** When an answer to an information request arrived that no caseworker has acknowledged yet (the inbox's marker). */
  information_answered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** Words of a case's names, e-mail and summary (kept by a trigger on `cases`), for the inbox search. */
export interface CaseSearchTermsTable {
  tenant_id: string;
  term: string;
  case_id: string;
}

export interface FilesTable {
  tenant_id: string;
  id: Generated<string>;
  draft_id: string | null;
  case_id: string | null;
  field_path: string | null;
  purpose: string;
  storage_key: string;
  display_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  created_at: Generated<Date>;
}

export interface CaseEventsTable {
  tenant_id: string;
  seq: number;
  case_id: string;
  at: Timestamp;
  actor_kind: 'citizen' | 'caseworker' | 'system' | 'timer' | 'party';
  actor_id: string | null;
  type: string;
  data: Json<Record<string, unknown>>;
  prev_hash: Buffer | Uint8Array | null;
  hash: Buffer | Uint8Array;
}

export interface MailOutboxTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string | null;
  template: string;
  recipient: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  purge_body_after_send: Generated<boolean>;
  status: Generated<'queued' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Timestamp | null;
}

export interface TenantRuleSettingsTable {
  tenant_id: string;
  service_id: string;
  kind: 'rule' | 'automation';
  item_id: string;
  enabled: boolean;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface TenantClosingDaysTable {
  tenant_id: string;
  /** A calendar day as `YYYY-MM-DD`. */
  day: string;
  reason: Json<Localized> | null;
}

export interface CaseRuleEvaluationsTable {
  tenant_id: string;
  case_id: string;
  evaluation: number;
  evaluated_at: Timestamp;
  data_hash: string;
  rules: ColumnType<string[], string[], string[]>;
  counts: Json<{ info: number; warning: number; blocking: number }>;
}

export interface CaseFindingsTable {
  tenant_id: string;
  case_id: string;
  evaluation: number;
  position: number;
  rule_id: string;
  code: string;
  severity: 'info' | 'warning' | 'blocking';
  message: Json<Localized>;
  field_path: string | null;
  legal_source: string | null;
  created_at: Generated<Date>;
}

export type InformationRequestStatus = 'open' | 'answered' | 'withdrawn';

/** An information request (Nachforderung) to the applicant of a case. */
export interface InformationRequestsTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  requested_by: string | null;
  requested_at: Timestamp;
  message: string;
  /** A calendar day as `YYYY-MM-DD` (Europe/Berlin): the answer is due by the end of it. */
  due_date: string;
  status: Generated<InformationRequestStatus>;
  answered_at: Timestamp | null;
  answer_text: string | null;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
  remind_at: Timestamp | null;
  reminder_sent_at: Timestamp | null;
}

export interface CaseTimersTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  name: string;
  state: string;
  due_at: Timestamp;
  status: Generated<'armed' | 'fired' | 'skipped' | 'cancelled'>;
  armed_by: string;
  created_at: Generated<Date>;
  settled_at: Timestamp | null;
}

export interface CaseDocumentsTable {
  tenant_id: string;
  case_id: string;
  id: string;
  kind: string;
  version: number;
  template_id: string;
  template_version: number;
  title: Json<Localized>;
  input_hash: string;
  storage_key: string;
  sha256: string;
  size_bytes: number;
  short_code: string;
  created_at: Timestamp;
  created_by: string | null;
  released_at: Timestamp | null;
  released_by: string | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  revocation_reason: string | null;
}

export interface DocumentVerificationsTable {
  short_code: string;
  tenant_id: string;
  document_id: string;
  created_at: Generated<Date>;
}

export interface TenantDeliveryChannelsTable {
  tenant_id: string;
  id: string;
  display_name: string;
  channel_type: string;
  options: JsonWithDefault<Record<string, unknown>>;
  enabled: Generated<boolean>;
  updated_at: Generated<Date>;
}

export type DeliveryStatus = 'queued' | 'sending' | 'delivered' | 'failed';

export interface DeliveriesTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string | null;
  recipient_id: string;
  recipient_name: string;
  channel_id: string;
  channel_type: string;
  channel_options: JsonWithDefault<Record<string, unknown>>;
  origin_key: string | null;
  payload_key: string;
  payload_media_type: string;
  payload_sha256: string;
  payload_size: number;
  payload_filename: string;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  retry_count: Generated<number>;
  last_error: string | null;
  next_attempt_at: Timestamp | null;
  sending_since: Timestamp | null;
  delivered_at: Timestamp | null;
  receipt: Json<Record<string, unknown>> | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type DeliveryAttemptOutcome = 'sending' | 'delivered' | 'retryable-failure' | 'permanent-failure' | 'interrupted';

export interface DeliveryAttemptsTable {
  tenant_id: string;
  delivery_id: string;
  attempt: number;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  outcome: DeliveryAttemptOutcome;
  error: string | null;
  duration_ms: number | null;
  channel_type: string;
  receipt: Json<Record<string, unknown>> | null;
}

/** All tables known to the application. */
export interface DB {
  tenants: TenantsTable;
  tenant_hostnames: TenantHostnamesTable;
  catalog_services: CatalogServicesTable;
  tenant_services: TenantServicesTable;
  tenant_pages: TenantPagesTable;
  platform_pages: PlatformPagesTable;
  platform_news: PlatformNewsTable;
  staff_users: StaffUsersTable;
  staff_memberships: StaffMembershipsTable;
  staff_sessions: StaffSessionsTable;
  login_throttle: LoginThrottleTable;
  schema_migrations: SchemaMigrationsTable;
  service_versions: ServiceVersionsTable;
  drafts: DraftsTable;
  reference_counters: ReferenceCountersTable;
  cases: CasesTable;
  files: FilesTable;
  case_events: CaseEventsTable;
  mail_outbox: MailOutboxTable;
  tenant_rule_settings: TenantRuleSettingsTable;
  tenant_closing_days: TenantClosingDaysTable;
  case_rule_evaluations: CaseRuleEvaluationsTable;
  case_findings: CaseFindingsTable;
  case_timers: CaseTimersTable;
  information_requests: InformationRequestsTable;
  case_search_terms: CaseSearchTermsTable;
  case_documents: CaseDocumentsTable;
  document_verifications: DocumentVerificationsTable;
  tenant_delivery_channels: TenantDeliveryChannelsTable;
  deliveries: DeliveriesTable;
  delivery_attempts: DeliveryAttemptsTable;
  tenant_service_settings: TenantServiceSettingsTable;
  traffic_areas: TrafficAreasTable;
  traffic_streets: TrafficStreetsTable;
  traffic_orders: TrafficOrdersTable;
  traffic_consultation_parties: TrafficConsultationPartiesTable;
  traffic_consultations: TrafficConsultationsTable;
  traffic_setup_records: TrafficSetupRecordsTable;
  traffic_extensions: TrafficExtensionsTable;
  gewerbe_settings: GewerbeSettingsTable;
  gewerbe_register_entries: GewerbeRegisterEntriesTable;
  gewerbe_register_history: GewerbeRegisterHistoryTable;
}
