import { describe, expect, it } from 'vitest';
import { fillPublicParams, redactPath, requestLogFields } from './log-redaction.js';

describe('log redaction', () => {
  it('drops query strings and replaces token-like path segments', () => {
    expect(redactPath('/wurzen/s/Zq3xK9mW2pR7tY4uV8nB1c?lang=en')).toBe('/wurzen/s/:redacted');
    expect(redactPath('/wurzen/resume/0f4c2b9e-5a1d-4c3e-9b7a-2d8e6f1a3c5b')).toBe('/wurzen/resume/:redacted');
    expect(redactPath('/staff/login?next=/x')).toBe('/staff/login');
    // Readable words stay, even long ones: they are page names, not secrets.
    expect(redactPath('/wurzen/gewerbeanmeldung-online')).toBe('/wurzen/gewerbeanmeldung-online');
  });

  it('fills in only the tenant slug of a route pattern', () => {
    expect(fillPublicParams('/:tenant/s/:token', { tenant: 'wurzen', token: 'secret' })).toBe('/wurzen/s/:token');
    expect(fillPublicParams('/:tenant', { tenant: '<script>' })).toBe('/:tenant');
  });

  it('logs a matched request by its pattern and an unmatched one by its redacted path', () => {
    const matched = requestLogFields({ id: '1', method: 'GET', url: '/wurzen/s/abc?x=1', params: { tenant: 'wurzen', token: 'abc' }, routeOptions: { url: '/:tenant/s/:token' } });
    expect(matched).toEqual({ id: '1', method: 'GET', route: '/:tenant/s/:token', path: '/wurzen/s/:token' });
    expect(requestLogFields({ id: '2', method: 'GET', url: '/x/Zq3xK9mW2pR7tY4uV8nB1c', routeOptions: {} })).toEqual({ id: '2', method: 'GET', path: '/x/:redacted' });
  });
});
