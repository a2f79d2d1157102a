import { applyDecorators, Controller, Get, Module, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiResponse,
  getSchemaPath,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { DocumentSourcesRepository } from '@cchc/persistence';
import { Actor, CurrentActor } from '../auth/actor';
import { ErrorResponse } from '../http/error-response';
import { UuidPipe } from '../http/uuid.pipe';
import { PlansModule } from '../plans/plans.module';
import { ReportsModule } from '../reports/reports.controller';
import { ReviewQuery, RollupQuery } from '../reports/reports.dto';
import { contentDisposition } from './content-disposition';
import { DOCX, ExportFile, ExportsService, XLSX } from './exports.service';

const file = (f: ExportFile) => {
  const options = { type: f.contentType, disposition: contentDisposition(f.fileName) };
  return Buffer.isBuffer(f.body)
    ? new StreamableFile(f.body, { ...options, length: f.body.length })
    : new StreamableFile(f.body, options);
};

const binary = (type: string, description: string) =>
  ApiOkResponse({
    description,
    content: { [type]: { schema: { type: 'string', format: 'binary' } } },
    headers: {
      'Content-Disposition': {
        description: `attachment; filename="<ASCII>"; filename*=UTF-8''<tên tệp tiếng Việt>`,
        schema: { type: 'string' },
      },
    },
  });

/** Errors answer JSON (the one ErrorResponse shape) even though the success is a file. */
const errors = () =>
  applyDecorators(
    ApiExtraModels(ErrorResponse),
    ...(
      [
        [400, 'Tham số không hợp lệ'],
        [401, 'Chưa đăng nhập'],
        [403, 'Trong phạm vi nhưng không có quyền'],
        [404, 'Không có hoặc ngoài phạm vi được xem'],
      ] as const
    ).map(([status, description]) =>
      ApiResponse({
        status,
        description,
        content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponse) } } },
      }),
    ),
  );

/** Documents out: Nghị định 30 Word files and the review spreadsheet, scoped like the data they contain. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('plans/:id/document.docx')
  @ApiOperation({ summary: 'Kế hoạch (Nghị định 30/2020/NĐ-CP) as a Word file' })
  @ApiProduces(DOCX)
  @binary(DOCX, 'The plan as drafted: header, number, sections I–V, targets, deadlines, report schedule')
  @errors()
  plan(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.exports.planDocument(actor, id).then(file);
  }

  @Get('reports/:id/document.docx')
  @ApiOperation({ summary: 'A unit’s report (Báo cáo) for its period as a Word file' })
  @ApiProduces(DOCX)
  @binary(DOCX, 'Indicator table (target for the period, actual, % of target) and the narrative parts')
  @errors()
  report(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.exports.reportDocument(actor, id).then(file);
  }

  @Get('units/:id/aggregate-report.docx')
  @ApiOperation({ summary: 'Aggregated report of a unit’s subtree for a period (reviewing office or any parent)' })
  @ApiProduces(DOCX)
  @binary(
    DOCX,
    'Totals vs targets, completeness and timeliness per level, units on time / late / missing, PAR score, the children’s narrative parts',
  )
  @errors()
  aggregate(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: RollupQuery) {
    return this.exports.aggregateDocument(actor, id, q.year, q.period).then(file);
  }

  @Get('review/export.xlsx')
  @ApiOperation({ summary: 'The review as a spreadsheet: matrix, rollup per indicator and per child, late/missing' })
  @ApiProduces(XLSX)
  @binary(XLSX, 'One sheet per table; streamed')
  @errors()
  review(@CurrentActor() actor: Actor, @Query() q: ReviewQuery) {
    return this.exports.reviewWorkbook(actor, q).then(file);
  }
}

@Module({
  imports: [PlansModule, ReportsModule],
  controllers: [ExportsController],
  providers: [ExportsService, DocumentSourcesRepository],
})
export class ExportsModule {}
