import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, redactUrl } from '@cchc/config';
import { createDataSource } from '@cchc/persistence';
import { AppModule } from './app.module';
import { setupApp } from './setup-app';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  // Fail fast (one clear line) when the database is unreachable, instead of a retry loop of stack traces.
  const probe = createDataSource({ url: config.database.url, poolSize: 1 });
  try {
    await probe.initialize();
    if (await probe.showMigrations()) console.warn('warning: there are pending migrations (run npm run migration:run)');
  } catch (e) {
    console.error(`Cannot connect to PostgreSQL at ${redactUrl(config.database.url)}: ${(e as Error).message}`);
    process.exit(3);
  } finally {
    if (probe.isInitialized) await probe.destroy();
  }

  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  setupApp(app);
  await app.listen(config.api.port, config.api.host);
  console.log(`API listening on http://${config.api.host}:${config.api.port} (docs at /docs)`);
}

main().catch((e) => {
  console.error(`api failed to start: ${(e as Error).message}`);
  process.exit(1);
});
