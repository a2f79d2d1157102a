import { Controller, Get, HttpCode, Module, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';
import {
  MarkedReadResponse,
  NotificationPageResponse,
  NotificationReadResponse,
  UnreadCountResponse,
} from './notifications.responses';
import { Actor, CurrentActor } from '../auth/actor';
import { UuidPipe } from '../http/uuid.pipe';
import { NotificationQuery, NotificationsService } from './notifications.service';

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
