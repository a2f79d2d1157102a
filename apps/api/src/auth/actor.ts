import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@cchc/domain';

/** The authenticated caller, attached to the request by the JwtAuthGuard. */
export interface Actor {
  userId: string;
  unitId: string;
  roles: Role[];
  /**
   * Where the reviewer role looks from: the parent of a reviewing office (Sở Nội vụ → the province,
   * Văn phòng Sở → the Sở), otherwise the user's own unit.
   */
  reviewAnchorId: string;
  sessionId: string;
  requestId?: string;
}

export const IS_PUBLIC = Symbol('isPublic');
/** Marks a route that needs no authentication (health, login, token refresh, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest().actor;
});

/** The audit "actor" string of a user. */
export const actorRef = (a: Actor) => `user:${a.userId}`;
