import { ConfigError, loadConfig, redactUrl, temporalConnectionOptions } from './config';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/db' };

describe('loadConfig', () => {
  it('applies defaults for a minimal development environment', () => {
    const c = loadConfig(base);
    expect(c.env).toBe('development');
    expect(c.api.port).toBe(3000);
    expect(c.temporal).toMatchObject({
      address: 'localhost:7233',
      namespace: 'default',
      taskQueue: 'cchc-main',
      tls: false,
    });
    expect(c.smtp).toBeUndefined();
  });

  it('names every missing or malformed variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        DATABASE_URL: 'mysql://x',
        API_PORT: 'eighty',
        TEMPORAL_ADDRESS: 'nohost',
        SMTP_HOST: 'mail',
        SMTP_PORT: '0',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as ConfigError).message;
    for (const name of ['DATABASE_URL', 'API_PORT', 'TEMPORAL_ADDRESS', 'SMTP_PORT']) expect(text).toContain(name);
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('requires DATABASE_URL', () => {
    expect(() => loadConfig({})).toThrow(/DATABASE_URL is required/);
  });

  it('has no public fallback secret: a random one per process unless JWT_SECRET is given; production needs one', () => {
    const a = loadConfig(base);
    const b = loadConfig(base);
    expect(a.auth.jwtSecretGenerated).toBe(true);
    expect(a.auth.jwtSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(a.auth.jwtSecret).not.toBe(b.auth.jwtSecret);
    const given = 'x'.repeat(40);
    expect(loadConfig({ ...base, JWT_SECRET: given }).auth).toMatchObject({
      jwtSecret: given,
      jwtSecretGenerated: false,
    });
    expect(() => loadConfig({ ...base, JWT_SECRET: 'dev-only-secret-change-me-0123456789abcdef' })).toThrow(
      /published example/,
    );
  });

  it('turns /docs off in production unless asked for', () => {
    const prod = { ...base, NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40) };
    expect(loadConfig(base).api.docs).toBe(true);
    expect(loadConfig(prod).api.docs).toBe(false);
    expect(loadConfig({ ...prod, API_DOCS: 'true' }).api.docs).toBe(true);
    expect(loadConfig({ ...base, API_DOCS: 'off' }).api.docs).toBe(false);
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/at least 32/);
  });

  it('turns TLS on when an API key is given (Temporal Cloud)', () => {
    const c = loadConfig({ ...base, TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_API_KEY: 'k' });
    expect(temporalConnectionOptions(c.temporal)).toEqual({
      address: 'ns.acct.tmprl.cloud:7233',
      tls: true,
      apiKey: 'k',
    });
  });

  it('reads worker tuning and metrics: 200 workflow task slots by default, the rest left to the SDK', () => {
    expect(loadConfig(base).worker).toEqual({
      maxCachedWorkflows: undefined,
      maxConcurrentWorkflowTaskExecutions: 200,
      maxConcurrentActivityTaskExecutions: undefined,
      maxConcurrentWorkflowTaskPolls: undefined,
      maxConcurrentActivityTaskPolls: undefined,
    });
    expect(loadConfig(base).metrics).toEqual({ workerPrometheusAddress: undefined, apiEnabled: true });
    const c = loadConfig({
      ...base,
      WORKER_MAX_CACHED_WORKFLOWS: '1000',
      WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '40',
      WORKER_MAX_CONCURRENT_ACTIVITIES: '20',
      WORKER_WORKFLOW_POLLERS: '4',
      WORKER_ACTIVITY_POLLERS: '3',
      WORKER_METRICS_ADDRESS: '0.0.0.0:9464',
      API_METRICS: 'false',
    });
    expect(c.worker).toEqual({
      maxCachedWorkflows: 1000,
      maxConcurrentWorkflowTaskExecutions: 40,
      maxConcurrentActivityTaskExecutions: 20,
      maxConcurrentWorkflowTaskPolls: 4,
      maxConcurrentActivityTaskPolls: 3,
    });
    expect(c.metrics).toEqual({ workerPrometheusAddress: '0.0.0.0:9464', apiEnabled: false });
    expect(() =>
      loadConfig({
        ...base,
        WORKER_MAX_CACHED_WORKFLOWS: '-1',
        WORKER_WORKFLOW_POLLERS: '1',
        WORKER_METRICS_ADDRESS: 'x',
      }),
    ).toThrow(/WORKER_MAX_CACHED_WORKFLOWS[\s\S]*WORKER_WORKFLOW_POLLERS[\s\S]*WORKER_METRICS_ADDRESS/);
  });

  it('leaves tracing off without an OTLP endpoint, and reads the standard OTEL_* variables', () => {
    expect(loadConfig(base).tracing).toEqual({
      tracesUrl: undefined,
      headers: {},
      serviceName: undefined,
      sampleRatio: 1,
    });
    expect(loadConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing.tracesUrl).toBe(
      'http://collector:4318/v1/traces',
    );
    const c = loadConfig({
      ...base,
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://tempo.example/otlp/v1/traces',
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Basic%20abc,x-scope-orgid=cchc',
      OTEL_SERVICE_NAME: 'cchc-api-hn',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
    });
    expect(c.tracing).toEqual({
      tracesUrl: 'https://tempo.example/otlp/v1/traces',
      headers: { authorization: 'Basic abc', 'x-scope-orgid': 'cchc' },
      serviceName: 'cchc-api-hn',
      sampleRatio: 0.25,
    });
    expect(
      loadConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' }).tracing
        .tracesUrl,
    ).toBeUndefined();
    expect(() =>
      loadConfig({
        ...base,
        OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317',
        OTEL_EXPORTER_OTLP_HEADERS: 'novalue',
        OTEL_TRACES_SAMPLER: 'always_on',
        OTEL_TRACES_SAMPLER_ARG: '2',
      }),
    ).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT[\s\S]*OTEL_TRACES_SAMPLER must[\s\S]*OTEL_TRACES_SAMPLER_ARG[\s\S]*OTEL_EXPORTER_OTLP_HEADERS/,
    );
  });

  it('redacts passwords in URLs', () => {
    expect(redactUrl('postgres://u:secret@h:5432/d')).toBe('postgres://u:***@h:5432/d');
  });
});
