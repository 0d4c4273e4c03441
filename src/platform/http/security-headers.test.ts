import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerSecurityHeaders } from './security-headers.js';

/** The CSP directives of a plain page served with the platform's headers. */
async function directives(opts: Parameters<typeof registerSecurityHeaders>[1]): Promise<Map<string, string>> {
  const app = Fastify();
  await registerSecurityHeaders(app, opts);
  app.get('/', async () => 'ok');
  const res = await app.inject('/');
  await app.close();
  return new Map(String(res.headers['content-security-policy']).split(';').map((d) => {
    const [name, ...values] = d.trim().split(' ');
    return [name!, values.join(' ')] as [string, string];
  }));
}

describe('security headers', () => {
  it('allows images from this origin only when no tile server is configured', async () => {
    const csp = await directives({ production: false });
    expect(csp.get('img-src')).toBe("'self' data:");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'self'");
  });

  it('adds exactly the tile server to img-src, and nothing else anywhere', async () => {
    const plain = await directives({ production: false });
    const csp = await directives({ production: false, mapTileSource: 'https://*.tile.example.org' });
    expect(csp.get('img-src')).toBe("'self' data: https://*.tile.example.org");
    for (const [name, value] of plain) if (name !== 'img-src') expect(csp.get(name), name).toBe(value);
  });
});
