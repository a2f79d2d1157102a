import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '@cchc/domain';
import { UUID_PATTERN } from './common.dto';

/** Route ids must be UUIDs; anything else is a clear 400 rather than a database error. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID_PATTERN.test(value))
      throw new DomainError('validation', 'request.invalid_id', 'Mã định danh không hợp lệ', { value });
    return value.toLowerCase();
  }
}
