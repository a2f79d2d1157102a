import { ApplicationFailure } from '@temporalio/workflow';
import { DomainError } from '@cchc/domain';

/**
 * Runs a pure domain check inside workflow code; a DomainError becomes a non-retryable ApplicationFailure whose
 * type is the domain code, so the API can map it back to the same HTTP error (see apps/api/src/temporal).
 */
export function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DomainError) {
      throw ApplicationFailure.create({
        type: e.code,
        message: e.message,
        details: [{ kind: e.kind, details: e.details ?? null }],
        nonRetryable: true,
      });
    }
    throw e;
  }
}
