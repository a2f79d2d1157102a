import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidationOptions,
  registerDecorator,
} from 'class-validator';
import { isLocalDate } from '@cchc/domain';

/** A calendar date 'YYYY-MM-DD' that exists (rejects 2024-02-30). */
export function IsLocalDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isLocalDate',
      target: object.constructor,
      propertyName,
      options: { message: '$property must be a calendar date YYYY-MM-DD', ...options },
      validator: { validate: (v: unknown) => typeof v === 'string' && isLocalDate(v) },
    });
}

/** The largest value a PostgreSQL integer column holds: bigger numbers are a 400, not a database error. */
export const MAX_INT = 2_147_483_647;

/** An ISO 8601 date or date-time that exists (rejects 2024-02-30, month 13, five-digit years). */
export function IsIsoInstant(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isIsoInstant',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} phải là ngày giờ hợp lệ theo ISO 8601 (YYYY-MM-DD hoặc YYYY-MM-DDThh:mm)`,
        ...options,
      },
      validator: { validate: (v: unknown) => isIsoInstant(v) },
    });
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function isIsoInstant(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const m = ISO_INSTANT.exec(v);
  if (!m || !isLocalDate(`${m[1]}-${m[2]}-${m[3]}`)) return false;
  const [h, min, sec] = [m[4], m[5], m[6]].map((x) => Number(x ?? 0));
  return h <= 23 && min <= 59 && sec <= 59 && !Number.isNaN(Date.parse(v.replace(' ', 'T')));
}

export class AsOfQuery {
  @ApiPropertyOptional({
    description: 'Date the question is about (YYYY-MM-DD, Vietnam time); default today',
    example: '2024-06-30',
  })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;
}

export class PageQuery extends AsOfQuery {
  @ApiPropertyOptional({ description: 'Cursor returned as nextCursor by the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class SearchPageQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Accent-insensitive search in name and code', example: 'so giao duc' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export { Matches };
