/**
 * Typed configuration, read from the environment once at start-up and validated.
 * The only place in the code base that reads process.env. A missing or malformed variable stops
 * the process with a message that names it (see ConfigError).
 */
export type NodeEnv = 'development' | 'test' | 'production';

export interface DatabaseConfig {
  url: string;
  poolSize: number;
  /** Log SQL statements (debug only). */
  logging: boolean;
}

export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  tls: boolean;
  apiKey?: string;
  /** Path to the prebuilt workflow bundle loaded by the worker. */
  workflowBundlePath: string;
}

/**
 * Worker tuning (see docs/deploy.md). Each value is a ceiling per worker process; undefined = the SDK's default.
 * The workflow cache bounds memory: open workflows beyond it are evicted and replayed from history when they wake.
 */
export interface WorkerTuningConfig {
  /** WORKER_MAX_CACHED_WORKFLOWS: sticky workflow cache size (the SDK default grows with the heap size). */
  maxCachedWorkflows?: number;
  /** WORKER_MAX_CONCURRENT_WORKFLOW_TASKS */
  maxConcurrentWorkflowTaskExecutions?: number;
  /** WORKER_MAX_CONCURRENT_ACTIVITIES */
  maxConcurrentActivityTaskExecutions?: number;
  /** WORKER_WORKFLOW_POLLERS */
  maxConcurrentWorkflowTaskPolls?: number;
  /** WORKER_ACTIVITY_POLLERS */
  maxConcurrentActivityTaskPolls?: number;
}

export interface MetricsConfig {
  /** WORKER_METRICS_ADDRESS (host:port): the worker's Prometheus endpoint (Temporal SDK metrics); unset = off. */
  workerPrometheusAddress?: string;
  /** API_METRICS (default true): GET /metrics on the API (HTTP request rate, latency, errors). */
  apiEnabled: boolean;
}

export interface AuthConfig {
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  loginMaxAttempts: number;
  loginWindowSeconds: number;
}

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

export interface WebhookConfig {
  url: string;
  secret: string;
}

export interface AppConfig {
  env: NodeEnv;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  api: { port: number; host: string; publicUrl: string };
  database: DatabaseConfig;
  temporal: TemporalConfig;
  worker: WorkerTuningConfig;
  metrics: MetricsConfig;
  auth: AuthConfig;
  smtp?: SmtpConfig;
  webhook?: WebhookConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  str(name: string, fallback?: string): string {
    const v = this.env[name]?.trim();
    if (v) return v;
    if (fallback !== undefined) return fallback;
    this.problems.push(`${name} is required but not set`);
    return '';
  }

  optional(name: string): string | undefined {
    const v = this.env[name]?.trim();
    return v ? v : undefined;
  }

  int(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return fallback;
  }

  url(name: string, protocols: string[], fallback?: string): string {
    const v = this.str(name, fallback);
    if (!v) return v;
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol)) {
        this.problems.push(`${name} must use ${protocols.join(' or ')} (got "${u.protocol}")`);
      }
    } catch {
      this.problems.push(`${name} is not a valid URL`);
    }
    return v;
  }

  optionalInt(name: string, min: number, max: number): number | undefined {
    return this.optional(name) === undefined ? undefined : this.int(name, min, min, max);
  }

  hostPort(name: string, fallback: string): string {
    const v = this.str(name, fallback);
    if (!/^[A-Za-z0-9.\-[\]:]+:\d{1,5}$/.test(v)) this.problems.push(`${name} must look like host:port (got "${v}")`);
    return v;
  }
}

const DEV_JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

/** Reads and validates the configuration. Throws ConfigError listing every problem at once. */
export function loadConfig(env: Env = process.env): AppConfig {
  const r = new Reader(env);
  const nodeEnv = r.oneOf<NodeEnv>('NODE_ENV', ['development', 'test', 'production'], 'development');
  const port = r.int('API_PORT', 3000, 1, 65535);
  const host = r.str('API_HOST', '127.0.0.1');

  const jwtSecret = r.str('JWT_SECRET', nodeEnv === 'production' ? undefined : DEV_JWT_SECRET);
  if (jwtSecret && jwtSecret.length < 32) r.problems.push('JWT_SECRET must be at least 32 characters long');
  if (nodeEnv === 'production' && jwtSecret === DEV_JWT_SECRET) r.problems.push('JWT_SECRET must be set in production');

  const smtpHost = r.optional('SMTP_HOST');
  const webhookUrl = r.optional('WEBHOOK_URL');

  const config: AppConfig = {
    env: nodeEnv,
    logLevel: r.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    api: { port, host, publicUrl: r.url('API_PUBLIC_URL', ['http:', 'https:'], `http://localhost:${port}`) },
    database: {
      url: r.url('DATABASE_URL', ['postgres:', 'postgresql:']),
      poolSize: r.int('DATABASE_POOL_SIZE', 10, 1, 200),
      logging: r.bool('DATABASE_LOGGING', false),
    },
    temporal: {
      address: r.hostPort('TEMPORAL_ADDRESS', 'localhost:7233'),
      namespace: r.str('TEMPORAL_NAMESPACE', 'default'),
      taskQueue: r.str('TEMPORAL_TASK_QUEUE', 'cchc-main'),
      tls: r.bool('TEMPORAL_TLS', false),
      apiKey: r.optional('TEMPORAL_API_KEY'),
      workflowBundlePath: r.str('WORKFLOW_BUNDLE_PATH', 'dist/workflow-bundle.js'),
    },
    worker: {
      maxCachedWorkflows: r.optionalInt('WORKER_MAX_CACHED_WORKFLOWS', 0, 100_000),
      maxConcurrentWorkflowTaskExecutions: r.optionalInt('WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', 2, 1000),
      maxConcurrentActivityTaskExecutions: r.optionalInt('WORKER_MAX_CONCURRENT_ACTIVITIES', 1, 10_000),
      maxConcurrentWorkflowTaskPolls: r.optionalInt('WORKER_WORKFLOW_POLLERS', 2, 100),
      maxConcurrentActivityTaskPolls: r.optionalInt('WORKER_ACTIVITY_POLLERS', 1, 100),
    },
    metrics: {
      workerPrometheusAddress: r.optional('WORKER_METRICS_ADDRESS')
        ? r.hostPort('WORKER_METRICS_ADDRESS', '')
        : undefined,
      apiEnabled: r.bool('API_METRICS', true),
    },
    auth: {
      jwtSecret,
      accessTokenTtlSeconds: r.int('JWT_ACCESS_TTL_SECONDS', 15 * 60, 30, 24 * 3600),
      refreshTokenTtlSeconds: r.int('JWT_REFRESH_TTL_SECONDS', 30 * 24 * 3600, 60, 365 * 24 * 3600),
      loginMaxAttempts: r.int('LOGIN_MAX_ATTEMPTS', 5, 1, 1000),
      loginWindowSeconds: r.int('LOGIN_WINDOW_SECONDS', 15 * 60, 1, 24 * 3600),
    },
    smtp: smtpHost
      ? {
          host: smtpHost,
          port: r.int('SMTP_PORT', 587, 1, 65535),
          secure: r.bool('SMTP_SECURE', false),
          user: r.optional('SMTP_USER'),
          password: r.optional('SMTP_PASSWORD'),
          from: r.str('SMTP_FROM', 'CCHC <no-reply@cchc.local>'),
        }
      : undefined,
    webhook: webhookUrl
      ? { url: r.url('WEBHOOK_URL', ['http:', 'https:']), secret: r.str('WEBHOOK_SECRET') }
      : undefined,
  };
  if (config.temporal.apiKey && !config.temporal.tls && env.TEMPORAL_TLS === undefined) config.temporal.tls = true;
  if (r.problems.length) throw new ConfigError(r.problems);
  return config;
}

/** Connection options for @temporalio/client Connection and @temporalio/worker NativeConnection. */
export function temporalConnectionOptions(t: TemporalConfig): { address: string; tls?: boolean; apiKey?: string } {
  return { address: t.address, ...(t.tls ? { tls: true } : {}), ...(t.apiKey ? { apiKey: t.apiKey } : {}) };
}

/** Hides credentials when a URL is logged or shown. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<invalid url>';
  }
}

/** For entry points (api, worker, CLIs): the validated config, or exit 2 with the list of problems. */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
}
