// Documents out (issue 13): Nghị định 30 Word documents and the review spreadsheet, from plain view models.
export * from './types';
export * from './text';
export { buildPlanDocument, BASIS_LABELS, summaryOf } from './plan-document';
export { buildReportDocument, periodPhrase, reportTitle } from './report-document';
export { buildAggregateReportDocument, SUBMISSION_LABELS } from './aggregate-document';
export { writeReviewWorkbook } from './review-workbook';
