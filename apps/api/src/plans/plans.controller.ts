import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';
import { Actor, CurrentActor } from '../auth/actor';
import { UuidPipe } from '../http/uuid.pipe';
import { CreatePlanDto, DiffQuery, PlanListQuery, ReturnPlanDto, UpdatePlanDto } from './plans.dto';
import { PlansService } from './plans.service';
import { PlanDiffResponse, PlanResponse, PlanVersionResponse } from './plans.responses';
import { TransitionResultResponse } from '../obligations/obligations.responses';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Post()
  @ApiCreatedResponse({ type: PlanResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePlanDto) {
    return this.plans.create(actor, dto);
  }

  @Get()
  @ApiOkResponse({
    type: [PlanResponse],
    description: 'Plans of units the caller may read, newest year first (at most 500)',
  })
  @ApiErrors(400, 401, 403, 404)
  list(@CurrentActor() actor: Actor, @Query() q: PlanListQuery) {
    return this.plans.list(actor, q);
  }

  @Get(':id')
  @ApiOkResponse({ type: PlanResponse })
  @ApiErrors(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.get(actor, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PlanResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdatePlanDto) {
    return this.plans.update(actor, id, dto);
  }

  @Post(':id/issue')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: PlanResponse,
    description: 'The cascade is starting (status `issuing`), or the plan was already issued',
  })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  issue(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.issue(actor, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: TransitionResultResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  submit(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.submit(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: TransitionResultResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  approve(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.decide(actor, id, 'approve');
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiOkResponse({ type: TransitionResultResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  return(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReturnPlanDto) {
    return this.plans.decide(actor, id, 'return', dto.reason);
  }

  @Get(':id/versions')
  @ApiOkResponse({ type: [PlanVersionResponse] })
  @ApiErrors(400, 401, 404)
  versions(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.versions(actor, id);
  }

  @Get(':id/diff')
  @ApiOkResponse({ type: PlanDiffResponse })
  @ApiErrors(400, 401, 404)
  diff(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: DiffQuery) {
    return this.plans.diff(actor, id, q.from, q.to);
  }
}
