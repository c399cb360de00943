import { Controller, Get, Header, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AgencyView,
  CatalogueRpc,
  FieldView,
  HolidayView,
  Page,
  ProcedureSummary,
  ProcedureSummaryPage,
  ProcedureView,
  SearchProceduresQuery,
} from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { Public } from '../auth/auth.decorators';
import { CallContext } from '../rpc/call-context';
import { CATALOGUE_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';
import { FormParams, HolidaysQuery, ProcedureParams } from './catalogue.dto';
import { FormTemplates } from './form-templates';
import { ApiProblems } from '../problems/api-problems.decorator';

/** Public reads change only when an admin edits the catalogue: browsers and proxies may keep them briefly. */
const PUBLIC_CACHE = 'public, max-age=60';

/** Thủ tục hành chính: the public catalogue (docs/design.md §1, §5), relayed to catalogue. */
@ApiTags('Thủ tục hành chính / Catalogue')
@ApiProblems()
@Controller()
@Public()
export class CatalogueController {
  constructor(
    @Inject(CATALOGUE_RPC) private readonly catalogue: RpcClient,
    private readonly forms: FormTemplates,
  ) {}

  @Get('procedures')
  @Header('Cache-Control', PUBLIC_CACHE)
  @ApiOperation({ summary: 'Tra cứu thủ tục / Search procedures (accent-insensitive)' })
  @ApiOkResponse({ type: ProcedureSummaryPage })
  search(
    @CallContext() ctx: CallContext,
    @Query() query: SearchProceduresQuery,
  ): Promise<Page<ProcedureSummary>> {
    return sendRpc(this.catalogue, CatalogueRpc.searchProcedures, ctx, query);
  }

  @Get('procedures/:code')
  @Header('Cache-Control', PUBLIC_CACHE)
  @ApiOperation({ summary: 'Chi tiết thủ tục / Everything about one procedure' })
  @ApiOkResponse({ type: ProcedureView })
  procedure(
    @CallContext() ctx: CallContext,
    @Param() params: ProcedureParams,
  ): Promise<ProcedureView> {
    return sendRpc(this.catalogue, CatalogueRpc.getProcedure, ctx, { code: params.code });
  }

  @Get('procedures/:code/forms/:formId')
  @ApiOperation({ summary: 'Tải mẫu đơn, tờ khai / Download a form template (DOCX/PDF)' })
  @ApiOkResponse({
    description: 'Tệp mẫu / The file, as an attachment',
    content: {
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
        schema: { type: 'string', format: 'binary' },
      },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async form(
    @CallContext() ctx: CallContext,
    @Param() params: FormParams,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.forms.open(params.code, params.formId, ctx.requestId);
    await reply
      .status(200)
      .headers({ ...file.headers, 'cache-control': PUBLIC_CACHE })
      .send(file.body);
  }

  @Get('agencies')
  @Header('Cache-Control', PUBLIC_CACHE)
  @ApiOperation({ summary: 'Cơ quan / Agencies' })
  @ApiOkResponse({ type: [AgencyView] })
  agencies(@CallContext() ctx: CallContext): Promise<AgencyView[]> {
    return sendRpc(this.catalogue, CatalogueRpc.listAgencies, ctx, {});
  }

  @Get('fields')
  @Header('Cache-Control', PUBLIC_CACHE)
  @ApiOperation({ summary: 'Lĩnh vực / Fields' })
  @ApiOkResponse({ type: [FieldView] })
  fields(@CallContext() ctx: CallContext): Promise<FieldView[]> {
    return sendRpc(this.catalogue, CatalogueRpc.listFields, ctx, {});
  }

  @Get('holidays')
  @Header('Cache-Control', PUBLIC_CACHE)
  @ApiOperation({ summary: 'Ngày nghỉ lễ, ngày làm bù / Holidays and swapped working days' })
  @ApiOkResponse({ type: [HolidayView] })
  holidays(@CallContext() ctx: CallContext, @Query() query: HolidaysQuery): Promise<HolidayView[]> {
    return sendRpc(this.catalogue, CatalogueRpc.listHolidays, ctx, { year: query.year ?? null });
  }
}
