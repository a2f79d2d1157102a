import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { notFound } from '@cchc/domain';
import { NotificationsRepository } from '@cchc/persistence';
import type { Actor } from '../auth/actor';
import { PageQuery } from '../http/common.dto';

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only unread ones' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

/** The caller's own in-app notifications (reminders, digests), newest first. */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async list(actor: Actor, q: NotificationQuery) {
    const limit = q.limit ?? 50;
    const items = await this.notifications.page(actor.userId, {
      unreadOnly: q.unread === 'true',
      after: q.after,
      limit: limit + 1,
    });
    const more = items.length > limit;
    if (more) items.pop();
    return { items, nextCursor: more ? items[items.length - 1].id : null };
  }

  async unreadCount(actor: Actor) {
    return { unread: await this.notifications.unreadCount(actor.userId) };
  }

  async markRead(actor: Actor, id: string) {
    const read = await this.notifications.markRead(id, actor.userId);
    if (!read) throw notFound('notification.not_found', 'Không tìm thấy thông báo', { id });
    return read;
  }

  async markAllRead(actor: Actor) {
    return { marked: await this.notifications.markAllRead(actor.userId) };
  }
}
