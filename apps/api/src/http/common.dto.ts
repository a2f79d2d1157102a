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
