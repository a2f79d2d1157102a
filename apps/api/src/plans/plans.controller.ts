import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor';
import { UuidPipe } from '../http/uuid.pipe';
import { CreatePlanDto, DiffQuery, PlanListQuery, ReturnPlanDto, UpdatePlanDto } from './plans.dto';
import { PlansService } from './plans.service';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePlanDto) {
    return this.plans.create(actor, dto);
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: PlanListQuery) {
    return this.plans.list(actor, q);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.get(actor, id);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdatePlanDto) {
    return this.plans.update(actor, id, dto);
  }

  @Post(':id/issue')
  @HttpCode(202)
  issue(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.issue(actor, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  submit(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.submit(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.decide(actor, id, 'approve');
  }

  @Post(':id/return')
  @HttpCode(200)
  return(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReturnPlanDto) {
    return this.plans.decide(actor, id, 'return', dto.reason);
  }

  @Get(':id/versions')
  versions(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.versions(actor, id);
  }

  @Get(':id/diff')
  diff(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: DiffQuery) {
    return this.plans.diff(actor, id, q.from, q.to);
  }
}
