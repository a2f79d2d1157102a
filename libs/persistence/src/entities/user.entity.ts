import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@cchc/domain';

export type NotificationChannel = 'in_app' | 'email' | 'webhook';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'unit_id' }) unitId: string;
  @Column('text') email: string;
  @Column('text', { name: 'full_name' }) fullName: string;
  @Column('text', { name: 'password_hash', select: false }) passwordHash: string;
  @Column('text', { array: true }) roles: Role[];
  @Column('boolean') active: boolean;
  @Column('text', { name: 'notification_channels', array: true }) notificationChannels: NotificationChannel[];
  @Column('timestamptz', { name: 'password_changed_at', default: () => 'now()' }) passwordChangedAt: Date;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}

@Entity({ name: 'auth_sessions' })
export class AuthSessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text', { name: 'refresh_token_hash' }) refreshTokenHash: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @Column('text', { name: 'revoked_reason', nullable: true }) revokedReason: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'last_used_at', default: () => 'now()' }) lastUsedAt: Date;
  @Column('text', { nullable: true }) ip: string | null;
  @Column('text', { name: 'user_agent', nullable: true }) userAgent: string | null;
}
