/**
 * Loads a workflow definition and checks it completely before any case uses it: the schema, then
 * the references between its parts (states, timers, automations), guards and effect parameters.
 * Every problem is reported with the file and the path inside it (see DefinitionError).
 */
import { IssueCollector, readDefinitionFile } from './definition-error.js';
import { EFFECT_NAMES, EFFECT_PARAMS, type EffectName, type EffectSpec } from './effects.js';
import { checkGuard, type Guard } from './guard.js';
import { WORKFLOW_FORMAT, WorkflowSchema, type Workflow, type WorkflowTransition } from './workflow-schema.js';
import type { Static } from '@sinclair/typebox';

type RawWorkflow = Static<typeof WorkflowSchema>;
type RawTransition = RawWorkflow['transitions'][number];

function checkUnique(ids: readonly string[], path: (i: number) => string, what: string, issues: IssueCollector): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) issues.add(path(i), `${what} "${id}" is defined twice`);
    seen.add(id);
  });
}

function checkEffects(t: RawTransition, path: string, wf: RawWorkflow, issues: IssueCollector): void {
  (t.effects ?? []).forEach((e, i) => {
    const at = `${path}.effects[${i}]`;
    if (!(EFFECT_NAMES as string[]).includes(e.effect)) return issues.add(`${at}.effect`, `unknown effect "${e.effect}" (known: ${EFFECT_NAMES.join(', ')})`);
    if (!issues.check(EFFECT_PARAMS[e.effect as EffectName], e.params ?? {}, `${at}.params`)) return;
    const params = e.params as { timer?: string };
    if (e.effect === 'startTimer' || e.effect === 'cancelTimer') {
      // A timer lives in a state: started in the state entered, cancelled in the state left.
      const states = e.effect === 'startTimer' ? [t.to] : [...t.from, t.to];
      const fired = wf.transitions.some((x) => x.actor === 'timer' && x.timer === params.timer && x.from.some((s) => states.includes(s)));
      if (!fired) issues.add(`${at}.params.timer`, `no timer transition for timer "${params.timer}" leaves state ${states.map((s) => `"${s}"`).join(' or ')}`);
    }
  });
}

function checkTransition(t: RawTransition, path: string, wf: RawWorkflow, automations: ReadonlySet<string>, issues: IssueCollector): void {
  const states = new Map(wf.states.map((s) => [s.id, s]));
  t.from.forEach((s, i) => {
    const state = states.get(s);
    if (!state) issues.add(`${path}.from[${i}]`, `unknown state "${s}"`);
    else if (state.terminal) issues.add(`${path}.from[${i}]`, `state "${s}" is terminal and cannot be left`);
  });
  if (!states.has(t.to)) issues.add(`${path}.to`, `unknown state "${t.to}"`);
  if (t.actor === 'timer' && !t.timer) issues.add(`${path}.timer`, 'a timer transition names the timer that fires it');
  if (t.actor !== 'timer' && t.timer) issues.add(`${path}.timer`, `only timer transitions name a timer (actor is "${t.actor}")`);
  if (t.automation !== undefined) {
    if (t.actor !== 'system' && t.actor !== 'timer') issues.add(`${path}.automation`, 'only system and timer transitions are automations');
    else if (!automations.has(t.automation)) issues.add(`${path}.automation`, `unknown automation "${t.automation}"`);
  }
  const input = t.input ?? [];
  if (input.length > 0 && (t.actor === 'system' || t.actor === 'timer')) issues.add(`${path}.input`, `a ${t.actor} transition cannot ask for input`);
  checkUnique(input.map((f) => f.id), (i) => `${path}.input[${i}].id`, 'input', issues);
  input.forEach((f, i) => {
    if (f.minLength !== undefined && f.maxLength !== undefined && f.minLength > f.maxLength) issues.add(`${path}.input[${i}].minLength`, 'is larger than maxLength');
    if (f.type === 'date' && (f.minLength !== undefined || f.maxLength !== undefined)) issues.add(`${path}.input[${i}]`, 'a date input has no length limits');
  });
  if (t.guard !== undefined) checkGuard(t.guard, `${path}.guard`, issues, automations);
  checkEffects(t, path, wf, issues);
}

/** Checks a parsed workflow definition; `file` names it in error messages. Throws DefinitionError. */
export function loadWorkflow(raw: unknown, file: string): Workflow {
  const issues = new IssueCollector(file);
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== WORKFLOW_FORMAT) {
    issues.add('format', `unknown workflow format ${JSON.stringify(format)}; this release reads "${WORKFLOW_FORMAT}"`);
    issues.throwIfAny();
  }
  if (!issues.check(WorkflowSchema, raw)) issues.throwIfAny();
  const wf = raw as RawWorkflow;
  const automations = new Set((wf.automations ?? []).map((a) => a.id));

  checkUnique(wf.states.map((s) => s.id), (i) => `states[${i}].id`, 'state', issues);
  checkUnique(wf.transitions.map((t) => t.id), (i) => `transitions[${i}].id`, 'transition', issues);
  checkUnique((wf.automations ?? []).map((a) => a.id), (i) => `automations[${i}].id`, 'automation', issues);
  if (!wf.states.some((s) => s.id === wf.initial)) issues.add('initial', `unknown state "${wf.initial}"`);
  wf.states.forEach((s, i) => {
    if (s.deadline && (s.deadline.days === undefined) === (s.deadline.workingDays === undefined)) {
      issues.add(`states[${i}].deadline`, 'needs exactly one of "days" or "workingDays"');
    }
    if (s.id !== wf.initial && !wf.transitions.some((t) => t.to === s.id)) issues.add(`states[${i}]`, `state "${s.id}" is never entered by any transition`);
  });
  wf.transitions.forEach((t, i) => checkTransition(t, `transitions[${i}]`, wf, automations, issues));
  issues.throwIfAny();

  return {
    format: WORKFLOW_FORMAT,
    initial: wf.initial,
    states: wf.states,
    automations: wf.automations ?? [],
    transitions: wf.transitions.map(
      (t): WorkflowTransition => ({
        ...t,
        guard: t.guard as Guard | undefined,
        input: t.input ?? [],
        effects: (t.effects ?? []).map((e) => ({ effect: e.effect, params: e.params ?? {} }) as EffectSpec),
      }),
    ),
  };
}

/** Reads and checks a workflow file (JSON). Throws DefinitionError naming the file. */
export function loadWorkflowFile(file: string): Workflow {
  return loadWorkflow(readDefinitionFile(file), file);
}
