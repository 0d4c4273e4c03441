/**
 * The delivery channel plug-ins by id, and the one way to build a channel from a tenant's
 * stored configuration: unknown types and options that do not match the plug-in's schema become
 * permanent delivery errors naming the problem, never a crash of the worker.
 */
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { instantiatePlugin, PluginOptionsError } from '../../../platform/plugins/plugin-definition.js';
import { createDemoChannelPlugin, failingDemoChannelPlugin, type DemoDeliveryRecord } from './demo-channels.js';
import { DeliveryError, type DeliveryChannel, type DeliveryChannelPlugin } from './delivery-channel.js';
import { emailChannelPlugin } from './email-channel.js';
import { fileDropChannelPlugin } from './file-drop-channel.js';
import { httpPostChannelPlugin } from './http-post-channel.js';

export interface DeliveryChannelRegistry {
  /** The plug-in ids, e.g. `file-drop`, `email`, `http-post`, `demo`, `failing-demo`. */
  readonly types: readonly string[];
  get(type: string): DeliveryChannelPlugin | undefined;
  /** Problems of `options` for the plug-in `type` (one line each, naming the option); empty when fine. */
  problems(type: string, options: unknown): string[];
  /** Builds the channel; throws a permanent DeliveryError for an unknown type or bad options. */
  instantiate(type: string, options: unknown): DeliveryChannel;
}

/** Builds the registry; `demoLog` receives what the `demo` channel records, `extra` adds plug-ins. */
export function createDeliveryChannelRegistry(opts: { demoLog?: DemoDeliveryRecord[]; extra?: readonly DeliveryChannelPlugin[] } = {}): DeliveryChannelRegistry {
  const plugins = new Map<string, DeliveryChannelPlugin>();
  const all: DeliveryChannelPlugin[] = [
    fileDropChannelPlugin as DeliveryChannelPlugin,
    emailChannelPlugin as DeliveryChannelPlugin,
    httpPostChannelPlugin as DeliveryChannelPlugin,
    createDemoChannelPlugin(opts.demoLog ?? []) as DeliveryChannelPlugin,
    failingDemoChannelPlugin as DeliveryChannelPlugin,
    ...(opts.extra ?? []),
  ];
  for (const plugin of all) {
    if (plugins.has(plugin.id)) throw new Error(`Delivery channel plug-in "${plugin.id}" is registered twice`);
    plugins.set(plugin.id, plugin);
  }

  const problems = (type: string, options: unknown): string[] => {
    const plugin = plugins.get(type);
    if (!plugin) return [`unbekannter Kanaltyp "${type}" (bekannt: ${[...plugins.keys()].join(', ')})`];
    const schema: TSchema = plugin.optionsSchema;
    if (!Value.Check(schema, options)) return [...Value.Errors(schema, options)].map((e) => `${e.path || '/'}: ${e.message}`);
    // Checks beyond the schema (e.g. https only) run in the factory.
    try {
      plugin.create(options);
      return [];
    } catch (e) {
      return [(e as Error).message];
    }
  };

  return {
    types: [...plugins.keys()],
    get: (type) => plugins.get(type),
    problems,
    instantiate(type, options) {
      const plugin = plugins.get(type);
      if (!plugin) throw new DeliveryError(`Der Übermittlungsweg nutzt den unbekannten Kanaltyp „${type}“.`, false);
      try {
        return instantiatePlugin(plugin, options);
      } catch (e) {
        if (!(e instanceof PluginOptionsError)) throw e;
        throw new DeliveryError(`Die Einstellungen des Übermittlungswegs passen nicht zum Kanaltyp „${type}“: ${problems(type, options).join('; ')}`, false, { cause: e });
      }
    },
  };
}
