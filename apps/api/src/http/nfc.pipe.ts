import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';

/**
 * Text is stored NFC: every string in a request body, query or route parameter is normalised to Unicode NFC before
 * validation (Vietnamese typed on macOS or pasted from some PDFs arrives decomposed, "ở" as "o" + U+031B + U+0309,
 * and would then neither compare nor sort equal to the same name typed elsewhere). Plain objects and arrays are
 * walked; anything else (uploaded file buffers, numbers) passes unchanged.
 */
export function toNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v) => toNfc(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toNfc(v);
    return out as T;
  }
  return value;
}

@Injectable()
export class NfcPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata) {
    return metadata.type === 'custom' ? value : toNfc(value);
  }
}
