import {
  Body,
  CallHandler,
  Controller,
  ExecutionContext,
  Get,
  HttpCode,
  Injectable,
  NestInterceptor,
  Param,
  PayloadTooLargeException,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { catchError, Observable, throwError } from 'rxjs';
import { DomainError } from '@cchc/domain';
import { Actor, CurrentActor } from '../auth/actor';
import { ErrorResponse } from '../http/error-response';
import { ApiErrors } from '../http/api-errors';
import { UuidPipe } from '../http/uuid.pipe';
import { MAX_UPLOAD_BYTES, tooLarge } from './document-reader';
import { ConfirmPlanImportDto, PlanImportUploadDto } from './plan-import.dto';
import { ConfirmPlanImportResponse, PendingPlanImportsResponse, PlanImportResponse } from './plan-import.responses';
import { PlanImportService } from './plan-import.service';

/** Multer's own "File too large" becomes the import's 413 with its code and Vietnamese message. */
@Injectable()
export class UploadLimitInterceptor implements NestInterceptor {
  intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(catchError((e) => throwError(() => (e instanceof PayloadTooLargeException ? tooLarge() : e))));
  }
}

@ApiTags('plan-imports')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'Not signed in' })
@Controller('plan-imports')
export class PlanImportController {
  constructor(private readonly imports: PlanImportService) {}

  @Post()
  @ApiOperation({
    summary: 'Upload a plan document (.docx, .txt, .md) and get a draft plan with the fields read from it',
    description:
      'The draft is created as by POST /plans (status draft, nothing issued); every extracted field carries its ' +
      'source sentence (offsets into `text`) and a confidence, `extraction.notFound` lists what was not found, ' +
      '`parentMatch` is the existing plan the document says it implements. Confirm with POST /plan-imports/:id/confirm.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: `.docx, .txt or .md, at most ${MAX_UPLOAD_BYTES} bytes`,
        },
        unitId: { type: 'string', format: 'uuid', description: 'Issuing unit (default: the caller’s unit)' },
      },
    },
  })
  @ApiCreatedResponse({ type: PlanImportResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'plan_import.no_file: no "file" part' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'The caller may not draft plans for the unit' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'The unit is outside the caller’s scope' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'plan.exists: the unit already has a plan for the year' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponse, description: 'plan_import.file_too_large' })
  @ApiUnsupportedMediaTypeResponse({
    type: ErrorResponse,
    description: 'plan_import.unsupported_file (.doc, pictures …), plan_import.not_docx, plan_import.not_text',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description:
      'plan_import.unreadable (broken .docx), plan_import.suspicious_file (zip bomb), plan_import.bad_encoding, ' +
      'plan_import.empty_file, plan_import.text_too_long',
  })
  @UseInterceptors(
    UploadLimitInterceptor,
    FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } }),
  )
  upload(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() dto: PlanImportUploadDto,
  ) {
    if (!file)
      throw new DomainError('validation', 'plan_import.no_file', 'Chưa chọn tệp kế hoạch để tải lên (trường "file")');
    return this.imports.upload(actor, file, dto.unitId);
  }

  @Get()
  @ApiOperation({
    summary: 'The caller’s unit’s imports waiting for confirmation',
    description:
      'Imports of the caller’s own unit not confirmed yet whose draft plan is still a draft, newest first (at most ' +
      '50): where a drafter who left the side-by-side review finds it again.',
  })
  @ApiOkResponse({ type: PendingPlanImportsResponse })
  pending(@CurrentActor() actor: Actor) {
    return this.imports.pending(actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An imported document: its text, the extraction and the draft plan' })
  @ApiOkResponse({ type: PlanImportResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'plan_import.not_found' })
  @ApiErrors(400)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.imports.get(actor, id);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm an imported draft: apply corrections, then issue it (or submit it to the parent)',
    description:
      'A plan no parent asked for is issued and its cascade starts with the draft’s child deadline; a plan that ' +
      'answers a parent’s obligation is submitted for approval. With `mode: "keep_draft"` the corrections are ' +
      'applied and the plan stays a draft (the right to draft suffices). Nothing is written when a check fails.',
  })
  @ApiOkResponse({ type: ConfirmPlanImportResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'request.validation_failed: malformed corrections' })
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'The caller may not issue (or submit) the plan; with keep_draft, may not edit it',
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'plan_import.not_found' })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'plan_import.already_confirmed, plan.not_editable, obligation.illegal_transition',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'plan.incomplete: the draft lacks required parts',
  })
  confirm(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ConfirmPlanImportDto) {
    return this.imports.confirm(actor, id, dto.changes, dto.mode);
  }
}
