/**
 * Demo variants of the effect sink, for tests and for running the engine before the document,
 * mail and export modules are wired: one that records what it was asked to do, and one that fails
 * on a chosen effect (to prove that a failing effect rolls its transition back).
 */
import type { EffectInvocation, EffectName, EffectSink } from '../../definitions/workflow/effects.js';

export interface RecordingEffectSink extends EffectSink {
  /** Every invocation, in order (including those of transactions that later rolled back). */
  readonly invocations: EffectInvocation[];
}

/** A sink that only records the effects it receives. */
export function createRecordingEffectSink(): RecordingEffectSink {
  const invocations: EffectInvocation[] = [];
  return {
    invocations,
    async run(_trx, invocation) {
      invocations.push(invocation);
    },
  };
}

/** A sink that throws on the named effect and passes all others to `next`. */
export function createFailingEffectSink(failOn: EffectName, next: EffectSink = createRecordingEffectSink()): EffectSink {
  return {
    async run(trx, invocation) {
      if (invocation.effect.effect === failOn) throw new Error(`failing-demo effect sink: ${failOn} failed`);
      await next.run(trx, invocation);
    },
  };
}
