import { AuditLogEntity } from './audit-log.entity';
import { UnitEntity } from './unit.entity';
import { AuthSessionEntity, UserEntity } from './user.entity';

export { AuditLogEntity, UnitEntity, UserEntity, AuthSessionEntity };
export type { NotificationChannel } from './user.entity';
export const ENTITIES = [AuditLogEntity, UnitEntity, UserEntity, AuthSessionEntity];
