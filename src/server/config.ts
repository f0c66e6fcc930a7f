// Reads the process environment once into a typed configuration. Nothing else reads process.env.
import path from 'node:path';

export type DatabaseTarget =
  { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export type Config = {
  port: number;
  host: string;
  database: DatabaseTarget;
  dataDir: string;
  publicUrl: string;
  trustProxy: boolean;
  logLevel: string;
  isDemo: boolean;
  bodyLimitBytes: number;
};

function intFromEnv(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`${name} must be a whole number, got "${value}"`);
  }
  return parsed;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFromEnv('PORT', env.PORT, 3000);
  const host = env.HOST ?? '127.0.0.1';
  const dataDir = path.resolve(env.KETENLENS_DATA_DIR ?? 'data');
  const database: DatabaseTarget = env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') };
  const shownHost =
    host === '0.0.0.0' || host === '::' ? 'localhost' : host === '127.0.0.1' ? 'localhost' : host;
  return {
    port,
    host,
    database,
    dataDir,
    publicUrl: (env.PUBLIC_URL ?? `http://${shownHost}:${port}`).replace(/\/$/, ''),
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    isDemo: env.KETENLENS_DEMO === '1',
    bodyLimitBytes: intFromEnv('BODY_LIMIT_BYTES', env.BODY_LIMIT_BYTES, 1024 * 1024),
  };
}
