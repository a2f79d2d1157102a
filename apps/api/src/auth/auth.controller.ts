import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';
import { MeResponse } from './auth.responses';
import type { Request } from 'express';
import { Actor, CurrentActor, Public } from './actor';
import { ChangePasswordDto, LoginDto, RefreshDto, TokenPairResponse } from './auth.dto';
import { AuthService } from './auth.service';
import { RateLimit } from '../http/rate-limit';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @RateLimit('login')
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiErrors(400, 401, 429)
  login(@Body() dto: LoginDto, @Req() req: Request & { id?: string }) {
    return this.auth.login(dto.email, dto.password, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
      requestId: req.id,
    });
  }

  @Public()
  @RateLimit('login')
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiErrors(400, 401)
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is ended' })
  @ApiErrors(401)
  async logout(@CurrentActor() actor: Actor) {
    await this.auth.logout(actor);
  }

  @ApiBearerAuth()
  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password changed; other sessions are ended' })
  @ApiErrors(400, 401, 422)
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto) {
    await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: MeResponse })
  @ApiErrors(401)
  me(@CurrentActor() actor: Actor) {
    return { userId: actor.userId, unitId: actor.unitId, roles: actor.roles };
  }
}
