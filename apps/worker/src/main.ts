import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger, PinoLogger } from 'nestjs-pino';
import { loadConfigOrExit } from '@cchc/config';
import { Tracing } from '@cchc/temporal';
import { WorkerModule } from './worker.module';
import { WorkerService, installTemporalRuntimeLogger } from './worker.service';

async function main() {
  const config = loadConfigOrExit();
  // Tracing first (off without OTEL_EXPORTER_OTLP_ENDPOINT); app.close() below flushes and stops it.
  const tracing = Tracing.start(config.tracing, 'worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { tracing }), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  const logger = await app.resolve(PinoLogger);
  installTemporalRuntimeLogger(logger, 'INFO', config.metrics.workerPrometheusAddress);

  const service = app.get(WorkerService);
  await service.create();
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down worker: letting in-flight activities finish');
    void service.shutdown();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  logger.info('worker running');
  await service.run();
  await app.close();
  logger.info('worker stopped');
}

main().catch((e) => {
  console.error(`worker failed to start: ${(e as Error).message}`);
  process.exit(1);
});
