import { applyDecorators, ExecutionContext, Injectable, Module, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModule } from '@nestjs/throttler';
import { AppConfig, AppConfigToken } from '@cchc/config';
import { DomainError } from '@cchc/domain';

type Limit = 'login' | 'expensive';
const MINUTE_MS = 60_000;
const perMinute = (n: number) => (n > 0 ? n : Number.MAX_SAFE_INTEGER);

/** Request rate limits (config `rateLimits`), applied per route with @RateLimit. In-memory, per API process. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfigToken],
      useFactory: (c: AppConfig) => ({
        throttlers: [
          { name: 'login', ttl: MINUTE_MS, limit: perMinute(c.rateLimits.loginPerMinute) },
          { name: 'expensive', ttl: MINUTE_MS, limit: perMinute(c.rateLimits.expensiveReadsPerMinute) },
        ],
      }),
    }),
  ],
})
export class RateLimitModule {}

/** Counts per signed-in user when there is one (the auth guard runs first), per address otherwise. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: { actor?: { userId?: string }; ip?: string }): Promise<string> {
    return req.actor?.userId ? `user:${req.actor.userId}` : `address:${req.ip}`;
  }

  protected override async throwThrottlingException(_: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new DomainError('rate_limited', 'request.rate_limited', 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút', {
      retryAfterSeconds: Math.max(1, Math.ceil(detail.timeToBlockExpire)),
    });
  }
}

/** Limits the route with the named limit: `login` (argon2 per request) or `expensive` (subtree aggregates). */
export const RateLimit = (limit: Limit) =>
  applyDecorators(UseGuards(RateLimitGuard), SkipThrottle({ [limit === 'login' ? 'expensive' : 'login']: true }));
