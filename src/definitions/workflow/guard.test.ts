import { describe, expect, it } from 'vitest';
import { evaluateGuard, explainGuardFailure, readPath, type GuardFacts } from './guard.js';

function facts(over: Partial<GuardFacts> = {}): GuardFacts {
  return {
    data: { kind: 'retail', managers: [{ name: 'Jörg' }], employees: 0 },
    findings: [],
    settings: { fees: { fixed: 25 } },
    automationEnabled: (id) => id !== 'off',
    ...over,
  };
}

describe('guards', () => {
  it('reads data paths with list indexes', () => {
    expect(readPath({ a: [{ b: 1 }] }, 'a[0].b')).toBe(1);
    expect(readPath({ a: null }, 'a.b')).toBeUndefined();
  });

  it('tests data and settings values', () => {
    expect(evaluateGuard({ field: 'kind', equals: 'retail' }, facts())).toBe(true);
    expect(evaluateGuard({ field: 'kind', notEquals: 'retail' }, facts())).toBe(false);
    expect(evaluateGuard({ field: 'kind', in: ['crafts', 'retail'] }, facts())).toBe(true);
    expect(evaluateGuard({ field: 'managers[0].name', exists: true }, facts())).toBe(true);
    expect(evaluateGuard({ field: 'managers[1].name', exists: true }, facts())).toBe(false);
    expect(evaluateGuard({ field: 'employees', exists: true }, facts())).toBe(true);
    expect(evaluateGuard({ setting: 'fees.fixed', equals: 25 }, facts())).toBe(true);
  });

  it('needs a current evaluation for every findings condition', () => {
    const notEvaluated = facts({ findings: undefined });
    expect(evaluateGuard({ findings: 'no-blocking' }, notEvaluated)).toBe(false);
    expect(evaluateGuard({ findings: 'none' }, notEvaluated)).toBe(false);
    expect(explainGuardFailure({ findings: 'no-blocking' }, notEvaluated)[0]?.de).toBe('Die automatische Prüfung der Angaben ist noch nicht abgeschlossen.');
  });

  it('distinguishes finding severities and codes', () => {
    const warned = facts({ findings: [{ code: 'x.vague', severity: 'warning' }] });
    expect(evaluateGuard({ findings: 'no-blocking' }, warned)).toBe(true);
    expect(evaluateGuard({ findings: 'no-warning-or-blocking' }, warned)).toBe(false);
    expect(evaluateGuard({ findings: 'none' }, facts({ findings: [{ code: 'x.note', severity: 'info' }] }))).toBe(false);
    expect(evaluateGuard({ hasFinding: 'x.vague' }, warned)).toBe(true);
    expect(evaluateGuard({ not: { hasFinding: 'x.vague' } }, warned)).toBe(false);
  });

  it('combines conditions and checks automation switches', () => {
    const guard = { all: [{ automation: 'auto' }, { any: [{ field: 'kind', equals: 'crafts' }, { findings: 'none' as const }] }] };
    expect(evaluateGuard(guard, facts())).toBe(true);
    expect(evaluateGuard({ automation: 'off' }, facts())).toBe(false);
  });

  it('explains a refusal in the author’s words, else per failing condition', () => {
    const blocked = facts({ findings: [{ code: 'x.minor', severity: 'blocking' }] });
    expect(explainGuardFailure({ findings: 'no-blocking', message: { de: 'Erst klären.', en: 'Resolve first.' } }, blocked)).toEqual([{ de: 'Erst klären.', en: 'Resolve first.' }]);
    expect(explainGuardFailure({ all: [{ findings: 'no-blocking' }, { field: 'kind', equals: 'crafts' }, { field: 'employees', equals: 0 }] }, blocked).map((m) => m.de)).toEqual([
      'Es liegen noch blockierende Prüfhinweise vor.',
      'Die Angabe „kind“ erfüllt die Voraussetzung nicht.',
    ]);
    expect(explainGuardFailure({ field: 'kind', equals: 'retail' }, blocked)).toEqual([]);
  });
});
