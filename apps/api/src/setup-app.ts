import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { createValidationPipe } from './http/validation';
import { InputGuardPipe } from './http/input-guard.pipe';

/** Everything main.ts applies to the app, shared with the e2e tests so they test the real setup. */
export function setupApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(new InputGuardPipe(), createValidationPipe());
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
