import { Injectable } from '@nestjs/common';
import { PassThrough, type Readable } from 'stream';
import { Clock } from '@cchc/config';
import {
  completeness,
  defaultReportSchedule,
  localDateFromParts,
  localDateOf,
  NARRATIVE_KEYS,
  notFound,
  PERIOD_LABELS,
  periodReferenceDate,
  STATUS_LABELS,
  targetsVsActuals,
  UNIT_KIND_LABELS,
  type IndicatorDef,
  type Narrative,
  type ObligationSnapshot,
  type ObligationStatus,
  type PeriodKind,
  type PlanTarget,
  type ReportSchedule,
  type TargetVsActual,
  type UnitKind,
} from '@cchc/domain';
import {
  buildAggregateReportDocument,
  buildPlanDocument,
  buildReportDocument,
  ddmmyyyy,
  summaryOf,
  writeReviewWorkbook,
  type CompletenessLine,
  type DocumentIssuer,
  type IndicatorResultLine,
  type MatrixCell,
  type NarrativeContribution,
  type ReviewWorkbookView,
  type SubmissionState,
  type UnitSubmissionLine,
} from '@cchc/documents';
import { DocumentSourcesRepository, type IssuerRow } from '@cchc/persistence';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { PlansService } from '../plans/plans.service';
import { ReportsService } from '../reports/reports.service';
import { RollupService } from '../reports/rollup.service';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExportFile {
  fileName: string;
  contentType: string;
  /** The whole file (documents), or a stream written as it is produced (spreadsheets). */
  body: Buffer | Readable;
}

/** A direct child's line of the rollup API. */
interface ChildRollup {
  code: string;
  name: string;
  status: string | null;
  submittedOnTime: boolean | null;
  accepted: Record<string, number>;
}

const HANDED_IN = ['submitted', 'returned', 'approved'];
const lowerFirst = (t: string) => (t ? t[0].toLocaleLowerCase('vi-VN') + t.slice(1) : t);

/** A unit's report state in a period, in the words of the exported tables (one of the completeness buckets). */
export function submissionState(c: { status: string; onTime: boolean | null; overdue: boolean }): SubmissionState {
  if (c.onTime === true) return 'on_time';
  if (c.onTime === false) return 'late';
  if (HANDED_IN.includes(c.status)) return 'submitted';
  return c.overdue ? 'missing_overdue' : 'missing_not_due';
}

/**
 * Documents out (issue 13): builds the view models of the Word documents and the review spreadsheet from what the
 * plans, reports and rollup services return to the same caller — so an export shows exactly the data its caller may
 * read (404 outside scope, like the JSON endpoints) — and hands them to @cchc/documents.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly plans: PlansService,
    private readonly reports: ReportsService,
    private readonly rollups: RollupService,
    private readonly access: AccessService,
    private readonly sources: DocumentSourcesRepository,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return localDateOf(this.clock.now());
  }

  /** The plan as drafted (Kế hoạch). */
  async planDocument(actor: Actor, planId: string): Promise<ExportFile> {
    const plan = await this.plans.get(actor, planId);
    const [issuer, catalogue] = await Promise.all([this.issuer(plan.unitId, plan.year), this.reports.catalogue()]);
    const byCode = new Map(catalogue.map((d) => [d.code, d]));
    const schedule = (plan.reportSchedule ?? []) as ReportSchedule;
    const day = (year: number, d: { yearOffset: number; month: number; day: number }) =>
      localDateFromParts(year + d.yearOffset, d.month, d.day);
    const buffer = await buildPlanDocument({
      kind: 'plan',
      issuer: header(issuer),
      number: plan.number ?? null,
      symbol: plan.symbol ?? null,
      place: plan.issuePlace ?? issuer.place,
      date: plan.issueDate ?? null,
      year: plan.year,
      signer: plan.signer ?? null,
      recipients: plan.recipients ?? [],
      title: plan.title,
      parentPlanRef: plan.parentPlanRef ?? (await this.citation(plan.parentPlanId)),
      sections: plan.sections ?? {},
      targets: ((plan.targets ?? []) as PlanTarget[]).map((t) => ({
        indicator: label(byCode, t.indicatorCode),
        amount: t.amount,
        basis: t.basis,
        appliesTo: appliesTo(t),
      })),
      childDeadline: plan.childDeadline,
      reportSchedule: schedule.map((r) => ({
        period: r.period,
        due: localDateFromParts(plan.year + (r.dueYearOffset ?? 0), r.dueMonth, r.dueDay),
        cutoffFrom: day(plan.year, r.cutoffFrom),
        cutoffTo: day(plan.year, r.cutoffTo),
      })),
      draft: !['approved', 'issued'].includes(plan.status),
    });
    const symbol = plan.symbol ?? (plan.number ? `${plan.number}/KH-${issuer.abbreviation}` : 'dự thảo');
    return docx(`Kế hoạch ${symbol} - ${issuer.abbreviation} năm ${plan.year}.docx`, buffer);
  }

  /** A unit's report for a period (Báo cáo): its figures (own values plus accepted subtree) against its targets. */
  async reportDocument(actor: Actor, reportId: string): Promise<ExportFile> {
    const report = await this.reports.get(actor, reportId);
    const year: number = report.year;
    const period = report.period as PeriodKind;
    const [rollup, issuer, catalogue] = await Promise.all([
      this.rollups.rollup(actor, report.unitId, year, period),
      this.issuer(report.unitId, year),
      this.reports.catalogue(),
    ]);
    const lines = this.resultLines(rollup.targets, report.totals, period, rollup.unit, catalogue);
    const buffer = await buildReportDocument({
      kind: 'report',
      issuer: header(issuer),
      number: null,
      place: issuer.place,
      date: this.today(),
      year,
      signer: issuer.signer,
      recipients: [...(issuer.parentName ? [`${issuer.parentName} (b/c)`] : []), 'Lưu: VT'],
      unitName: report.unitName,
      period,
      cutoffFrom: cutoffFrom(year, period),
      cutoffTo: periodReferenceDate(year, period),
      parentPlanRef: await this.parentCitation(issuer),
      lines,
      narrative: (report.narrative ?? {}) as Narrative,
      status: STATUS_LABELS[report.status as ObligationStatus] ?? report.status,
    });
    return docx(`Báo cáo ${PERIOD_LABELS[period]} năm ${year} - ${issuer.abbreviation}.docx`, buffer);
  }

  /**
   * The aggregated report of `unitId`'s subtree for a period, for whoever may review it (review.read). Written by the
   * caller's reviewing office when the caller reviews from it (Sở Nội vụ for the province), else by the unit itself.
   */
  async aggregateDocument(actor: Actor, unitId: string, year: number, period: PeriodKind): Promise<ExportFile> {
    const review = await this.rollups.review(actor, { year, period, unitId });
    const asOf = periodReferenceDate(year, period);
    const [rollup, catalogue, levels, childReports] = await Promise.all([
      this.rollups.rollup(actor, unitId, year, period),
      this.reports.catalogue(),
      this.sources.levels(unitId, asOf),
      this.sources.childReports(unitId, year, period, asOf),
    ]);
    const writesForIt = actor.roles.includes('reviewer') && actor.reviewAnchorId === unitId && actor.unitId !== unitId;
    const issuer = await this.issuer(writesForIt ? actor.unitId : unitId, year);
    const subject = rollup.unit;

    const cells = review.matrix
      .map((u) => ({ u, cell: u.periods[period] as MatrixCell | undefined, level: levels.get(u.unitId) ?? 0 }))
      .filter((x): x is { u: (typeof review.matrix)[number]; cell: MatrixCell; level: number } => !!x.cell);
    const units: UnitSubmissionLine[] = cells
      .map(({ u, cell, level }) => ({
        code: u.code,
        name: u.name,
        level,
        deadline: cell.deadline,
        state: submissionState(cell),
        status: cell.status,
      }))
      .sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
    const snapshot = (c: MatrixCell, id: string): ObligationSnapshot => ({
      unitId: id,
      status: c.status as ObligationStatus,
      submittedOnTime: c.onTime,
      overdue: c.overdue,
    });
    const byLevel = new Map<number, ObligationSnapshot[]>();
    for (const { u, cell, level } of cells)
      byLevel.set(level, [...(byLevel.get(level) ?? []), snapshot(cell, u.unitId)]);
    const completenessLines: CompletenessLine[] = [...byLevel.keys()]
      .sort((a, b) => a - b)
      .map((l) => ({ label: l === 1 ? 'Cấp 1 (trực thuộc trực tiếp)' : `Cấp ${l}`, ...completeness(byLevel.get(l)!) }));
    completenessLines.push({ label: 'Toàn bộ', ...completeness(cells.map((c) => snapshot(c.cell, c.u.unitId))) });

    const contributions = Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, [] as NarrativeContribution[]])) as Record<
      keyof Narrative,
      NarrativeContribution[]
    >;
    const readable = await Promise.all(childReports.map((r) => this.access.canRead(actor, r.unitId, asOf)));
    for (const r of childReports.filter((_, i) => readable[i])) {
      for (const k of NARRATIVE_KEYS) {
        const text = r.narrative?.[k]?.trim();
        if (text) contributions[k].push({ unitName: r.name, text });
      }
    }

    const recipients = writesForIt
      ? [`${subject.name} (b/c)`, ...(subject.kind === 'province' ? ['Bộ Nội vụ (b/c)'] : []), 'Lưu: VT']
      : [...(issuer.parentName ? [`${issuer.parentName} (b/c)`] : []), 'Lưu: VT'];
    const buffer = await buildAggregateReportDocument({
      kind: 'aggregate',
      issuer: header(issuer),
      number: null,
      place: issuer.place,
      date: this.today(),
      year,
      signer: issuer.signer,
      recipients,
      subjectName: subject.name,
      period,
      cutoffFrom: cutoffFrom(year, period),
      cutoffTo: asOf,
      parentPlanRef: writesForIt ? null : await this.parentCitation(issuer),
      lines: this.resultLines(rollup.targets, rollup.totalAccepted, period, subject, catalogue),
      completeness: completenessLines,
      units,
      score: rollup.score,
      contributions,
    });
    return docx(`Báo cáo tổng hợp ${PERIOD_LABELS[period]} năm ${year} - ${subject.code}.docx`, buffer);
  }

  /** The review spreadsheet of the caller's scope (or `unitId`'s subtree), streamed. */
  async reviewWorkbook(actor: Actor, q: { year: number; period?: PeriodKind; unitId?: string }): Promise<ExportFile> {
    const review = await this.rollups.review(actor, q);
    const periods = review.periods.map((p) => p.period);
    const [rollups, catalogue] = await Promise.all([
      Promise.all(periods.map((p) => this.rollups.rollup(actor, review.rootUnitId, q.year, p))),
      this.reports.catalogue(),
    ]);
    const root = rollups[0]?.unit ?? (await this.access.authorize(actor, 'review.read', review.rootUnitId));
    const used = new Set<string>();
    review.periods.forEach((p, i) => {
      for (const k of Object.keys(p.totals)) used.add(k);
      for (const k of Object.keys(p.submittedNotAccepted)) used.add(k);
      for (const t of rollups[i].targets) used.add(t.indicatorCode);
    });
    const indicators = catalogue.filter((d) => used.has(d.code));
    const view: ReviewWorkbookView = {
      title: root.name,
      year: q.year,
      periods,
      matrix: review.matrix.map((u) => ({ code: u.code, name: u.name, periods: u.periods })),
      indicators: indicators.map((d) => ({ code: d.code, name: d.name, unitOfMeasure: d.unitOfMeasure })),
      perIndicator: review.periods.flatMap((p, i) =>
        indicators.map((d) => {
          const t = rollups[i].targets.find((x) => x.indicatorCode === d.code);
          return {
            period: p.period,
            code: d.code,
            target: t ? t.target : null,
            accepted: p.totals[d.code] ?? null,
            submittedOnly: p.submittedNotAccepted[d.code] ?? null,
            previousYear: p.previousYearTotals?.[d.code] ?? null,
          };
        }),
      ),
      perChild: rollups.flatMap((r, i) =>
        (r.children as ChildRollup[]).map((c) => ({
          period: periods[i],
          code: c.code,
          name: c.name,
          status: c.status ?? null,
          onTime: c.submittedOnTime ?? null,
          values: c.accepted,
        })),
      ),
      // per period, in tree-code order (the review's matrix is ordered by level for the dashboard)
      lateOrMissing: periods.flatMap((p) =>
        [...review.matrix]
          .sort((a, b) => a.code.localeCompare(b.code))
          .flatMap((u) => {
            const cell = u.periods[p] as MatrixCell | undefined;
            if (!cell) return [];
            const state = submissionState(cell);
            return state === 'late' || state === 'missing_overdue' || state === 'missing_not_due'
              ? [{ period: p, code: u.code, name: u.name, state, status: cell.status }]
              : [];
          }),
      ),
    };
    const out = new PassThrough();
    writeReviewWorkbook(view, out).catch((e) => out.destroy(e));
    const suffix = q.period ? `${PERIOD_LABELS[q.period]} năm ${q.year}` : `năm ${q.year}`;
    return { fileName: `Tổng hợp rà soát ${suffix} - ${root.code}.xlsx`, contentType: XLSX, body: out };
  }

  /** Target lines (plan order) against `actuals`, then the other indicators with a value, without a target. */
  private resultLines(
    targets: TargetVsActual[],
    actuals: Record<string, number>,
    period: PeriodKind,
    unit: { id: string; kind: UnitKind },
    catalogue: IndicatorDef[],
  ): IndicatorResultLine[] {
    const byCode = new Map(catalogue.map((d) => [d.code, d]));
    const planTargets: PlanTarget[] = targets.map((t) => ({
      indicatorCode: t.indicatorCode,
      amount: t.amountPerBasis,
      basis: t.basis,
    }));
    const withTarget = targetsVsActuals(planTargets, actuals, period, unit).map((t) => ({
      indicator: label(byCode, t.indicatorCode),
      target: t.target,
      actual: t.actual,
      ratio: t.ratio,
      met: t.met,
    }));
    const seen = new Set(planTargets.map((t) => t.indicatorCode));
    const others = catalogue
      .filter((d) => !seen.has(d.code) && Object.prototype.hasOwnProperty.call(actuals, d.code))
      .map((d) => ({
        indicator: label(byCode, d.code),
        target: null,
        actual: actuals[d.code],
        ratio: null,
        met: null,
      }));
    return [...withTarget, ...others];
  }

  private async issuer(unitId: string, year: number): Promise<IssuerRow> {
    const row = await this.sources.issuer(unitId, year, this.today());
    if (!row) throw notFound('unit.not_found', 'Không tìm thấy đơn vị', { id: unitId });
    return row;
  }

  /** "Thực hiện Kế hoạch số … ngày … của … về …" for the plan the issuer's own plan of the year implements. */
  private async parentCitation(issuer: IssuerRow): Promise<string | null> {
    if (!issuer.planId) return null;
    const own = await this.sources.planCitation(issuer.planId);
    return own?.parentPlanId ? this.citation(own.parentPlanId) : null;
  }

  private async citation(planId: string | null | undefined): Promise<string | null> {
    if (!planId) return null;
    const p = await this.sources.planCitation(planId);
    if (!p) return null;
    const symbol = p.symbol ?? (p.number ? `${p.number}/KH-${p.unitAbbreviation}` : null);
    return (
      `Thực hiện Kế hoạch${symbol ? ` số ${symbol}` : ''}${p.issueDate ? ` ngày ${ddmmyyyy(p.issueDate)}` : ''} ` +
      `của ${p.unitName} về ${lowerFirst(summaryOf(p.title, 'Kế hoạch'))}`
    );
  }
}

function header(i: IssuerRow): DocumentIssuer {
  return { parentName: i.parentName, name: i.name, abbreviation: i.abbreviation };
}

function label(byCode: Map<string, IndicatorDef>, code: string) {
  const d = byCode.get(code);
  return { code, name: d?.name ?? code, unitOfMeasure: d?.unitOfMeasure ?? '' };
}

function appliesTo(t: PlanTarget): string | null {
  const parts = (t.unitKinds ?? []).map((k) => UNIT_KIND_LABELS[k]);
  if (t.unitIds?.length) parts.push(`${t.unitIds.length} đơn vị được chọn`);
  return parts.length ? parts.join('; ') : null;
}

function cutoffFrom(year: number, period: PeriodKind): string {
  const rule = defaultReportSchedule().find((r) => r.period === period)!;
  return localDateFromParts(year + rule.cutoffFrom.yearOffset, rule.cutoffFrom.month, rule.cutoffFrom.day);
}

function docx(fileName: string, body: Buffer): ExportFile {
  return { fileName, contentType: DOCX, body };
}
