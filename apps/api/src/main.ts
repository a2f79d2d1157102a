import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@cchc/config';
import { connectOrExit } from '@cchc/persistence';
import { Tracing } from '@cchc/temporal';
import { AppModule } from './app.module';
import { setupApp } from './setup-app';

async function main() {
  const config = loadConfigOrExit();
  // Fail fast (one clear line) when the database is unreachable, instead of a retry loop of stack traces.
  const probe = await connectOrExit({ url: config.database.url, poolSize: 1 });
  if (await probe.showMigrations()) console.warn('warning: there are pending migrations (run npm run migration:run)');
  await probe.destroy();

  // Tracing first (off without OTEL_EXPORTER_OTLP_ENDPOINT); the app flushes and stops it when it closes.
  const tracing = Tracing.start(config.tracing, 'api');
  const app = await NestFactory.create(AppModule.forRoot(config, { tracing }), {
    bufferLogs: true,
    abortOnError: false,
  });
  setupApp(app);
  await app.listen(config.api.port, config.api.host);
  console.log(
    `API listening on http://${config.api.host}:${config.api.port}${config.api.docs ? ' (docs at /docs)' : ''}`,
  );
}

main().catch((e) => {
  console.error(`api failed to start: ${(e as Error).message}`);
  process.exit(1);
});
