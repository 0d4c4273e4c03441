import { describe, expect, it } from 'vitest';
import { checkForm, checkJson, formatOf, fromForm, viewOf } from '../../../test/support/field-kit.js';
import { parseTimeText } from './time-window.js';

const field = { type: 'time-window', required: true, days: 'optional', earliest: '06:00', latest: '20:00' };

describe('time-window field', () => {
  it('reads the ways people type times', () => {
    expect(['7', '7:30', '07.30', '0730', '7 Uhr', '7:30 Uhr', '18h'].map(parseTimeText)).toEqual(['07:00', '07:30', '07:30', '07:30', '07:00', '07:30', '18:00']);
    expect(parseTimeText('halb acht')).toBe('halb acht');
  });

  it('reads times and ticked days from the form, days in week order', () => {
    expect(fromForm(field, { 'f.from': '7', 'f.to': '18', 'f.days': ['fri', 'mon'] })).toEqual({ from: '07:00', to: '18:00', days: ['fri', 'mon'] });
    expect(checkForm(field, { 'f.from': '7', 'f.to': '18', 'f.days': ['fri', 'mon'] }).value).toEqual({ from: '07:00', to: '18:00', days: ['mon', 'fri'] });
  });

  it('refuses impossible times and windows', () => {
    expect(checkForm(field, { 'f.from': '25', 'f.to': '18' }).errors[0]).toMatchObject({ path: 'f.from', code: 'time' });
    expect(checkForm(field, { 'f.from': '18', 'f.to': '7' }).errors[0]).toMatchObject({ path: 'f.to', code: 'order', de: 'Bei „Testfeld“ muss das Ende nach dem Beginn liegen.' });
    expect(checkForm(field, { 'f.from': '5', 'f.to': '7' }).errors[0]).toMatchObject({ path: 'f.from', code: 'earliest', de: 'Bei „Testfeld“ darf der Beginn nicht vor 06:00 Uhr liegen.' });
    expect(checkForm(field, { 'f.from': '7', 'f.to': '21' }).errors[0]?.code).toBe('latest');
  });

  it('allows windows over midnight only when the definition says so', () => {
    const night = { type: 'time-window', allowOvernight: true };
    expect(checkJson(night, { from: '22:00', to: '05:00' }).ok).toBe(true);
    expect(checkJson(night, { from: '22:00', to: '22:00' }).errors[0]?.code).toBe('order');
  });

  it('requires days when asked and refuses days when not asked', () => {
    expect(checkJson({ type: 'time-window', days: 'required' }, { from: '07:00', to: '08:00' }).errors[0]).toMatchObject({ path: 'f.days', code: 'daysMissing' });
    expect(checkJson({ type: 'time-window' }, { from: '07:00', to: '08:00', days: ['mon'] }).ok).toBe(false);
    expect(checkJson(field, { from: '07:00', to: '08:00', days: ['monday'] }).errors[0]?.code).toBe('daysInvalid');
  });

  it('renders two time inputs and the day boxes, and formats the window', () => {
    const view = viewOf(field, { from: '07:00', to: '18:00', days: ['mon'] });
    expect(view.inputs.map((i) => i.name)).toEqual(['f.from', 'f.to', 'f.days']);
    expect(view.inputs[2]?.choices?.filter((c) => c.selected).map((c) => c.label)).toEqual(['Montag']);
    expect(formatOf(field, { from: '07:00', to: '18:00', days: ['mon', 'fri'] })).toEqual(['07:00–18:00 Uhr (Montag, Freitag)']);
    expect(formatOf(field, { from: '07:00', to: '18:00' }, 'en')).toEqual(['07:00–18:00']);
  });
});
