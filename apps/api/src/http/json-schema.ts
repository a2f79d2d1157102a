import type { ApiPropertyOptions } from '@nestjs/swagger';

/** Schema fragments for response classes (OpenAPI 3.0). */

/** Any JSON value (the before/after of a change, a stored snapshot). */
export const ANY_JSON: ApiPropertyOptions = {
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'object', additionalProperties: true },
    { type: 'array', items: {} },
  ],
  nullable: true,
};

/** A free-form JSON object. */
export const JSON_OBJECT: ApiPropertyOptions = { type: 'object', additionalProperties: true };

/** Indicator code → number (totals, values). */
export const NUMBER_MAP: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { type: 'number' },
  example: { WEB_NEWS: 16, RADIO_ITEMS: 13 },
};
