/**
 * The one place that reads the environment. Every setting is declared once with its
 * environment variable, default, parser and a one-line description; `docs/configuration.md`
 * is generated from this table (`npx rathaus config docs`).
 */
import path from 'node:path';

/** PGlite's shared buffers when PGLITE_SHARED_BUFFERS is not set (also for databases opened without settings, as in tests). */
export const DEFAULT_PGLITE_SHARED_BUFFERS = '16MB';

export type RuntimeEnv = 'development' | 'test' | 'production';

interface SettingSpec<T> {
  env: string;
  doc: string;
  /** Default for development/test; `undefined` means "no value". */
  default: (ctx: { runtime: RuntimeEnv; raw: Record<string, string | undefined> }) => T;
  parse: (value: string, env: string) => T;
  /** Production refuses to start when this setting is not given explicitly. */
  requiredInProduction?: boolean;
  /** Production needs this setting only when the raw environment makes it relevant (e.g. STORAGE_DRIVER=s3). */
  requiredInProductionWhen?: { env: string; equals: string };
}

class ConfigError extends Error {}

const str = (v: string) => v;
const int = (v: string, env: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new ConfigError(`${env} must be a whole number, got "${v}"`);
  return n;
};
const bool = (v: string, env: string) => {
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  throw new ConfigError(`${env} must be true or false, got "${v}"`);
};
const optionalStr = (v: string) => (v === '' ? undefined : v);
const positiveInt = (v: string, env: string) => {
  const n = int(v, env);
  if (n <= 0) throw new ConfigError(`${env} must be greater than 0, got "${v}"`);
  return n;
};
const whenS3 = { env: 'STORAGE_DRIVER', equals: 's3' };

/**
 * A tile URL template must name one origin the CSP can allow: http(s), a plain host (only `{s}`
 * as its first label, which becomes `*.` in the CSP) and the placeholders {z}, {x}, {y}.
 */
const parseTileUrl = (v: string, env: string): string | undefined => {
  if (v === '') return undefined;
  const m = /^(https?):\/\/((?:\{s\}\.)?[a-z0-9.-]+(?::\d+)?)(\/[^\s]*)$/i.exec(v);
  if (!m || !['{z}', '{x}', '{y}'].every((p) => m[3]!.includes(p)) || /[{}]/.test(m[3]!.replace(/\{[zxyr]\}/g, ''))) {
    throw new ConfigError(`${env} must be an http(s) URL template with {z}, {x} and {y} (and {s} only as the first label of the host), got "${v}"`);
  }
  return v;
};

function spec<T>(s: SettingSpec<T>): SettingSpec<T> {
  return s;
}

/** Declaration of every setting. Order here is the order in the generated docs. */
export const settingSpecs = {
  runtime: spec<RuntimeEnv>({
    env: 'NODE_ENV',
    doc: 'development, test or production; production enforces required settings, Secure cookies and HSTS.',
    default: () => 'development',
    parse: (v, env) => {
      if (v === 'development' || v === 'test' || v === 'production') return v;
      throw new ConfigError(`${env} must be development, test or production, got "${v}"`);
    },
  }),
  port: spec<number>({ env: 'PORT', doc: 'TCP port the web process listens on.', default: () => 3000, parse: int }),
  host: spec<string>({
    env: 'HOST',
    doc: 'Interface to listen on; 127.0.0.1 in development, 0.0.0.0 in production.',
    default: ({ runtime }) => (runtime === 'production' ? '0.0.0.0' : '127.0.0.1'),
    parse: str,
  }),
  publicBaseUrl: spec<string | undefined>({
    env: 'PUBLIC_BASE_URL',
    doc: 'Absolute base URL used in e-mails, QR codes and embed snippets (e.g. https://rathaus.cloud). Required in production.',
    default: () => undefined,
    parse: optionalStr,
    requiredInProduction: true,
  }),
  databaseUrl: spec<string | undefined>({
    env: 'DATABASE_URL',
    doc: 'PostgreSQL connection URL. Empty: the embedded PGlite database under DATA_DIR.',
    default: () => undefined,
    parse: optionalStr,
  }),
  databasePoolSize: spec<number>({ env: 'DATABASE_POOL_SIZE', doc: 'Connections per process in the PostgreSQL pool.', default: () => 10, parse: int }),
  pgliteSharedBuffers: spec<string>({
    env: 'PGLITE_SHARED_BUFFERS',
    doc: "Shared buffers of the embedded PGlite database (PostgreSQL's shared_buffers, e.g. 16MB). Held in memory for as long as the process runs; the operating system caches the files besides.",
    default: () => DEFAULT_PGLITE_SHARED_BUFFERS,
    parse: (v, env) => {
      if (!/^[1-9][0-9]*(kB|MB|GB)$/.test(v)) throw new ConfigError(`${env} must be a size such as 16MB (a number with kB, MB or GB)`);
      return v;
    },
  }),
  dataDir: spec<string>({
    env: 'DATA_DIR',
    doc: 'Folder for the embedded database and local file storage; kept across restarts.',
    default: () => path.resolve('data'),
    parse: (v) => path.resolve(v),
  }),
  appSecret: spec<string | undefined>({
    env: 'APP_SECRET',
    doc: 'Secret (≥ 32 characters) for signing tokens. Development: generated once and kept in DATA_DIR. Required in production.',
    default: () => undefined,
    parse: (v, env) => {
      if (v.length < 32) throw new ConfigError(`${env} must be at least 32 characters long`);
      return v;
    },
    requiredInProduction: true,
  }),
  logLevel: spec<string>({
    env: 'LOG_LEVEL',
    doc: 'pino log level: fatal, error, warn, info, debug, trace or silent.',
    default: ({ runtime }) => (runtime === 'test' ? 'silent' : 'info'),
    parse: (v, env) => {
      if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(v)) throw new ConfigError(`${env}: unknown level "${v}"`);
      return v;
    },
  }),
  trustProxyHops: spec<number>({
    env: 'TRUST_PROXY_HOPS',
    doc: 'How many reverse proxies in front of the app to trust for the client address (0 = none).',
    default: () => 0,
    parse: int,
  }),
  bodyLimitBytes: spec<number>({ env: 'BODY_LIMIT_BYTES', doc: 'Largest accepted request body (forms and JSON), in bytes.', default: () => 1_048_576, parse: int }),
  sessionIdleMinutes: spec<number>({ env: 'SESSION_IDLE_MINUTES', doc: 'Staff session ends after this many minutes without a request.', default: () => 30, parse: int }),
  sessionAbsoluteHours: spec<number>({ env: 'SESSION_ABSOLUTE_HOURS', doc: 'Staff session ends this many hours after login, whatever the activity.', default: () => 10, parse: int }),
  loginFreeAttempts: spec<number>({
    env: 'LOGIN_FREE_ATTEMPTS',
    doc: 'Failed logins per account or address before throttling starts.',
    default: () => 5,
    parse: int,
  }),
  loginFreeAttemptsPerAddress: spec<number>({
    env: 'LOGIN_FREE_ATTEMPTS_PER_ADDRESS',
    doc: 'Failed logins from one client address before throttling starts (higher than per account: an office shares one address).',
    default: () => 20,
    parse: int,
  }),
  loginWindowMinutes: spec<number>({
    env: 'LOGIN_WINDOW_MINUTES',
    doc: 'Failed logins older than this are forgotten.',
    default: () => 15,
    parse: int,
  }),
  runWorkerInWeb: spec<boolean>({
    env: 'RUN_WORKER_IN_WEB',
    doc: 'Run the job worker inside the web process (embedded default). Set false when `rathaus worker` runs separately.',
    default: () => true,
    parse: bool,
  }),
  seedDemo: spec<boolean>({
    env: 'SEED_DEMO',
    doc: 'Seed the founding municipalities and demo staff accounts on first start.',
    default: ({ runtime }) => runtime !== 'production',
    parse: bool,
  }),
  draftRetentionDays: spec<number>({
    env: 'DRAFT_RETENTION_DAYS',
    doc: 'Unfinished applications are kept this many days after their last change, then deleted with their files.',
    default: () => 30,
    parse: int,
  }),
  informationRequestDays: spec<number>({
    env: 'INFORMATION_REQUEST_DAYS',
    doc: 'Default answer period of an information request (Nachforderung), in calendar days; the caseworker may choose another future date.',
    default: () => 14,
    parse: positiveInt,
  }),
  informationRequestReminderDays: spec<number>({
    env: 'INFORMATION_REQUEST_REMINDER_DAYS',
    doc: 'An unanswered information request is reminded once, this many days before its deadline (none when the deadline is nearer than that).',
    default: () => 3,
    parse: positiveInt,
  }),
  smtpUrl: spec<string | undefined>({
    env: 'SMTP_URL',
    doc: 'SMTP server for outgoing mail, e.g. smtp://user:pass@mail.example:587. Empty outside production: mails go to the dev mailbox (/dev/mail).',
    default: () => undefined,
    parse: optionalStr,
    requiredInProduction: true,
  }),
  mailFrom: spec<string>({
    env: 'MAIL_FROM',
    doc: 'Sender address of outgoing mail.',
    default: () => 'Rathaus Cloud <noreply@rathaus-cloud.invalid>',
    parse: str,
  }),
  storageDriver: spec<'local' | 's3'>({
    env: 'STORAGE_DRIVER',
    doc: 'Where uploaded files and documents are kept: local (a folder, STORAGE_DIR) or s3 (an S3-compatible object store).',
    default: () => 'local',
    parse: (v, env) => {
      if (v === 'local' || v === 's3') return v;
      throw new ConfigError(`${env} must be local or s3, got "${v}"`);
    },
  }),
  storageDir: spec<string>({
    env: 'STORAGE_DIR',
    doc: 'Folder of the local file storage (STORAGE_DRIVER=local); default DATA_DIR/files.',
    default: ({ raw }) => path.resolve(raw.DATA_DIR || 'data', 'files'),
    parse: (v) => path.resolve(v),
  }),
  s3Endpoint: spec<string | undefined>({
    env: 'S3_ENDPOINT',
    doc: 'URL of the S3-compatible endpoint, e.g. https://s3.eu-central-1.amazonaws.com or http://minio:9000. Required in production when STORAGE_DRIVER=s3.',
    default: () => undefined,
    parse: (v, env) => {
      if (!/^https?:\/\/[^\s]+$/.test(v)) throw new ConfigError(`${env} must be an http(s) URL, got "${v}"`);
      return v;
    },
    requiredInProductionWhen: whenS3,
  }),
  s3Bucket: spec<string | undefined>({
    env: 'S3_BUCKET',
    doc: 'Bucket for stored files (STORAGE_DRIVER=s3). Required in production when STORAGE_DRIVER=s3.',
    default: () => undefined,
    parse: optionalStr,
    requiredInProductionWhen: whenS3,
  }),
  s3Region: spec<string | undefined>({
    env: 'S3_REGION',
    doc: 'Region used in request signatures (STORAGE_DRIVER=s3), e.g. eu-central-1; many S3-compatible stores accept us-east-1. Required in production when STORAGE_DRIVER=s3.',
    default: () => undefined,
    parse: optionalStr,
    requiredInProductionWhen: whenS3,
  }),
  s3AccessKeyId: spec<string | undefined>({
    env: 'S3_ACCESS_KEY_ID',
    doc: 'Access key id for the object store (STORAGE_DRIVER=s3). Required in production when STORAGE_DRIVER=s3.',
    default: () => undefined,
    parse: optionalStr,
    requiredInProductionWhen: whenS3,
  }),
  s3SecretAccessKey: spec<string | undefined>({
    env: 'S3_SECRET_ACCESS_KEY',
    doc: 'Secret access key for the object store (STORAGE_DRIVER=s3). Required in production when STORAGE_DRIVER=s3.',
    default: () => undefined,
    parse: optionalStr,
    requiredInProductionWhen: whenS3,
  }),
  s3ForcePathStyle: spec<boolean>({
    env: 'S3_FORCE_PATH_STYLE',
    doc: 'Address objects as ENDPOINT/BUCKET/KEY (MinIO, Ceph and most self-hosted stores) instead of BUCKET.ENDPOINT/KEY.',
    default: () => true,
    parse: bool,
  }),
  uploadMaxFileBytes: spec<number>({
    env: 'UPLOAD_MAX_FILE_BYTES',
    doc: 'Default largest accepted upload per file field, in bytes; a service definition may set a smaller limit.',
    default: () => 10 * 1024 * 1024,
    parse: positiveInt,
  }),
  uploadMaxApplicationBytes: spec<number>({
    env: 'UPLOAD_MAX_APPLICATION_BYTES',
    doc: 'Default largest total of all files of one application (draft or case), in bytes.',
    default: () => 50 * 1024 * 1024,
    parse: positiveInt,
  }),
  clamdEnabled: spec<boolean>({
    env: 'CLAMD_ENABLED',
    doc: 'Scan every upload with ClamAV (clamd). When on and clamd cannot be reached, uploads are refused (fail closed).',
    default: () => false,
    parse: bool,
  }),
  clamdHost: spec<string>({ env: 'CLAMD_HOST', doc: 'Host of the clamd daemon (TCP).', default: () => '127.0.0.1', parse: str }),
  clamdPort: spec<number>({ env: 'CLAMD_PORT', doc: 'TCP port of the clamd daemon.', default: () => 3310, parse: positiveInt }),
  clamdTimeoutMs: spec<number>({
    env: 'CLAMD_TIMEOUT_MS',
    doc: 'How long to wait for clamd to connect, accept data or answer before the upload is refused as "scanner unavailable".',
    default: () => 30_000,
    parse: positiveInt,
  }),
  deliveryDropDir: spec<string>({
    env: 'DELIVERY_DROP_DIR',
    doc: 'Root folder of the file-drop delivery channel; each tenant channel names a sub-folder below it (never outside). Default DATA_DIR/deliveries.',
    default: ({ raw }) => path.resolve(raw.DATA_DIR || 'data', 'deliveries'),
    parse: (v) => path.resolve(v),
  }),
  deliverySecretsDir: spec<string | undefined>({
    env: 'DELIVERY_SECRETS_DIR',
    doc: 'Folder of secrets that delivery channels name by reference (one file per secret, e.g. a bearer token for http-post), such as /run/secrets. Empty: channels cannot use secrets.',
    default: () => undefined,
    parse: (v) => (v === '' ? undefined : path.resolve(v)),
  }),
  xgewerbeanzeigeXsdDir: spec<string | undefined>({
    env: 'XGEWERBEANZEIGE_XSD_DIR',
    doc: 'Folder with the official XGewerbeanzeige 2.2 schema (xgewerbeanzeige.xsd and the files it imports, from XRepository). When set, every outgoing XGewerbeanzeige message is validated with xmllint before it becomes a delivery. Empty: no schema validation.',
    default: () => undefined,
    parse: (v) => (v === '' ? undefined : path.resolve(v)),
  }),
  jobPollingSeconds: spec<number>({
    env: 'JOB_POLLING_SECONDS',
    doc: 'How often an idle worker asks the database for new jobs, in seconds (at least 1).',
    default: () => 2,
    parse: (v, env) => {
      const n = int(v, env);
      if (n < 1) throw new ConfigError(`${env} must be at least 1`);
      return n;
    },
  }),
  metricsToken: spec<string | undefined>({
    env: 'METRICS_TOKEN',
    doc: 'Bearer token that /metrics requires. Empty: /metrics is open in development and test, and switched off in production.',
    default: () => undefined,
    parse: optionalStr,
  }),
  mapTileUrl: spec<string | undefined>({
    env: 'MAP_TILE_URL',
    doc: 'Background tiles of the maps, as a template with {z}, {x} and {y} (optionally {s} as the first label of the host and {r}), e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png. The CSP allows images from exactly this origin. Empty: maps draw on a plain background and ask no other server.',
    default: () => undefined,
    parse: parseTileUrl,
  }),
  mapTileAttribution: spec<string | undefined>({
    env: 'MAP_TILE_ATTRIBUTION',
    doc: 'Text the maps show for the tiles (plain text, no markup), as the tile provider requires, e.g. "© OpenStreetMap-Mitwirkende".',
    default: () => undefined,
    parse: optionalStr,
  }),
  shutdownGraceSeconds: spec<number>({
    env: 'SHUTDOWN_GRACE_SECONDS',
    doc: 'On SIGTERM, how long in-flight requests and jobs may take before the process exits.',
    default: () => 20,
    parse: int,
  }),
} satisfies Record<string, SettingSpec<unknown>>;

type Specs = typeof settingSpecs;
export type Settings = { [K in keyof Specs]: Specs[K] extends SettingSpec<infer T> ? T : never };

/**
 * Reads settings from an environment record (default: the process environment).
 * Throws one error listing every problem, so an operator fixes them in one go.
 */
export function loadSettings(raw: Record<string, string | undefined> = process.env, overrides: Partial<Settings> = {}): Settings {
  const problems: string[] = [];
  const runtimeRaw = raw[settingSpecs.runtime.env];
  let runtime: RuntimeEnv = 'development';
  try {
    runtime = runtimeRaw ? settingSpecs.runtime.parse(runtimeRaw, settingSpecs.runtime.env) : 'development';
  } catch (e) {
    problems.push((e as Error).message);
  }
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(settingSpecs) as [string, SettingSpec<unknown>][]) {
    if (key in overrides) {
      out[key] = (overrides as Record<string, unknown>)[key];
      continue;
    }
    const value = raw[s.env];
    if (value === undefined || value === '') {
      if (runtime === 'production' && s.requiredInProduction) problems.push(`${s.env} is required in production (${s.doc})`);
      const when = s.requiredInProductionWhen;
      if (runtime === 'production' && when && raw[when.env] === when.equals) {
        problems.push(`${s.env} is required in production when ${when.env}=${when.equals} (${s.doc})`);
      }
      out[key] = s.default({ runtime, raw });
      continue;
    }
    try {
      out[key] = s.parse(value, s.env);
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n - ${problems.join('\n - ')}`);
  return out as Settings;
}

/** Markdown table of all settings, for docs/configuration.md. */
export function renderSettingsDoc(): string {
  const rows = Object.values(settingSpecs as Record<string, SettingSpec<unknown>>).map((s) => {
    const dev = s.default({ runtime: 'development', raw: {} });
    const shown = dev === undefined ? '—' : String(dev).startsWith('/') ? '`./data`' : `\`${String(dev)}\``;
    return `| \`${s.env}\` | ${shown} | ${s.requiredInProduction ? 'yes' : s.requiredInProductionWhen ? `when ${s.requiredInProductionWhen.env}=${s.requiredInProductionWhen.equals}` : ''} | ${s.doc} |`;
  });
  return [
    '# Configuration reference',
    '',
    'Generated from `src/config/settings.ts` by `npx rathaus config docs`; do not edit by hand.',
    '',
    '| variable | development default | required in production | meaning |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** The absolute base URL for links in mails and documents (PUBLIC_BASE_URL, or localhost in development). */
export function publicBaseUrlOf(settings: Pick<Settings, 'publicBaseUrl' | 'port'>): string {
  return (settings.publicBaseUrl ?? `http://localhost:${settings.port}`).replace(/\/+$/, '');
}
