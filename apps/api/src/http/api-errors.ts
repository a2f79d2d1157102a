import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from './error-response';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (code `request.validation_failed` with `details` per field, or a domain validation code)',
  401: 'Not signed in, or the token has expired (`auth.unauthenticated`)',
  403: 'Signed in but not allowed to do this',
  404: 'Not found, or outside the caller’s scope',
  409: 'Conflicts with the current state',
  413: 'Upload too large',
  422: 'Well-formed but cannot be processed',
  429: 'Too many attempts',
  503: 'A dependency is down',
};

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;

/** Documents the error responses of an operation, all in the one `ErrorResponse` shape. */
export function ApiErrors(...statuses: ErrorStatus[]) {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorResponse })),
  );
}
