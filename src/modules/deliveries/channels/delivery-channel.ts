/**
 * The delivery channel plug-in family (STYLE.md practice 5): a channel takes a stored payload and
 * hands it to a recipient — a drop folder, a mail box, an HTTP endpoint. Each plug-in has an id,
 * a TypeBox options schema (checked whenever a tenant configures the channel and again on every
 * attempt), a self-check and `deliver`, which returns a channel-specific receipt.
 *
 * Contract for `deliver`: it may be called again for the same delivery id (a worker died after
 * sending, a caseworker pressed resend), so a channel makes a repeat harmless where the medium
 * allows it (one file per delivery id, an Idempotency-Key header, a fixed Message-ID).
 */
import type { Readable } from 'node:stream';
import type { MailTransport } from '../../../platform/mail/mail-transport.js';
import type { PluginDefinition, SelfCheckResult } from '../../../platform/plugins/plugin-definition.js';
import type { TSchema } from '@sinclair/typebox';

/** What a channel knows about the item it delivers. */
export interface DeliveryMeta {
  tenantId: string;
  deliveryId: string;
  caseId: string | null;
  /** The case's reference number (Aktenzeichen), if the delivery belongs to a case. */
  caseReference: string | null;
  recipient: { id: string; displayName: string };
  payload: { filename: string; mediaType: string; sha256: string; size: number };
}

/** Channel-specific evidence of a delivery (file path, HTTP status, message id); no secrets. */
export type DeliveryReceipt = Record<string, string | number | boolean | null>;

/** Resolves a secret by the name a channel's options refer to (e.g. a bearer token). */
export interface SecretResolver {
  /** The secret's value; throws a permanent {@link DeliveryError} when there is no such secret. */
  get(name: string): Promise<string>;
}

/** What channels need from the installation besides their options. */
export interface DeliveryEnvironment {
  /** Root folder of the file-drop channel (DELIVERY_DROP_DIR); tenant folders lie below it. */
  dropRoot: string;
  secrets: SecretResolver;
  mail: MailTransport;
}

/** A configured channel, built from a tenant's options. */
export interface DeliveryChannel {
  /** The plug-in id, e.g. `file-drop`. */
  readonly type: string;
  /** Delivers the payload (read once) and returns the receipt; throws on failure (see {@link DeliveryError}). */
  deliver(payload: Readable, meta: DeliveryMeta, env: DeliveryEnvironment): Promise<DeliveryReceipt>;
  /** Checks the configured channel without delivering anything; reports instead of throwing. */
  selfCheck(env: DeliveryEnvironment): Promise<SelfCheckResult>;
}

/** A delivery channel plug-in. */
export type DeliveryChannelPlugin<S extends TSchema = TSchema> = PluginDefinition<S, DeliveryChannel>;

/**
 * A failed delivery with its classification: `retryable` failures (server busy, timeout, network)
 * are tried again with backoff; permanent ones (refused by the recipient, bad configuration)
 * stop until someone fixes the cause and resends. The message is shown to staff, so it says what
 * happened in German and never contains a secret.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause ? { cause: options.cause } : undefined);
    this.name = 'DeliveryError';
  }
}

/** Unknown errors count as retryable: an unexpected fault is more often passing than permanent. */
export function isRetryableFailure(error: unknown): boolean {
  return error instanceof DeliveryError ? error.retryable : true;
}

/** The text stored as a delivery's last error: the message, cut to a length a table cell can show. */
export function failureText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 1000 ? `${message.slice(0, 999)}…` : message;
}
