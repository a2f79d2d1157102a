import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';
import { Actor, CurrentActor } from '../auth/actor';
import { UuidPipe } from '../http/uuid.pipe';
import {
  CreatePlanDto,
  DiffQuery,
  ExtendDeadlineDto,
  ObligationQuery,
  PlanListQuery,
  ReturnPlanDto,
  UpdatePlanDto,
} from './plans.dto';
import { PlansService } from './plans.service';
import { ObligationsService } from './obligations.service';
import {
  InboxItemResponse,
  ObligationDetailResponse,
  ObligationResponse,
  PlanDiffResponse,
  PlanResponse,
  PlanVersionResponse,
  TransitionResultResponse,
} from './plans.responses';

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

@ApiTags('obligations')
@ApiBearerAuth()
@Controller()
export class ObligationsController {
  constructor(private readonly obligations: ObligationsService) {}

  @Get('obligations/incoming')
  @ApiOkResponse({ type: [ObligationResponse], description: 'What the unit owes its parent' })
  @ApiErrors(400, 401, 403, 404)
  incoming(@CurrentActor() actor: Actor, @Query() q: ObligationQuery) {
    return this.obligations.incoming(actor, q);
  }

  @Get('obligations/outgoing')
  @ApiOkResponse({ type: [ObligationResponse], description: 'What the unit’s children owe it' })
  @ApiErrors(400, 401, 403, 404)
  outgoing(@CurrentActor() actor: Actor, @Query() q: ObligationQuery) {
    return this.obligations.outgoing(actor, q);
  }

  @Get('inbox')
  @ApiOkResponse({ type: [InboxItemResponse], description: 'Submissions waiting for the approver’s decision' })
  @ApiErrors(401)
  inbox(@CurrentActor() actor: Actor) {
    return this.obligations.inbox(actor);
  }

  @Get('obligations/:id')
  @ApiOkResponse({ type: ObligationDetailResponse })
  @ApiErrors(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.obligations.get(actor, id);
  }

  @Post('obligations/:id/extend')
  @HttpCode(200)
  @ApiOkResponse({ type: ObligationDetailResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  extend(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ExtendDeadlineDto) {
    return this.obligations.extend(actor, id, dto.deadline, dto.reason);
  }
}
