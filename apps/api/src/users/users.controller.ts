import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor';
import { UuidPipe } from '../http/uuid.pipe';
import {
  CreateUserDto,
  PreferencesDto,
  ResetPasswordDto,
  UpdateUserDto,
  UserListQuery,
  UserResponse,
} from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('users')
  list(@CurrentActor() actor: Actor, @Query() q: UserListQuery) {
    return this.users.list(actor, q);
  }

  @Post('users')
  @ApiOkResponse({ type: UserResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Get('users/:id')
  @ApiOkResponse({ type: UserResponse })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.users.get(actor, id);
  }

  @Patch('users/:id')
  @ApiOkResponse({ type: UserResponse })
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }

  @Post('users/:id/disable')
  @HttpCode(200)
  disable(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.users.setActive(actor, id, false);
  }

  @Post('users/:id/enable')
  @HttpCode(200)
  enable(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.users.setActive(actor, id, true);
  }

  @Post('users/:id/reset-password')
  @HttpCode(204)
  async resetPassword(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ResetPasswordDto) {
    await this.users.resetPassword(actor, id, dto.password);
  }

  @Put('me/preferences')
  @ApiOkResponse({ type: UserResponse })
  preferences(@CurrentActor() actor: Actor, @Body() dto: PreferencesDto) {
    return this.users.setPreferences(actor, dto.notificationChannels);
  }
}
