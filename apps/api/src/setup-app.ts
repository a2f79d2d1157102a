import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { NfcPipe } from './http/nfc.pipe';
import compression from 'compression';
import { createValidationPipe } from './http/validation';

/** Everything main.ts applies to the app, shared with the e2e tests so they test the real setup. */
export function setupApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  // The web app's assets and the JSON answers travel compressed (gzip/deflate, above 1 kB).
  app.use(compression());
  app.useGlobalPipes(new NfcPipe(), createValidationPipe()); // NFC first: validation sees composed text
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('CCHC — kế hoạch tuyên truyền cải cách hành chính')
    .setDescription('Cascade of annual CCHC propaganda plans and periodic reports through the unit hierarchy.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc), {
    jsonDocumentUrl: 'docs/openapi.json',
  });
  return app;
}
