import { describe, expect, it } from 'vitest';
import { samplePayload, testEnvironment } from '../../../../test/support/delivery-kit.js';
import { createDeliveryChannelRegistry } from './channel-registry.js';
import { FAILING_DEMO_MESSAGE, type DemoDeliveryRecord } from './demo-channels.js';
import { DeliveryError } from './delivery-channel.js';

describe('demo channels and the registry', () => {
  it('demo records each delivery once, in the registry’s log', async () => {
    const log: DemoDeliveryRecord[] = [];
    const registry = createDeliveryChannelRegistry({ demoLog: log });
    const env = testEnvironment();
    const { bytes, meta, stream } = samplePayload();
    const channel = registry.instantiate('demo', { label: 'ihk' });
    expect(await channel.deliver(stream(), meta, env)).toEqual({ recorded: true, label: 'ihk' });
    expect(await channel.deliver(stream(), meta, env)).toEqual({ recorded: false, label: 'ihk' });
    expect(log).toHaveLength(1);
    expect(log[0]!.content).toEqual(bytes);
    expect(log[0]!.meta.deliveryId).toBe(meta.deliveryId);
    env.cleanup();
  });

  it('failing-demo always fails with a clear, permanent error unless configured retryable', async () => {
    const registry = createDeliveryChannelRegistry();
    const env = testEnvironment();
    const { meta, stream } = samplePayload();
    const permanent = await registry.instantiate('failing-demo', {}).deliver(stream(), meta, env).catch((e: unknown) => e);
    expect(permanent).toBeInstanceOf(DeliveryError);
    expect((permanent as DeliveryError).message).toBe(FAILING_DEMO_MESSAGE);
    expect((permanent as DeliveryError).retryable).toBe(false);
    const retryable = await registry.instantiate('failing-demo', { retryable: true, message: 'Server weg' }).deliver(stream(), meta, env).catch((e: unknown) => e);
    expect((retryable as DeliveryError).retryable).toBe(true);
    expect(await registry.instantiate('failing-demo', {}).selfCheck(env)).toMatchObject({ ok: false });
    env.cleanup();
  });

  it('turns an unknown type or bad options into a permanent delivery error naming the problem', () => {
    const registry = createDeliveryChannelRegistry();
    expect(registry.types).toEqual(['file-drop', 'email', 'http-post', 'demo', 'failing-demo']);
    expect(() => registry.instantiate('fax', {})).toThrow(/unbekannten Kanaltyp „fax“/);
    const bad = (() => {
      try {
        registry.instantiate('file-drop', { folder: '../x' });
      } catch (e) {
        return e;
      }
    })();
    expect(bad).toBeInstanceOf(DeliveryError);
    expect((bad as DeliveryError).retryable).toBe(false);
    expect((bad as Error).message).toContain('/folder');
    expect(registry.problems('http-post', { url: 'http://example.org' })).toEqual(['http-post: url must use https (or set allowPlainHttp)']);
    expect(registry.problems('file-drop', { folder: 'ok/sub' })).toEqual([]);
  });
});
