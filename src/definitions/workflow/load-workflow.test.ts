import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DefinitionError } from './definition-error.js';
import { loadWorkflow, loadWorkflowFile } from './load-workflow.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../../test/fixtures/workflows/receipt.workflow.json');
const fixture = () => JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Record<string, any>;

/** The issues of a definition that must not load, as "path: message" lines. */
function issuesOf(raw: unknown): string[] {
  try {
    loadWorkflow(raw, 'test/workflow.json');
  } catch (e) {
    expect(e).toBeInstanceOf(DefinitionError);
    const error = e as DefinitionError;
    for (const issue of error.issues) expect(issue.file).toBe('test/workflow.json');
    return error.issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('the definition loaded');
}

function mutate(change: (wf: Record<string, any>) => void): Record<string, any> {
  const wf = fixture();
  change(wf);
  return wf;
}

describe('workflow loader', () => {
  it('loads the fixture with defaults filled in', () => {
    const wf = loadWorkflowFile(FIXTURE);
    expect(wf.initial).toBe('submitted');
    expect(wf.states.map((s) => s.id)).toContain('closed');
    const reject = wf.transitions.find((t) => t.id === 'reject');
    expect(reject?.input.map((f) => f.id)).toEqual(['reason']);
    expect(wf.transitions.find((t) => t.id === 'take-over')?.effects).toEqual([]);
    expect(wf.transitions.find((t) => t.id === 'issue-receipt')?.guard).toEqual({ findings: 'no-blocking' });
  });

  it('refuses an unknown format version', () => {
    expect(issuesOf(mutate((wf) => (wf.format = 'rathaus.workflow/2')))).toEqual([
      'format: unknown workflow format "rathaus.workflow/2"; this release reads "rathaus.workflow/1"',
    ]);
  });

  it('names the path of schema violations', () => {
    const issues = issuesOf(
      mutate((wf) => {
        delete wf.states[1].staffName;
        wf.transitions[0].colour = 'red';
        wf.states[2].id = 'Not An Id';
      }),
    );
    expect(issues).toEqual(expect.arrayContaining([expect.stringMatching(/^states\[1\]\.staffName: /), expect.stringMatching(/^transitions\[0\]\.colour: Unexpected property/), expect.stringMatching(/^states\[2\]\.id: /)]));
  });

  it('checks references between states, transitions, timers and automations', () => {
    const issues = issuesOf(
      mutate((wf) => {
        wf.transitions[0].to = 'done';
        wf.transitions[1].from = ['closed'];
        wf.transitions[3].effects[1].params.timer = 'never-fired';
        wf.transitions[0].automation = 'auto-everything';
        wf.transitions[5].timer = undefined;
        wf.transitions.push({ ...wf.transitions[2] });
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        'transitions[0].to: unknown state "done"',
        'transitions[1].from[0]: state "closed" is terminal and cannot be left',
        'transitions[3].effects[1].params.timer: no timer transition for timer "never-fired" leaves state "information-requested"',
        'transitions[0].automation: unknown automation "auto-everything"',
        'transitions[5].timer: a timer transition names the timer that fires it',
        'transitions[9].id: transition "take-over" is defined twice',
      ]),
    );
  });

  it('checks effects and their parameters', () => {
    const issues = issuesOf(
      mutate((wf) => {
        wf.transitions[0].effects[0] = { effect: 'printFax', params: {} };
        wf.transitions[0].effects[1].params.to = 'mayor';
        wf.transitions[3].effects[1].params.after = { weeks: 2 };
      }),
    );
    expect(issues[0]).toMatch(/^transitions\[0\]\.effects\[0\]\.effect: unknown effect "printFax" \(known: generateDocument, /);
    expect(issues).toEqual(expect.arrayContaining([expect.stringMatching(/^transitions\[0\]\.effects\[1\]\.params\.to: /), expect.stringMatching(/^transitions\[3\]\.effects\[1\]\.params\.after: /)]));
  });

  it('checks guards with precise messages', () => {
    const issues = issuesOf(
      mutate((wf) => {
        wf.transitions[0].guard = { all: [{ feild: 'x' }, { field: 'age', equals: 1, in: [1] }, { findings: 'few' }, { automation: 'nope' }, { any: [] }] };
        wf.transitions[1].guard = { field: 'a', equals: 1, findings: 'none' };
      }),
    );
    expect(issues).toEqual([
      'transitions[0].guard.all[0]: needs one of all, any, not, field, setting, findings, hasFinding, automation',
      'transitions[0].guard.all[1]: needs exactly one of equals, notEquals, in, exists; found equals, in',
      'transitions[0].guard.all[2].findings: must be one of none, no-blocking, no-warning-or-blocking',
      'transitions[0].guard.all[3].automation: unknown automation "nope"',
      'transitions[0].guard.all[4].any: must be a non-empty list of conditions',
      'transitions[1].guard: combines field and findings; use "all" to combine conditions',
    ]);
  });

  it('refuses input on automatic transitions, a double deadline and unreachable states', () => {
    const issues = issuesOf(
      mutate((wf) => {
        wf.transitions[0].input = [{ id: 'reason', type: 'text', label: { de: 'Grund', en: 'Reason' }, required: true }];
        wf.states[1].deadline = { days: 3, workingDays: 3, from: 'entered' };
        wf.states.push({ id: 'limbo', applicantName: { de: 'x', en: 'x' }, staffName: { de: 'x', en: 'x' } });
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        'transitions[0].input: a system transition cannot ask for input',
        'states[1].deadline: needs exactly one of "days" or "workingDays"',
        'states[7]: state "limbo" is never entered by any transition',
      ]),
    );
  });

  it('names the file when it is not JSON', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wf-')), 'broken.json');
    fs.writeFileSync(file, '{ "format": ');
    expect(() => loadWorkflowFile(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: \\(root\\): cannot be read as JSON`));
  });
});
