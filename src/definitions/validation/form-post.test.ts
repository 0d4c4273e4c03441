import { describe, expect, it } from 'vitest';
import { applyFormAction, loadServiceDefinitionFile, parseFormAction, parseFormPage } from '../index.js';

const umzug = loadServiceDefinitionFile('test/fixtures/services/umzugsmeldung.json');
const file = (id: string) => ({ id, name: `${id}.pdf`, size: 100, mediaType: 'application/pdf' });

describe('form posts and actions', () => {
  it('reads the action button', () => {
    expect(parseFormAction(undefined)).toEqual({ kind: 'continue' });
    expect(parseFormAction('add-row:members')).toEqual({ kind: 'add-row', path: 'members' });
    expect(parseFormAction(['remove-row:members:2'])).toEqual({ kind: 'remove-row', path: 'members', index: 2 });
    expect(parseFormAction('remove-file:landlordConfirmation:upl_12345678')).toEqual({ kind: 'remove-file', path: 'landlordConfirmation', fileId: 'upl_12345678' });
    expect(parseFormAction('drop-table:members')).toEqual({ kind: 'continue' });
  });

  it('adds a row to the posted rows and says where to go', () => {
    const data = parseFormPage(umzug, 'household', { movesWithOthers: 'yes', 'members.rowCount': '1', 'members[0].name.given': 'Ben' }, {});
    const { data: after, focus } = applyFormAction(umzug, 'household', data, { kind: 'add-row', path: 'members' });
    expect(after.members).toEqual([{ name: { given: 'Ben' } }, {}]);
    expect(focus).toBe('members[1]');
  });

  it('removes the chosen row, keeping what was typed in the others', () => {
    const post = { movesWithOthers: 'yes', 'members[0].name.given': 'Ben', 'members[1].name.given': 'Clara', 'members[2].name.given': 'Dora' };
    const data = parseFormPage(umzug, 'household', post, {});
    const { data: after } = applyFormAction(umzug, 'household', data, { kind: 'remove-row', path: 'members', index: 1 });
    expect(after.members).toEqual([{ name: { given: 'Ben' } }, { name: { given: 'Dora' } }]);
    expect(applyFormAction(umzug, 'household', { members: [{}] }, { kind: 'remove-row', path: 'members', index: 0 }).data).toEqual({});
  });

  it('ignores actions aimed at another page or at a field of the wrong type', () => {
    const data = { members: [{}] };
    expect(applyFormAction(umzug, 'person', data, { kind: 'add-row', path: 'members' }).data).toBe(data);
    expect(applyFormAction(umzug, 'household', data, { kind: 'add-row', path: 'movesWithOthers' }).data).toBe(data);
  });

  it('removes an uploaded file by id', () => {
    const data = { landlordConfirmation: [file('upl_aaaaaaaa'), file('upl_bbbbbbbb')] };
    expect(applyFormAction(umzug, 'documents', data, { kind: 'remove-file', path: 'landlordConfirmation', fileId: 'upl_aaaaaaaa' }).data).toEqual({ landlordConfirmation: [file('upl_bbbbbbbb')] });
  });

  it('keeps uploaded files when the page is posted', () => {
    const draft = { landlordConfirmation: [file('upl_aaaaaaaa')] };
    expect(parseFormPage(umzug, 'documents', {}, draft)).toEqual(draft);
  });
});
