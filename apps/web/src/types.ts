import type { ReminderPolicy, ReportSchedule } from '@cchc/domain';

export interface WorkItem {
  id: string;
  kind: 'plan' | 'report';
  period: string | null;
  year: number;
  status: 'pending' | 'draft' | 'submitted' | 'returned' | 'approved';
  statusLabel: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  parentUnitName: string;
  nominalDeadline: string;
  deadline: string;
  daysLeft: number | null;
  late: boolean;
  planId: string | null;
  sourcePlanId: string;
  sourcePlanSymbol: string | null;
  sourcePlanTitle: string;
  lastSubmittedAt: string | null;
  planTitle?: string;
  returnReason: string | null;
  returnedAt: string | null;
  reportId: string | null;
  versionNo: number | null;
}

export interface MyWork {
  owes: WorkItem[];
  awaitingDecision: WorkItem[];
  notifications: {
    unread: number;
    latest: Array<{
      id: string;
      kind: string;
      title: string;
      link: string | null;
      obligationId: string | null;
      createdAt: string;
    }>;
  };
}

export interface Plan {
  id: string;
  unitId: string;
  year: number;
  obligationId: string | null;
  parentPlanId: string | null;
  number: number | null;
  symbol: string | null;
  title: string;
  issuePlace: string | null;
  issueDate: string | null;
  signer: { name: string; title: string; signingForm?: 'KT.' | 'TM.' | 'Q.' | null; onBehalfOf?: string } | null;
  recipients: string[];
  parentPlanRef: string | null;
  sections: Record<string, string>;
  targets: Array<{
    indicatorCode: string;
    amount: number;
    basis: 'week' | 'month' | 'quarter' | 'year';
    unitKinds?: string[];
  }>;
  childDeadline: string;
  reportSchedule: ReportSchedule;
  reminderPolicy: ReminderPolicy;
  scope: { mode: string };
  status: 'draft' | 'submitted' | 'returned' | 'approved' | 'issued' | 'issuing';
  submissionCount: number;
  issuedAt: string | null;
  updatedAt: string;
}

export interface Indicator {
  code: string;
  name: string;
  unitOfMeasure: string;
  category: string;
  valueType: string;
}
