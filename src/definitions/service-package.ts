/**
 * A procedure as the platform runs it: the versions of its form definition, the workflow and
 * rule set each version runs with, the code in its reference numbers, and how to read the
 * applicant's name and e-mail address from the submitted data (kept on the case for the inbox,
 * search and mails). Each procedure under `src/services/` exports one package; tests build
 * packages from fixtures.
 */
import type { Trx } from '../platform/db/database.js';
import type { MapArea } from '../platform/maps/map-area.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import type { SubmissionData } from './core/json.js';
import type { Localized } from '../platform/db/schema.js';
import type { ServiceDefinition } from './model/service-definition.js';
import type { ValidationError } from './validation/validate.js';
import { createServiceRegistry, type ServiceRegistry } from './registry/service-registry.js';
import type { RuleLookup } from './rules/rule.js';
import type { RuleSet } from './rules/rule-set.js';
import type { EffectInvocation } from './workflow/effects.js';
import type { Workflow } from './workflow/workflow-schema.js';
import { createDocumentTemplateRegistry, type DocumentTemplate, type DocumentTemplateRegistry } from '../modules/documents/document-template.js';
import { createExportBuilderRegistry, type ExportBuilder, type ExportBuilderRegistry } from '../modules/deliveries/export-effects.js';
import type { StatusPageContext, StatusPageSection } from '../modules/status/status-sections.js';

export interface ApplicantSummary {
  name: string | null;
  email: string | null;
  /** The business's name, where the procedure has one (searchable in the inbox). */
  companyName?: string | null;
  /** One line for the inbox, e.g. the activity and the place. */
  summary?: string | null;
}

/** What a procedure step may use besides the transaction: the queue, to enqueue follow-up jobs in that transaction (they exist exactly when it commits). */
export interface ProcedureStepContext {
  queue: JobQueue;
}

/**
 * A step of a procedure that its workflow runs as an effect (`procedureStep { step }`), e.g. the
 * Gewerbe register update. It runs inside the transition's transaction with its handle, so it
 * commits or rolls back with the transition; it must be idempotent for a replayed effect.
 */
export interface ProcedureStep {
  /** The name workflows use, e.g. `gewerbe.update-register`. */
  id: string;
  run(trx: Trx, invocation: EffectInvocation, context: ProcedureStepContext): Promise<void>;
}

/** What a pre-submit check reads: the answers so far (already validated by the definition). */
export interface PreSubmitInput {
  tenantId: string;
  data: SubmissionData;
  now: Date;
}

/**
 * What a pre-submit check found. Errors stop the page (when their field is on it) and the
 * submission, and name the field like the definition's own errors; notices inform the applicant
 * on the check page (e.g. by when the signs must stand).
 */
export interface PreSubmitResult {
  errors: ValidationError[];
  notices: Localized[];
}

export interface ServicePackage {
  /** The service id, as in its definitions and the catalogue. */
  id: string;
  /** Code in the reference number, e.g. GEW in WUR-GEW-2026-000123. */
  referenceCode: string;
  definitions: readonly ServiceDefinition[];
  /** The workflow a version's cases run through. */
  workflowFor(version: number): Workflow;
  /** The rules a version's cases are checked with, if any. */
  ruleSetFor?(version: number): RuleSet | undefined;
  /** Who applied, read from the validated data. */
  applicant(data: SubmissionData): ApplicantSummary;
  /** The documents its workflow generates (`generateDocument { template }`). */
  documentTemplates?: readonly DocumentTemplate[];
  /** The exports its workflow delivers (`enqueueExport { exporter }`). */
  exporters?: readonly ExportBuilder[];
  /** The steps its workflow runs (`procedureStep { step }`). */
  steps?: readonly ProcedureStep[];
  /** Lookups its rules use in their prepare step (registers, tenant data), by name. */
  lookups?: Readonly<Record<string, RuleLookup>>;
  /**
   * Checks that need the municipality's data (its calendar, its roads) and therefore cannot be
   * written in the definition language: the form runner calls it after each valid page and on
   * the check page, and `submitApplication` refuses a submission it finds errors in. Runs inside
   * the caller's tenant transaction.
   */
  preSubmitCheck?(trx: Trx, input: PreSubmitInput): Promise<PreSubmitResult>;
  /** The tenant's settings for this service, as guards, rules and document templates read them (default none). */
  tenantSettings?(trx: Trx, tenantId: string): Promise<Record<string, unknown>>;
  /** Facts of a case its document templates read besides the data (e.g. consulted parties' conditions). */
  documentFacts?(trx: Trx, tenantId: string, caseId: string): Promise<Record<string, unknown>>;
  /** Where the drawing maps of its forms open in a municipality (its boundary), when known. */
  mapArea?(trx: Trx, tenantId: string): Promise<MapArea | undefined>;
  /** Sections the applicant's status page shows for a case of this procedure (e.g. what to do after a decision, with forms). */
  statusPage?(context: StatusPageContext): Promise<StatusPageSection[]>;
}

/** All procedures of the application, looked up by service id and version. */
export interface ServicePackages {
  registry: ServiceRegistry;
  get(serviceId: string): ServicePackage | undefined;
  list(): ServicePackage[];
  /** The document templates of all procedures. */
  documentTemplates: DocumentTemplateRegistry;
  /** The export builders of all procedures. */
  exporters: ExportBuilderRegistry;
  /** The procedure steps of all procedures, by step id. */
  steps: ReadonlyMap<string, ProcedureStep>;
  /** The rule lookups of all procedures, by name. */
  lookups: Readonly<Record<string, RuleLookup>>;
  /** For the case engine: the workflow and rule set of a service version. */
  runtimes: { get(serviceId: string, version: number): { workflow: Workflow; ruleSet?: RuleSet } | undefined };
  /** A tenant's settings for a service (its package's `tenantSettings`, else none). */
  tenantSettings(trx: Trx, tenantId: string, serviceId: string): Promise<Record<string, unknown>>;
  /** A case's document facts (its package's `documentFacts`, else none). */
  documentFacts(trx: Trx, tenantId: string, serviceId: string, caseId: string): Promise<Record<string, unknown>>;
}

/** Builds the lookup over packages; two packages with one id are a start-up error. */
export function createServicePackages(packages: readonly ServicePackage[]): ServicePackages {
  const byId = new Map<string, ServicePackage>();
  const steps = new Map<string, ProcedureStep>();
  const lookups: Record<string, RuleLookup> = {};
  for (const p of packages) {
    // Procedures that share a step, lookup or exporter (GewA1–3) list the same object; only a different one is a conflict.
    for (const step of p.steps ?? []) {
      if (steps.has(step.id) && steps.get(step.id) !== step) throw new Error(`Procedure step "${step.id}" is registered twice`);
      steps.set(step.id, step);
    }
    for (const [name, lookup] of Object.entries(p.lookups ?? {})) {
      if (name in lookups && lookups[name] !== lookup) throw new Error(`Rule lookup "${name}" is registered twice`);
      lookups[name] = lookup;
    }
    if (byId.has(p.id)) throw new Error(`Service package "${p.id}" is registered twice`);
    if (!/^[A-Z0-9]{2,8}$/.test(p.referenceCode)) throw new Error(`Service package "${p.id}": referenceCode must be 2–8 capital letters or digits`);
    for (const d of p.definitions) {
      if (d.id !== p.id) throw new Error(`Service package "${p.id}" holds a definition of "${d.id}" (${d.source})`);
      // Fails at start when a version has no workflow or names a step its package lacks.
      for (const t of p.workflowFor(d.version).transitions) {
        for (const e of t.effects) {
          if (e.effect === 'procedureStep' && !(p.steps ?? []).some((s) => s.id === e.params.step)) {
            throw new Error(`Service package "${p.id}": transition "${t.id}" names the procedure step "${e.params.step}", which the package does not define`);
          }
        }
      }
    }
    byId.set(p.id, p);
  }
  const registry = createServiceRegistry(packages.flatMap((p) => p.definitions));
  return {
    registry,
    documentTemplates: createDocumentTemplateRegistry(packages.map((p) => ({ serviceId: p.id, templates: p.documentTemplates ?? [] }))),
    exporters: createExportBuilderRegistry([...new Set(packages.flatMap((p) => p.exporters ?? []))]),
    steps,
    lookups,
    get: (id) => byId.get(id),
    list: () => [...byId.values()],
    async tenantSettings(trx, tenantId, serviceId) {
      return (await byId.get(serviceId)?.tenantSettings?.(trx, tenantId)) ?? {};
    },
    async documentFacts(trx, tenantId, serviceId, caseId) {
      return (await byId.get(serviceId)?.documentFacts?.(trx, tenantId, caseId)) ?? {};
    },
    runtimes: {
      get(serviceId, version) {
        const p = byId.get(serviceId);
        if (!p || !registry.get(serviceId, version)) return undefined;
        const ruleSet = p.ruleSetFor?.(version);
        return { workflow: p.workflowFor(version), ...(ruleSet ? { ruleSet } : {}) };
      },
    },
  };
}

/**
 * Records every loaded version in `service_versions`, so drafts and cases can reference it.
 * A version already recorded with other content stops the start: published versions are immutable.
 */
export async function publishServiceVersions(trx: Trx, packages: ServicePackages): Promise<void> {
  for (const p of packages.list()) {
    for (const d of p.definitions) {
      // Insert first, tolerating a row another process wrote at the same moment (several web and
      // worker processes starting together on a fresh database), then compare what is recorded.
      await trx
        .insertInto('service_versions')
        .values({ service_id: d.id, version: d.version, content_hash: d.contentHash, definition: JSON.stringify({ source: d.source, pages: d.pages, dataSchema: d.dataSchema }) })
        .onConflict((oc) => oc.columns(['service_id', 'version']).doNothing())
        .execute();
      const recorded = await trx
        .selectFrom('service_versions')
        .select('content_hash')
        .where('service_id', '=', d.id)
        .where('version', '=', d.version)
        .executeTakeFirstOrThrow();
      if (recorded.content_hash !== d.contentHash) {
        throw new Error(`${d.source}: service "${d.id}" version ${d.version} was published with other content; raise "version" instead of changing it`);
      }
    }
  }
}
