/**
 * The shape of everything that varies between installations (STYLE.md practice 5): storage
 * back ends, virus scanners, later delivery channels and payment providers. A plug-in has a
 * stable id, a TypeBox schema for its options (checked when the plug-in is built, so a bad
 * configuration fails at start-up and names the option), a factory, and its instances offer a
 * self-check. Every family has a `demo` and a `failing-demo` plug-in for tests.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** Outcome of a plug-in's self-check, shown on the health page and by the CLI. */
export interface SelfCheckResult {
  ok: boolean;
  /** One line for operators; never contains secrets. */
  detail: string;
}

/** A plug-in: id, options schema and factory. */
export interface PluginDefinition<S extends TSchema, Instance> {
  id: string;
  /** One line for operators: what this plug-in does. */
  summary: string;
  optionsSchema: S;
  create(options: Static<S>): Instance;
}

/** The options schema of plug-ins that take no options (demo variants, "off"). */
export const NoOptions = Type.Object({}, { additionalProperties: false });

/** Thrown when a plug-in's options do not match its schema; the message names every bad option. */
export class PluginOptionsError extends Error {}

/** Helps TypeScript infer a plug-in definition's option type from its schema. */
export function definePlugin<S extends TSchema, Instance>(definition: PluginDefinition<S, Instance>): PluginDefinition<S, Instance> {
  return definition;
}

/** Checks the options against the plug-in's schema and builds the instance. */
export function instantiatePlugin<S extends TSchema, Instance>(definition: PluginDefinition<S, Instance>, options: unknown): Instance {
  if (!Value.Check(definition.optionsSchema, options)) {
    const problems = [...Value.Errors(definition.optionsSchema, options)].map((e) => `${e.path || '/'}: ${e.message}`);
    throw new PluginOptionsError(`Invalid options for plug-in "${definition.id}":\n - ${problems.join('\n - ')}`);
  }
  return definition.create(options as Static<S>);
}
