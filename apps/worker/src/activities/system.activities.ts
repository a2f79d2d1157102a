import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@cchc/persistence';
import type { SelfCheckInput, SelfCheckResult, SystemActivities } from '@cchc/contracts';

@Injectable()
export class SystemActivitiesImpl implements SystemActivities {
  constructor(private readonly audit: AuditRepository) {}

  async recordSelfCheck(input: SelfCheckInput & { workflowId: string }): Promise<SelfCheckResult> {
    const entry = await this.audit.record({
      actor: 'system:worker',
      action: 'system.self_check',
      entityType: 'system',
      entityId: input.checkId,
      after: { requestedBy: input.requestedBy, workflowId: input.workflowId },
      idempotencyKey: `self-check/${input.checkId}`,
    });
    return { checkId: input.checkId, auditId: entry.id, recordedAt: entry.occurredAt.toISOString() };
  }
}
