import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { vietnameseMessages } from './validation-messages';

/** Flattens class-validator errors into `{ field: [Vietnamese messages] }` (nested fields dotted, English names). */
function flatten(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out[path] = vietnameseMessages(e);
    if (e.children?.length) Object.assign(out, flatten(e.children, path));
  }
  return out;
}

/** Global validation: unknown fields are refused, payloads are transformed to their DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    // the DTO instance names the field's Vietnamese label (validation-messages.ts); never sent to the client
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const first = Object.values(fields)[0]?.[0];
      return new BadRequestException({
        code: 'request.validation_failed',
        message: first ? `Dữ liệu gửi lên không hợp lệ: ${first}` : 'Dữ liệu gửi lên không hợp lệ',
        details: { fields },
      });
    },
  });
}
