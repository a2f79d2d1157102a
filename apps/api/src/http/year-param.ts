import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { invalid } from '@cchc/domain';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** Four plain digits within MIN_YEAR..MAX_YEAR: not `1e3`, `0x7e9` or `2025.0`. */
export function parseYear(value: unknown): number {
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(year >= MIN_YEAR && year <= MAX_YEAR))
    throw invalid('request.invalid_year', `Năm phải là số có 4 chữ số, từ ${MIN_YEAR} đến ${MAX_YEAR}`, { value });
  return year;
}

/**
 * A year route parameter (`/calendar/2025`), read from the raw path: a pipe would see it only after the global
 * ValidationPipe has turned `0x7e9` into 2025.
 */
export const YearParam = (name = 'year') =>
  createParamDecorator((key: string, ctx: ExecutionContext) => parseYear(ctx.switchToHttp().getRequest().params[key]))(
    name,
  );

/** Documents the year parameter of a route in the OpenAPI document. */
export const ApiYearParam = (name = 'year') =>
  applyDecorators(ApiParam({ name, schema: { type: 'integer', minimum: MIN_YEAR, maximum: MAX_YEAR }, example: 2025 }));
