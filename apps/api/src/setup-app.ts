import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { NfcPipe } from './http/nfc.pipe';
import compression from 'compression';
import { AppConfig, AppConfigToken } from '@cchc/config';
import { createValidationPipe } from './http/validation';
import { InputGuardPipe } from './http/input-guard.pipe';

/** Everything main.ts applies to the app, shared with the e2e tests so they test the real setup. */
export function setupApp(app: INestApplication): INestApplication {
  const config = app.get<AppConfig>(AppConfigToken);
  app.useLogger(app.get(Logger));
  // The web app's assets and the JSON answers travel compressed (gzip/deflate, above 1 kB).
  app.use(compression());
  // Security headers (CSP, nosniff, frame-ancestors, HSTS on https, …) and no X-Powered-By. Swagger UI's page
  // loads its own script and inline styles from this origin, which the default policy allows.
  const express = app.getHttpAdapter().getInstance();
  express.disable?.('x-powered-by');
  if (config.api.trustProxy !== false) express.set?.('trust proxy', config.api.trustProxy);
  // Not upgrade-insecure-requests: offices reach the product over plain http on their intranet.
  app.use(
    helmet({
      crossOriginEmbedderPolicy: false,
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  // Input guard first (depth, NUL, prototype keys), then NFC: validation sees composed text.
  app.useGlobalPipes(new InputGuardPipe(), new NfcPipe(), createValidationPipe());
  app.enableShutdownHooks();
  if (config.api.docs) {
    const doc = new DocumentBuilder()
      .setTitle('CCHC — kế hoạch tuyên truyền cải cách hành chính')
      .setDescription('Cascade of annual CCHC propaganda plans and periodic reports through the unit hierarchy.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build();
    SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc), {
      jsonDocumentUrl: 'docs/openapi.json',
    });
  }
  return app;
}
