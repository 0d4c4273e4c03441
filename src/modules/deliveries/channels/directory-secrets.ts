/**
 * Secrets that channel options name by reference, read from a folder with one file per secret
 * (DELIVERY_SECRETS_DIR, e.g. /run/secrets as Docker and Kubernetes mount them). The database
 * only ever holds the name, so a database dump or a channel's options snapshot reveals nothing.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import { DeliveryError, type SecretResolver } from './delivery-channel.js';

/** A secret's name: a plain file name, so it cannot reach outside the secrets folder. */
export const SecretNameSchema = Type.String({ pattern: '^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$', description: 'Name of a file in DELIVERY_SECRETS_DIR' });

/** Reads secrets from `dir`; without a folder every secret is missing. */
export function createDirectorySecrets(dir: string | undefined): SecretResolver {
  return {
    async get(name) {
      if (!/^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$/.test(name)) throw new DeliveryError(`Ungültiger Name eines Geheimnisses: "${name.slice(0, 100)}".`, false);
      if (!dir) throw new DeliveryError(`Das Geheimnis "${name}" ist nicht verfügbar: DELIVERY_SECRETS_DIR ist nicht eingerichtet.`, false);
      try {
        const value = (await fs.readFile(path.join(dir, name), 'utf8')).trim();
        if (value === '') throw new DeliveryError(`Das Geheimnis "${name}" ist leer.`, false);
        return value;
      } catch (e) {
        if (e instanceof DeliveryError) throw e;
        throw new DeliveryError(`Das Geheimnis "${name}" wurde in DELIVERY_SECRETS_DIR nicht gefunden.`, false, { cause: e });
      }
    },
  };
}

/** Secrets from a fixed table, for tests and demos. */
export function createStaticSecrets(values: Readonly<Record<string, string>>): SecretResolver {
  return {
    async get(name) {
      const value = values[name];
      if (value === undefined) throw new DeliveryError(`Das Geheimnis "${name}" wurde nicht gefunden.`, false);
      return value;
    },
  };
}
