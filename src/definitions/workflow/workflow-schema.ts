/**
 * The workflow of a service version as data (format `rathaus.workflow/1`): states with names for
 * applicants and staff and an optional deadline, transitions with actor, guard, required input
 * and effects, and the automations a tenant may switch off. `load-workflow.ts` checks a file
 * against these schemas and the cross-references between its parts.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { EffectSpec } from './effects.js';
import type { Guard } from './guard.js';

export const WORKFLOW_FORMAT = 'rathaus.workflow/1';

export const ACTOR_KINDS = ['citizen', 'caseworker', 'system', 'timer'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Who acts: the kind decides which transitions are open, the id is recorded in the event. */
export interface WorkflowActor {
  kind: ActorKind;
  /** Staff user id, or the citizen's status-link/account reference; none for system and timer. */
  id?: string | null;
}

const Id = Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 64 });
const Text = Type.String({ minLength: 1, maxLength: 500 });
export const LocalizedSchema = Type.Object({ de: Text, en: Text }, { additionalProperties: false });

/** A deadline per state: calendar days (ending on a working day) or working days. */
export const DeadlineSchema = Type.Object(
  {
    days: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
    workingDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 2000 })),
    /** Counted from entering the state, or from the submission of the case. */
    from: Type.Union([Type.Literal('entered'), Type.Literal('submitted')]),
    legalSource: Type.Optional(Text),
  },
  { additionalProperties: false },
);
export type StateDeadline = Static<typeof DeadlineSchema>;

export const StateSchema = Type.Object(
  {
    id: Id,
    /** Plain words for the applicant's status page. */
    applicantName: LocalizedSchema,
    /** The name staff see in the inbox. */
    staffName: LocalizedSchema,
    terminal: Type.Optional(Type.Boolean()),
    deadline: Type.Optional(DeadlineSchema),
  },
  { additionalProperties: false },
);
export type WorkflowState = Static<typeof StateSchema>;

/** An input the actor must give with a transition (e.g. the reason of a rejection). */
export const InputFieldSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][A-Za-z0-9]*$', maxLength: 64 }),
    type: Type.Union([Type.Literal('text'), Type.Literal('date')]),
    label: LocalizedSchema,
    required: Type.Boolean(),
    minLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
export type TransitionInputField = Static<typeof InputFieldSchema>;

// Guards and effect parameters have their own checks with precise messages (guard.ts, effects.ts).
export const TransitionSchema = Type.Object(
  {
    id: Id,
    /** The button text for staff and citizens. */
    name: LocalizedSchema,
    from: Type.Array(Id, { minItems: 1 }),
    to: Id,
    actor: Type.Union(ACTOR_KINDS.map((k) => Type.Literal(k))),
    /** For timer transitions: the timer that fires it. */
    timer: Type.Optional(Id),
    /** For system and timer transitions: the automation switch that governs it. */
    automation: Type.Optional(Id),
    guard: Type.Optional(Type.Unknown()),
    /** Refusal text when the guard does not hold (otherwise each failing condition is described). */
    guardMessage: Type.Optional(LocalizedSchema),
    /** Text of the confirmation step in the back office. */
    confirm: Type.Optional(LocalizedSchema),
    input: Type.Optional(Type.Array(InputFieldSchema)),
    effects: Type.Optional(Type.Array(Type.Object({ effect: Type.String(), params: Type.Optional(Type.Unknown()) }, { additionalProperties: false }))),
  },
  { additionalProperties: false },
);

export const AutomationSchema = Type.Object(
  { id: Id, name: LocalizedSchema, description: Type.Optional(LocalizedSchema), enabledByDefault: Type.Boolean() },
  { additionalProperties: false },
);
export type WorkflowAutomation = Static<typeof AutomationSchema>;

export const WorkflowSchema = Type.Object(
  {
    format: Type.Literal(WORKFLOW_FORMAT),
    initial: Id,
    states: Type.Array(StateSchema, { minItems: 1 }),
    transitions: Type.Array(TransitionSchema),
    automations: Type.Optional(Type.Array(AutomationSchema)),
  },
  { additionalProperties: false },
);

/** A transition as loaded: guard and effects checked and typed. */
export interface WorkflowTransition extends Omit<Static<typeof TransitionSchema>, 'guard' | 'effects' | 'input'> {
  guard?: Guard;
  input: TransitionInputField[];
  effects: EffectSpec[];
}

/** A loaded, checked workflow. */
export interface Workflow {
  format: typeof WORKFLOW_FORMAT;
  initial: string;
  states: WorkflowState[];
  transitions: WorkflowTransition[];
  automations: WorkflowAutomation[];
}

/** The state with this id; throws for an id the workflow does not have (a loaded case always has a known state). */
export function stateOf(workflow: Workflow, id: string): WorkflowState {
  const state = workflow.states.find((s) => s.id === id);
  if (!state) throw new Error(`The workflow has no state "${id}"`);
  return state;
}
