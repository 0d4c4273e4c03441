/**
 * Effects: what a transition causes besides the change of state — a document, a message, an
 * export, a timer. The workflow names them with parameters (data, checked at load); the
 * interpreter records them in the transition's event and hands each to an {@link EffectSink}
 * inside the same transaction. The application wires the sink to jobs, mail and documents, so an
 * effect is queued exactly when its transition commits (transactional outbox).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { Trx } from '../../platform/db/database.js';
import type { Period } from '../../platform/calendar/period.js';
import type { WorkflowActor } from './workflow-schema.js';

const Name = Type.String({ pattern: '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*$', maxLength: 80 });

/** A period in days or working days, e.g. `{ "workingDays": 10 }`. */
export const PeriodSchema = Type.Union([
  Type.Object({ days: Type.Integer({ minimum: 0, maximum: 3650 }) }, { additionalProperties: false }),
  Type.Object({ workingDays: Type.Integer({ minimum: 0, maximum: 2000 }) }, { additionalProperties: false }),
]);

/** Parameter schemas of the effects a workflow may name. */
export const EFFECT_PARAMS = {
  /** Renders a document template for the case (a PDF), optionally released to the applicant at once. */
  generateDocument: Type.Object({ template: Name, release: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
  /** Releases an already generated document to the applicant's status page. */
  releaseDocument: Type.Object({ template: Name }, { additionalProperties: false }),
  /** Sends a message (mail) from a template to the applicant, the assignee or the office. */
  sendMessage: Type.Object(
    { template: Name, to: Type.Union([Type.Literal('applicant'), Type.Literal('assignee'), Type.Literal('office')]) },
    { additionalProperties: false },
  ),
  /** Builds and delivers an export (e.g. XGewerbeanzeige) to its recipients. */
  enqueueExport: Type.Object({ exporter: Name, recipient: Type.Optional(Name) }, { additionalProperties: false }),
  /** Arms a timer in the state the transition enters; its timer transition fires when it runs out. */
  startTimer: Type.Object({ timer: Name, after: PeriodSchema }, { additionalProperties: false }),
  /** Disarms a timer of the current state before it runs out. */
  cancelTimer: Type.Object({ timer: Name }, { additionalProperties: false }),
  /** Runs a step the procedure's package defines (e.g. updating the Gewerberegister), in the transition's transaction. */
  procedureStep: Type.Object({ step: Name }, { additionalProperties: false }),
} satisfies Record<string, TSchema>;

export type EffectName = keyof typeof EFFECT_PARAMS;
export const EFFECT_NAMES = Object.keys(EFFECT_PARAMS) as EffectName[];

/** An effect as the workflow names it. */
export type EffectSpec = { [K in EffectName]: { effect: K; params: Static<(typeof EFFECT_PARAMS)[K]> } }[EffectName];

/** An effect to carry out, with the transition that caused it. */
export interface EffectInvocation {
  tenantId: string;
  caseId: string;
  /** The case version after the transition. */
  caseVersion: number;
  transitionId: string;
  from: string;
  to: string;
  actor: WorkflowActor;
  at: Date;
  effect: EffectSpec;
  /** For startTimer: the armed timer's id and when it runs out (the sink schedules a job for then). */
  timer?: { id: string; name: string; dueAt: Date; after: Period };
}

/**
 * Carries out effects; called inside the transition's transaction with its handle, so an effect
 * that throws rolls the transition back. Implementations enqueue jobs or write outbox rows
 * there, and do no slow work themselves.
 */
export interface EffectSink {
  run(trx: Trx, invocation: EffectInvocation): Promise<void>;
}
