import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';
import { UserPageResponse } from './users.responses';
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
  @ApiOkResponse({ type: UserPageResponse })
  @ApiErrors(400, 401, 403, 404)
  list(@CurrentActor() actor: Actor, @Query() q: UserListQuery) {
    return this.users.list(actor, q);
  }

  @Post('users')
  @ApiCreatedResponse({ type: UserResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Get('users/:id')
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.users.get(actor, id);
  }

  @Patch('users/:id')
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }

  @Post('users/:id/disable')
  @HttpCode(200)
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  disable(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.users.setActive(actor, id, false);
  }

  @Post('users/:id/enable')
  @HttpCode(200)
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  enable(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.users.setActive(actor, id, true);
  }

  @Post('users/:id/reset-password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password set; the user’s sessions are ended' })
  @ApiErrors(400, 401, 403, 404)
  async resetPassword(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ResetPasswordDto) {
    await this.users.resetPassword(actor, id, dto.password);
  }

  @Put('me/preferences')
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, 401)
  preferences(@CurrentActor() actor: Actor, @Body() dto: PreferencesDto) {
    return this.users.setPreferences(actor, dto.notificationChannels);
  }
}
