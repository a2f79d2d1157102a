import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { invalid } from '@cchc/domain';

/** Deeper than any request the API accepts (the deepest DTO is a few levels). */
export const MAX_INPUT_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Runs before validation on every body, query and route parameter. Refuses, with a clear 400 instead of a
 * stack overflow or a database error: nesting deeper than MAX_INPUT_DEPTH, the NUL character (PostgreSQL
 * text cannot hold it) and keys that would reach an object's prototype (`__proto__`), which would otherwise be
 * dropped silently. Iterative, so hostile depth cannot overflow the stack here either.
 */
@Injectable()
export class InputGuardPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type === 'custom') return value;
    const stack: [unknown, number, string][] = [[value, 0, meta.data ?? meta.type]];
    while (stack.length) {
      const [v, depth, path] = stack.pop()!;
      if (typeof v === 'string') {
        if (v.includes('\u0000'))
          throw invalid('request.invalid_character', 'Dữ liệu chứa ký tự không hợp lệ (NUL)', { field: path });
        continue;
      }
      if (v === null || typeof v !== 'object') continue;
      if (depth >= MAX_INPUT_DEPTH)
        throw invalid('request.too_deep', `Dữ liệu lồng nhau quá sâu (tối đa ${MAX_INPUT_DEPTH} cấp)`, { field: path });
      for (const key of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(key))
          throw invalid('request.forbidden_key', `Tên trường "${key}" không được phép`, { field: `${path}.${key}` });
        if (key.includes('\u0000'))
          throw invalid('request.invalid_character', 'Dữ liệu chứa ký tự không hợp lệ (NUL)', { field: path });
        stack.push([(v as Record<string, unknown>)[key], depth + 1, `${path}.${key}`]);
      }
    }
    return value;
  }
}
