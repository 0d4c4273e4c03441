/**
 * Channels for tests and demonstrations: `demo` records every delivery in memory (in the log the
 * registry was built with), `failing-demo` always fails with a clear error — permanent by
 * default, retryable when configured so — to prove that failures are visible and resendable.
 */
import { Type } from '@sinclair/typebox';
import { definePlugin } from '../../../platform/plugins/plugin-definition.js';
import { DeliveryError, type DeliveryChannel, type DeliveryMeta } from './delivery-channel.js';
import { readVerifiedPayload } from './read-payload.js';

/** One delivery the demo channel received. */
export interface DemoDeliveryRecord {
  meta: DeliveryMeta;
  content: Buffer;
  label: string | undefined;
}

/** Options of `demo`: an optional label, to tell several demo channels apart in tests. */
export const DemoChannelOptions = Type.Object({ label: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false });

/** Options of `failing-demo`: the error text and whether the failure is retryable. */
export const FailingDemoChannelOptions = Type.Object(
  {
    message: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    retryable: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** The default error of `failing-demo`. */
export const FAILING_DEMO_MESSAGE = 'Testkanal „failing-demo“: Die Übermittlung schlägt absichtlich fehl.';

/** The `demo` plug-in, recording into `log`. */
export function createDemoChannelPlugin(log: DemoDeliveryRecord[]) {
  return definePlugin({
    id: 'demo',
    summary: 'Records deliveries in memory, for tests and demonstrations.',
    optionsSchema: DemoChannelOptions,
    create(options): DeliveryChannel {
      return {
        type: 'demo',
        async deliver(payload, meta) {
          const content = await readVerifiedPayload(payload, meta);
          // A repeated delivery of the same id is recorded once, as a real idempotent recipient would.
          const known = log.some((r) => r.meta.deliveryId === meta.deliveryId);
          if (!known) log.push({ meta, content, label: options.label });
          return { recorded: !known, label: options.label ?? null };
        },
        selfCheck: async () => ({ ok: true, detail: 'demo: records deliveries in memory' }),
      };
    },
  });
}

/** The `failing-demo` plug-in. */
export const failingDemoChannelPlugin = definePlugin({
  id: 'failing-demo',
  summary: 'Always fails with a clear error, for tests of failure handling and resend.',
  optionsSchema: FailingDemoChannelOptions,
  create(options): DeliveryChannel {
    return {
      type: 'failing-demo',
      async deliver(payload) {
        payload.destroy();
        throw new DeliveryError(options.message ?? FAILING_DEMO_MESSAGE, options.retryable ?? false);
      },
      selfCheck: async () => ({ ok: false, detail: 'failing-demo: always fails' }),
    };
  },
});
