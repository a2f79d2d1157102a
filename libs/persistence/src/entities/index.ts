import { AuditLogEntity } from './audit-log.entity';

export { AuditLogEntity };
export const ENTITIES = [AuditLogEntity];
