import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, DomainErrorKind } from '@cchc/domain';

const KINDS: DomainErrorKind[] = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'unprocessable',
  'rate_limited',
];

/**
 * Turns what Temporal answers to an Update into the DomainError the workflow meant (workflows raise domain
 * errors as ApplicationFailures typed with the domain code, see workflows/failures.ts); other errors pass through.
 */
export function domainErrorFromTemporal(e: unknown): unknown {
  if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) {
    const f = e.cause;
    const info = (f.details?.[0] ?? {}) as { kind?: DomainErrorKind; details?: Record<string, unknown> | null };
    const kind = info.kind && KINDS.includes(info.kind) ? info.kind : 'conflict';
    return new DomainError(kind, f.type ?? 'workflow.refused', f.message, info.details ?? undefined);
  }
  if (e instanceof WorkflowNotFoundError) {
    return new DomainError('conflict', 'obligation.workflow_missing', 'Quy trình của nghĩa vụ này không còn hoạt động');
  }
  return e;
}
