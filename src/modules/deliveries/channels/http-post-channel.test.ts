import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { instantiatePlugin, PluginOptionsError } from '../../../platform/plugins/plugin-definition.js';
import { samplePayload, testEnvironment } from '../../../../test/support/delivery-kit.js';
import { DeliveryError } from './delivery-channel.js';
import { httpPostChannelPlugin, isRetryableStatus } from './http-post-channel.js';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

describe('http-post channel', () => {
  let server: http.Server;
  let base: string;
  const received: Received[] = [];
  let answer: { status: number; body?: string; headers?: Record<string, string>; delayMs?: number } = { status: 201 };
  const env = testEnvironment({ secrets: { 'ihk-token': 'geheim-123' } });

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
        const reply = () => {
          res.writeHead(answer.status, answer.headers ?? {});
          res.end(answer.body ?? '');
        };
        if (answer.delayMs) setTimeout(reply, answer.delayMs);
        else reply();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    env.cleanup();
  });
  beforeEach(() => {
    received.length = 0;
    answer = { status: 201 };
  });

  const channel = (extra: Record<string, unknown> = {}) =>
    instantiatePlugin(httpPostChannelPlugin, { url: `${base}/eingang?mandant=wurzen`, allowPlainHttp: true, ...extra });

  it('POSTs the payload with its media type, the Idempotency-Key and the bearer token from the secret reference', async () => {
    answer = { status: 201, headers: { location: '/eingang/4711', 'x-request-id': 'req-1' } };
    const { bytes, meta, stream } = samplePayload();
    const receipt = await channel({ bearerTokenSecret: 'ihk-token' }).deliver(stream(), meta, env);
    expect(received).toHaveLength(1);
    const [r] = received;
    expect(r!.method).toBe('POST');
    expect(r!.url).toBe('/eingang?mandant=wurzen');
    expect(r!.body).toEqual(bytes);
    expect(r!.headers['content-type']).toBe('application/xml');
    expect(r!.headers['idempotency-key']).toBe(meta.deliveryId);
    expect(r!.headers.authorization).toBe('Bearer geheim-123');
    expect(r!.headers['content-disposition']).toContain('GewA1.xml');
    expect(receipt).toEqual({ endpoint: `${base}/eingang`, status: 201, location: '/eingang/4711', requestId: 'req-1' });
    expect(JSON.stringify(receipt)).not.toContain('geheim');
  });

  it('sends the same Idempotency-Key on every attempt of one delivery', async () => {
    const { meta, stream } = samplePayload();
    await channel().deliver(stream(), meta, env);
    await channel().deliver(stream(), meta, env);
    expect(received.map((r) => r.headers['idempotency-key'])).toEqual([meta.deliveryId, meta.deliveryId]);
  });

  it('classifies answers: 4xx permanent except 408 and 429, 5xx retryable, redirects permanent', async () => {
    const cases: [number, boolean][] = [
      [400, false],
      [401, false],
      [404, false],
      [422, false],
      [408, true],
      [429, true],
      [500, true],
      [502, true],
      [503, true],
      [302, false],
    ];
    for (const [status, retryable] of cases) {
      answer = { status, body: status === 422 ? '<fehler>Feld <b>x</b> fehlt</fehler>' : 'nope', headers: status === 302 ? { location: 'https://elsewhere.example/' } : {} };
      const { meta, stream } = samplePayload();
      const failure = await channel().deliver(stream(), meta, env).catch((e: unknown) => e);
      expect(failure, `HTTP ${status}`).toBeInstanceOf(DeliveryError);
      expect((failure as DeliveryError).retryable, `HTTP ${status}`).toBe(retryable);
      expect((failure as Error).message, `HTTP ${status}`).toContain(`HTTP ${status}`);
      expect(isRetryableStatus(status)).toBe(status >= 300 && status < 400 ? false : retryable);
    }
    // The redirect was not followed: every request went to our server, none elsewhere.
    expect(received).toHaveLength(cases.length);
    const { meta, stream } = samplePayload();
    answer = { status: 422, body: 'Feld Betriebsstätte fehlt' };
    await expect(channel().deliver(stream(), meta, env)).rejects.toThrow(`HTTP 422 von ${base}/eingang (abgelehnt): Feld Betriebsstätte fehlt`);
  });

  it('treats a timeout and an unreachable endpoint as retryable', async () => {
    answer = { status: 200, delayMs: 3000 };
    const { meta, stream } = samplePayload();
    const timeout = await channel({ timeoutSeconds: 1 }).deliver(stream(), meta, env).catch((e: unknown) => e);
    expect((timeout as DeliveryError).retryable).toBe(true);
    expect((timeout as Error).message).toContain('innerhalb von 1 s');

    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = instantiatePlugin(httpPostChannelPlugin, { url: `http://127.0.0.1:${port}/x`, allowPlainHttp: true });
    const refused = await unreachable.deliver(stream(), meta, env).catch((e: unknown) => e);
    expect((refused as DeliveryError).retryable).toBe(true);
    expect((refused as Error).message).toContain('nicht erreichbar');
  });

  it('fails permanently when the referenced secret does not exist', async () => {
    const { meta, stream } = samplePayload();
    const failure = await channel({ bearerTokenSecret: 'fehlt' }).deliver(stream(), meta, env).catch((e: unknown) => e);
    expect((failure as DeliveryError).retryable).toBe(false);
    expect((failure as Error).message).toContain('"fehlt"');
    expect(received).toHaveLength(0);
  });

  it('refuses plain http without allowPlainHttp, credentials in the URL and unknown options', () => {
    expect(() => instantiatePlugin(httpPostChannelPlugin, { url: `${base}/x` })).toThrow(/https/);
    expect(() => instantiatePlugin(httpPostChannelPlugin, { url: 'https://user:pw@example.org/x' })).toThrow(/credentials/);
    expect(() => instantiatePlugin(httpPostChannelPlugin, { url: 'ftp://example.org/x' })).toThrow(PluginOptionsError);
    expect(() => instantiatePlugin(httpPostChannelPlugin, { url: 'https://example.org/x', token: 'x' })).toThrow(PluginOptionsError);
  });

  it('self-check reports a reachable endpoint', async () => {
    answer = { status: 405 };
    expect(await channel().selfCheck(env)).toMatchObject({ ok: true });
  });
});
