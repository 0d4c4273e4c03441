/**
 * Row types of the procedures' own tables (Gewerbe, Verkehr), split from `schema.ts` to keep each
 * file readable; `schema.ts` re-exports them and lists them in `DB`.
 */
import type { ColumnType, Generated } from 'kysely';
import type { Json, JsonWithDefault, Localized, Timestamp } from './schema.js';

/** A tenant's settings for one service as a JSON document (defaults and checks live with the service). */
export interface TenantServiceSettingsTable {
  tenant_id: string;
  service_id: string;
  settings: JsonWithDefault<Record<string, unknown>>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

/** Who is competent for what, and where: a municipality as road traffic authority. */
export interface TrafficAreasTable {
  tenant_id: string;
  authority_role: 'local' | 'lower';
  higher_authority: Json<Record<string, unknown>>;
  /** GeoJSON Polygon or MultiPolygon (WGS84). */
  boundary: Json<Record<string, unknown>> | null;
  boundary_confirmed: Generated<boolean>;
  unconfirmed_facts: ColumnType<string[], string[] | undefined, string[]>;
  source: string | null;
  updated_at: Generated<Date>;
}

export type RoadClass = 'gemeindestrasse' | 'sonstige' | 'kreisstrasse' | 'staatsstrasse' | 'bundesstrasse';

/** One road of a municipality's inventory (classified roads, optionally municipal streets). */
export interface TrafficStreetsTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  name_key: string;
  locality: string | null;
  road_class: RoadClass;
  road_ref: string | null;
  /** numeric(4,2), read as text. */
  carriageway_width_m: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  bus_route: Generated<boolean>;
  confirmed: Generated<boolean>;
  source: string | null;
}

/** Where and when a traffic order occupies the road (for the conflict check). */
export interface TrafficOrdersTable {
  tenant_id: string;
  case_id: string;
  reference: string;
  case_type: 'HVZ' | 'BAU' | 'HUB' | 'CON' | 'VER';
  street: string;
  street_key: string;
  house_from: number | null;
  house_to: number | null;
  side: 'even' | 'odd' | 'both' | null;
  /** daterange text, e.g. `[2026-12-01,2026-12-04)`. */
  occupied: string;
  occupied_from: string;
  occupied_to: string;
  valid: string;
  /** box text in UTM 33 metres, e.g. `(x2,y2),(x1,y1)`. */
  footprint: string | null;
  /** The box's bounds, generated from `footprint` (migration 0014: leakproof comparisons for the conflict index). */
  footprint_min_x: ColumnType<number | null, never, never>;
  footprint_min_y: ColumnType<number | null, never, never>;
  footprint_max_x: ColumnType<number | null, never, never>;
  footprint_max_y: ColumnType<number | null, never, never>;
  shape: Json<Record<string, unknown>> | null;
  geometry: Json<Record<string, unknown>> | null;
  updated_at: Timestamp;
}

/** A tenant's settings for the Gewerbe procedures (area, street keys, recipients, fees); checked by src/services/gewerbe/settings.ts. */
export interface GewerbeSettingsTable {
  tenant_id: string;
  settings: JsonWithDefault<Record<string, unknown>>;
  updated_at: Generated<Date>;
}

/** One Gewerberegister entry (a business or establishment); its id is the XGewerbeanzeige gewerbebetriebID. */
export interface GewerbeRegisterEntriesTable {
  tenant_id: string;
  id: Generated<string>;
  entry_number: number;
  status: 'active' | 'closed';
  legal_form: string;
  company_name: string | null;
  holder_name: string;
  holder_birth_date: string | null;
  trade_name: string | null;
  activity: string;
  wz_code: string | null;
  street: string;
  house_number: string | null;
  postal_code: string;
  town: string;
  establishment_kind: string;
  started_on: string;
  closed_on: string | null;
  data: Json<Record<string, unknown>>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The history of a Gewerberegister entry: one row per notification (case) that created, changed or closed it. */
export interface GewerbeRegisterHistoryTable {
  tenant_id: string;
  entry_id: string;
  seq: number;
  case_id: string;
  kind: 'registered' | 'changed' | 'deregistered';
  effective_on: string;
  recorded_at: Timestamp;
  snapshot: Json<Record<string, unknown>>;
  changes: JsonWithDefault<{ field: string; from: unknown; to: unknown }[]>;
}

/** A party a municipality may hear on traffic orders. */
export interface TrafficConsultationPartiesTable {
  tenant_id: string;
  id: string;
  name: string;
  email: string;
  kind: 'police' | 'road-authority' | 'transit' | 'fire-rescue' | 'waste' | 'building-yard' | 'other';
  case_types: ColumnType<string[], string[] | undefined, string[]>;
  triggers: ColumnType<string[], string[] | undefined, string[]>;
  active: Generated<boolean>;
}

export type ConsultationStatus = 'open' | 'agreed' | 'agreed-with-conditions' | 'objected' | 'withdrawn';

/** One party heard on one traffic-order case, answered through a personal link. */
export interface TrafficConsultationsTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  party_id: string;
  party_name: string;
  party_email: string;
  token_hash: string;
  requested_at: Timestamp;
  requested_by: string | null;
  /** A calendar day as `YYYY-MM-DD`. */
  due_date: string;
  message: string | null;
  status: ColumnType<ConsultationStatus, ConsultationStatus | undefined, ConsultationStatus>;
  answer_text: string | null;
  answered_at: Timestamp | null;
  reminder_sent_at: Timestamp | null;
}

/** One set-up record of a traffic order's signs (Aufstellprotokoll); its photos are `files` rows. */
export interface TrafficSetupRecordsTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  set_up_at: Timestamp;
  number_plates: ColumnType<string[], string[] | undefined, string[]>;
  /** A calendar day as `YYYY-MM-DD`; null for orders without no-parking signs. */
  latest_setup_date: string | null;
  late: Generated<boolean>;
  recorded_at: Timestamp;
}

export type ExtensionStatus = 'requested' | 'approved' | 'rejected';

/** A request to extend an approved traffic order to a later last day, and its decision. */
export interface TrafficExtensionsTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  requested_at: Timestamp;
  /** Calendar days as `YYYY-MM-DD`. */
  previous_to: string;
  new_to: string;
  reason: string | null;
  conflicts: JsonWithDefault<{ caseId: string; reference: string; street: string; from: string; to: string }[]>;
  status: ColumnType<ExtensionStatus, ExtensionStatus | undefined, ExtensionStatus>;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision_reason: string | null;
}
