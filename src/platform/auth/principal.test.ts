import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/i18n.js';
import { layoutMessages } from '../views/messages.js';
import { StaffPrincipal, type Membership } from './principal.js';

const t = createTranslator('de', layoutMessages, true);
const wurzen: Membership = { tenantId: 'w', tenantSlug: 'wurzen', tenantName: 'Wurzen', role: 'tenant-admin' };
const lossatal: Membership = { tenantId: 'l', tenantSlug: 'lossatal', tenantName: 'Lossatal', role: 'caseworker' };
const person = (memberships: Membership[], operator = false) => new StaffPrincipal('u', 'a@b.example', 'A', operator, memberships, 's');

describe('StaffPrincipal', () => {
  it('knows the role per municipality and nothing elsewhere', () => {
    const p = person([wurzen, lossatal]);
    expect(p.roleIn('w')).toBe('tenant-admin');
    expect(p.roleIn('l')).toBe('caseworker');
    expect(p.roleIn('b')).toBeNull();
    expect(person([], true).roleIn('w')).toBeNull();
  });

  it('labels the role of the municipality in view, or what holds outside one', () => {
    expect(person([wurzen, lossatal]).roleLabel(t, 'l')).toBe('Sachbearbeitung');
    expect(person([wurzen, lossatal]).roleLabel(t)).toBe('mehrere Kommunen');
    expect(person([wurzen]).roleLabel(t)).toBe('Verwaltung der Kommune');
    expect(person([wurzen], true).roleLabel(t)).toBe('Plattformbetrieb');
    expect(person([wurzen], true).roleLabel(t, 'w')).toBe('Verwaltung der Kommune');
    expect(person([]).roleLabel(t)).toBe('');
  });
});
