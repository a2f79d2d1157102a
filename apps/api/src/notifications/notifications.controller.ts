import { Controller, Get, HttpCode, Injectable, Module, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';
import {
  MarkedReadResponse,
  NotificationPageResponse,
  NotificationReadResponse,
  UnreadCountResponse,
} from './notifications.responses';
import { InjectEntityManager } from '@nestjs/typeorm';
import { IsIn, IsOptional } from 'class-validator';
import { EntityManager } from 'typeorm';
import { notFound } from '@cchc/domain';
import { Actor, CurrentActor } from '../auth/actor';
import { PageQuery } from '../http/common.dto';
import { UuidPipe } from '../http/uuid.pipe';

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only unread ones' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

/** The caller's own in-app notifications (reminders, digests), newest first. */
@Injectable()
export class NotificationsService {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  async list(actor: Actor, q: NotificationQuery) {
    const limit = q.limit ?? 50;
    const params: unknown[] = [actor.userId];
    let where = `n.user_id = $1`;
    if (q.unread === 'true') where += ` AND n.read_at IS NULL`;
    if (q.after)
      where += ` AND (n.created_at, n.id) < (SELECT created_at, id FROM notifications WHERE id::text = $${params.push(q.after)} AND user_id = $1)`;
    params.push(limit + 1);
    const items = await this.em.query(
      `SELECT n.id, n.kind, n.title, n.body, n.link, n.obligation_id AS "obligationId", n.plan_id AS "planId",
              n.created_at AS "createdAt", n.read_at AS "readAt"
         FROM notifications n WHERE ${where} ORDER BY n.created_at DESC, n.id DESC LIMIT $${params.length}`,
      params,
    );
    const more = items.length > limit;
    if (more) items.pop();
    return { items, nextCursor: more ? items[items.length - 1].id : null };
  }

  async unreadCount(actor: Actor) {
    const [{ n }] = await this.em.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [actor.userId],
    );
    return { unread: n };
  }

  async markRead(actor: Actor, id: string) {
    // TypeORM answers an UPDATE … RETURNING on postgres with [rows, affected].
    const [rows] = await this.em.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id, read_at AS "readAt"`,
      [id, actor.userId],
    );
    if (!rows?.[0]) throw notFound('notification.not_found', 'Không tìm thấy thông báo', { id });
    return rows[0];
  }

  async markAllRead(actor: Actor) {
    const [, count] = await this.em.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [actor.userId],
    );
    return { marked: count };
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly service: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: NotificationPageResponse, description: 'The caller’s notifications, newest first' })
  @ApiErrors(400, 401)
  list(@CurrentActor() actor: Actor, @Query() q: NotificationQuery) {
    return this.service.list(actor, q);
  }

  @Get('unread-count')
  @ApiOkResponse({ type: UnreadCountResponse })
  @ApiErrors(401)
  unread(@CurrentActor() actor: Actor) {
    return this.service.unreadCount(actor);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedReadResponse })
  @ApiErrors(401)
  readAll(@CurrentActor() actor: Actor) {
    return this.service.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationReadResponse })
  @ApiErrors(400, 401, 404)
  read(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.service.markRead(actor, id);
  }
}

@Module({ controllers: [NotificationsController], providers: [NotificationsService] })
export class NotificationsModule {}
