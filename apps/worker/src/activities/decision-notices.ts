import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig, AppConfigToken } from '@cchc/config';
import { decisionMessage, PERIOD_LABELS, WEB_ROUTES, webLink, type PeriodKind } from '@cchc/domain';
import { WorkRepository } from '@cchc/persistence';

/** Tells the drafters of a unit, in the app, that its plan or report was approved or returned (and why). */
@Injectable()
export class DecisionNotices {
  constructor(
    @Inject(AppConfigToken) private readonly config: AppConfig,
    private readonly work: WorkRepository,
  ) {}

  /** Inside the transition's transaction, so the notice exists exactly when the decision does. */
  async record(
    m: EntityManager,
    t: { obligationId: string; seq: number; command: string; reason?: string | null; at: string },
  ): Promise<void> {
    if (t.command !== 'approve' && t.command !== 'return') return;
    const o = await this.work.obligation(t.obligationId, m);
    if (!o) return;
    const link = webLink(this.config.api.publicUrl, WEB_ROUTES.obligation(o.id));
    const message = decisionMessage({
      decision: t.command,
      subject: o.kind,
      periodLabel: o.period ? PERIOD_LABELS[o.period as PeriodKind] : undefined,
      year: o.year,
      unitName: o.unitName,
      parentUnitName: o.parentUnitName,
      reason: t.reason,
      link,
    });
    await this.work.recordDecisionNotice(
      { obligationId: o.id, seq: t.seq, title: message.title, text: message.text, link, at: t.at },
      m,
    );
  }
}
