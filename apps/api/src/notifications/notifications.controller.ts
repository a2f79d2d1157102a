import { Controller, Get, HttpCode, Module, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor';
import { UuidPipe } from '../http/uuid.pipe';
import { NotificationQuery, NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly service: NotificationsService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: NotificationQuery) {
    return this.service.list(actor, q);
  }

  @Get('unread-count')
  unread(@CurrentActor() actor: Actor) {
    return this.service.unreadCount(actor);
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentActor() actor: Actor) {
    return this.service.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.service.markRead(actor, id);
  }
}

@Module({ controllers: [NotificationsController], providers: [NotificationsService] })
export class NotificationsModule {}
