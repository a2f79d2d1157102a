import { randomBytes } from 'crypto';

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
  /**
   * /ready counts a worker as present when it polled the task queue within this many seconds. Must exceed the
   * server's long-poll interval (60 s by default; `npm run up` runs its dev server with a shorter one).
   */
  workerPollWindowSeconds: number;
  /**
   * WORKFLOW_START_CONCURRENCY (default 24): obligation workflows a cascade batch starts at once (each start is one
   * round trip to the Temporal frontend). Lower it under a namespace rate limit (Temporal Cloud).
   */
  startConcurrency: number;
}

/**
 * Worker tuning (see docs/deploy.md). Each value is a ceiling per worker process; undefined = the SDK's default.
 * The workflow cache bounds memory: open workflows beyond it are evicted and replayed from history when they wake.
 */
export interface WorkerTuningConfig {
  /** WORKER_MAX_CACHED_WORKFLOWS: sticky workflow cache size (the SDK default grows with the heap size). */
  maxCachedWorkflows?: number;
  /**
   * WORKER_MAX_CONCURRENT_WORKFLOW_TASKS (default 200, the SDK's is 40). A workflow task slot is a permit, not memory
   * (the cache is): a cascade's eager starts each reserve one while their start is in flight, and with 40 most of a
   * cascade's starts found none free and fell back to the task queue (see docs/deploy.md).
   */
  maxConcurrentWorkflowTaskExecutions: number;
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

/**
 * OpenTelemetry tracing (docs/deploy.md, "Tracing"). Off unless an OTLP endpoint is configured: then each process
 * exports its spans over OTLP/HTTP (JSON) in batches. The standard OTEL_* names, read here only (the SDK is handed
 * explicit values).
 */
export interface TracingConfig {
  /**
   * Where spans are POSTed: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given, else OTEL_EXPORTER_OTLP_ENDPOINT +
   * `/v1/traces`. Undefined = tracing off (also when OTEL_SDK_DISABLED=true).
   */
  tracesUrl?: string;
  /** OTEL_EXPORTER_OTLP_HEADERS (`key=value,key2=value2`, values URL-encoded): e.g. a backend's API key. */
  headers: Record<string, string>;
  /** OTEL_SERVICE_NAME; unset = `cchc-api` / `cchc-worker` by process. */
  serviceName?: string;
  /**
   * Share of new traces recorded, 0..1, from OTEL_TRACES_SAMPLER (parentbased_always_on, the default;
   * parentbased_always_off; parentbased_traceidratio with OTEL_TRACES_SAMPLER_ARG). Always parent-based: a request
   * arriving with a `traceparent` keeps its caller's decision.
   */
  sampleRatio: number;
}

export interface AuthConfig {
  jwtSecret: string;
  /** True when no JWT_SECRET was given and a random one was made for this process (development and test only). */
  jwtSecretGenerated: boolean;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Failed sign-ins per account within the window before it is locked for the rest of the window. */
  loginMaxAttempts: number;
  /** Failed sign-ins from one address (any account) within the window before the address is locked. */
  loginMaxAttemptsPerAddress: number;
  loginWindowSeconds: number;
}

/** Request rate limits per client (address, or user when signed in), per minute; 0 turns a limit off. */
export interface RateLimitConfig {
  /** POST /auth/login and /auth/refresh: each login costs an argon2 verification. */
  loginPerMinute: number;
  /** Reads that aggregate over a subtree (rollups, review, audit, subtree listings). */
  expensiveReadsPerMinute: number;
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
  /** docs: serve the OpenAPI document and UI at /docs (API_DOCS; default on, off in production). */
  api: { port: number; host: string; publicUrl: string; docs: boolean; trustProxy: number | string | false };
  rateLimits: RateLimitConfig;
  database: DatabaseConfig;
  temporal: TemporalConfig;
  worker: WorkerTuningConfig;
  metrics: MetricsConfig;
  tracing: TracingConfig;
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

  ratio(name: string, fallback: number): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0 || n > 1) {
      this.problems.push(`${name} must be a number between 0 and 1 (got "${raw}")`);
      return fallback;
    }
    return n;
  }

  /** `key=value,key2=value2` with URL-encoded values (the OTEL_EXPORTER_OTLP_HEADERS format). */
  keyValues(name: string): Record<string, string> {
    const raw = this.optional(name);
    const out: Record<string, string> = {};
    if (raw === undefined) return out;
    for (const part of raw.split(',')) {
      const i = part.indexOf('=');
      const key = i > 0 ? part.slice(0, i).trim() : '';
      if (!key) {
        this.problems.push(`${name} must look like key=value,key2=value2`);
        return {};
      }
      try {
        out[key] = decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        this.problems.push(`${name}: the value of ${key} is not valid URL encoding`);
        return {};
      }
    }
    return out;
  }

  hostPort(name: string, fallback: string): string {
    const v = this.str(name, fallback);
    if (!/^[A-Za-z0-9.\-[\]:]+:\d{1,5}$/.test(v)) this.problems.push(`${name} must look like host:port (got "${v}")`);
    return v;
  }
}

/** Secrets that appeared in this repository: whoever read it could sign tokens with them. */
const KNOWN_PUBLIC_SECRETS = ['dev-only-secret-change-me-0123456789abcdef'];

function trustProxy(raw: string | undefined): number | string | false {
  if (!raw || /^(0|false|no|off)$/i.test(raw)) return false;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

const SAMPLERS = ['parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;

function tracing(r: Reader): TracingConfig {
  const disabled = r.bool('OTEL_SDK_DISABLED', false);
  const base = r.optional('OTEL_EXPORTER_OTLP_ENDPOINT')
    ? r.url('OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:'])
    : undefined;
  const traces = r.optional('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT')
    ? r.url('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', ['http:', 'https:'])
    : undefined;
  const sampler = r.oneOf('OTEL_TRACES_SAMPLER', SAMPLERS, 'parentbased_always_on');
  const arg = r.ratio('OTEL_TRACES_SAMPLER_ARG', 1);
  const sampleRatio = sampler === 'parentbased_always_on' ? 1 : sampler === 'parentbased_always_off' ? 0 : arg;
  return {
    tracesUrl: disabled ? undefined : (traces ?? (base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined)),
    headers: r.keyValues('OTEL_EXPORTER_OTLP_HEADERS'),
    serviceName: r.optional('OTEL_SERVICE_NAME'),
    sampleRatio,
  };
}

/** Reads and validates the configuration. Throws ConfigError listing every problem at once. */
export function loadConfig(env: Env = process.env): AppConfig {
  const r = new Reader(env);
  const nodeEnv = r.oneOf<NodeEnv>('NODE_ENV', ['development', 'test', 'production'], 'development');
  const port = r.int('API_PORT', 3000, 1, 65535);
  const host = r.str('API_HOST', '127.0.0.1');

  // No public fallback: without JWT_SECRET, development and tests sign with a random secret of this process
  // (`npm run up` keeps a per-installation one in the data folder); production refuses to start.
  const givenSecret = nodeEnv === 'production' ? r.str('JWT_SECRET') : r.optional('JWT_SECRET');
  const jwtSecret = givenSecret ?? randomBytes(32).toString('hex');
  if (givenSecret && givenSecret.length < 32) r.problems.push('JWT_SECRET must be at least 32 characters long');
  if (givenSecret && KNOWN_PUBLIC_SECRETS.includes(givenSecret))
    r.problems.push('JWT_SECRET is a published example value: generate your own (e.g. openssl rand -hex 32)');

  const smtpHost = r.optional('SMTP_HOST');
  const webhookUrl = r.optional('WEBHOOK_URL');

  const config: AppConfig = {
    env: nodeEnv,
    logLevel: r.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    api: {
      port,
      host,
      publicUrl: r.url('API_PUBLIC_URL', ['http:', 'https:'], `http://localhost:${port}`),
      docs: r.bool('API_DOCS', nodeEnv !== 'production'),
      // Behind a reverse proxy: how many hops (or which addresses) to trust for the client address, which sign-in
      // limits count per. Off by default: X-Forwarded-For is then ignored and cannot be forged.
      trustProxy: trustProxy(r.optional('API_TRUST_PROXY')),
    },
    rateLimits: {
      loginPerMinute: r.int('RATE_LIMIT_LOGIN_PER_MINUTE', 30, 0, 1_000_000),
      expensiveReadsPerMinute: r.int('RATE_LIMIT_EXPENSIVE_READS_PER_MINUTE', 120, 0, 1_000_000),
    },
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
      workerPollWindowSeconds: r.int('READY_WORKER_POLL_WINDOW_SECONDS', 90, 1, 3600),
      startConcurrency: r.int('WORKFLOW_START_CONCURRENCY', 24, 1, 200),
    },
    worker: {
      maxCachedWorkflows: r.optionalInt('WORKER_MAX_CACHED_WORKFLOWS', 0, 100_000),
      maxConcurrentWorkflowTaskExecutions: r.int('WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', 200, 2, 1000),
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
    tracing: tracing(r),
    auth: {
      jwtSecret,
      jwtSecretGenerated: !givenSecret,
      accessTokenTtlSeconds: r.int('JWT_ACCESS_TTL_SECONDS', 15 * 60, 30, 24 * 3600),
      refreshTokenTtlSeconds: r.int('JWT_REFRESH_TTL_SECONDS', 30 * 24 * 3600, 60, 365 * 24 * 3600),
      loginMaxAttempts: r.int('LOGIN_MAX_ATTEMPTS', 5, 1, 1000),
      loginMaxAttemptsPerAddress: r.int('LOGIN_MAX_ATTEMPTS_PER_ADDRESS', 50, 1, 100_000),
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
