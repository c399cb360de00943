import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CatalogueRpc,
  ImportResult,
  ProcedureView,
  CatalogueErrors,
  DomainError,
} from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { Roles } from '../auth/auth.decorators';
import { CallContext } from '../rpc/call-context';
import { CATALOGUE_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';
import { ImportProceduresDto, ProcedureParams } from './catalogue.dto';
import { JsonObjectPipe } from './json-object.pipe';
import { ApiProblems } from '../problems/api-problems.decorator';

const PROCEDURE_BODY = {
  description: 'ProcedureSeed (same shape as the seed; validated by catalogue)',
  schema: { type: 'object' },
};

/**
 * Quản trị danh mục thủ tục (role admin). The procedure itself is checked by catalogue
 * against the JSON Schema it shares with the seed; the gateway only makes sure it is an object.
 */
@ApiTags('Quản trị / Admin')
@ApiProblems()
@ApiBearerAuth()
@Controller('admin/procedures')
@Roles('admin')
export class AdminProceduresController {
  constructor(@Inject(CATALOGUE_RPC) private readonly catalogue: RpcClient) {}

  @Post()
  @ApiOperation({ summary: 'Thêm thủ tục / Create (or replace) a procedure' })
  @ApiBody(PROCEDURE_BODY)
  @ApiCreatedResponse({ type: ProcedureView })
  create(
    @CallContext() ctx: CallContext,
    @Body(JsonObjectPipe) body: Record<string, unknown>,
  ): Promise<ProcedureView> {
    return sendRpc(this.catalogue, CatalogueRpc.upsertProcedure, ctx, body);
  }

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Nhập danh mục / Import procedures in bulk' })
  @ApiOkResponse({ type: ImportResult })
  import(
    @CallContext() ctx: CallContext,
    @Body() body: ImportProceduresDto,
  ): Promise<ImportResult> {
    return sendRpc(this.catalogue, CatalogueRpc.importProcedures, ctx, {
      procedures: body.procedures,
    });
  }

  @Put(':code')
  @ApiOperation({ summary: 'Cập nhật thủ tục / Replace a procedure' })
  @ApiBody(PROCEDURE_BODY)
  @ApiOkResponse({ type: ProcedureView })
  update(
    @CallContext() ctx: CallContext,
    @Param() params: ProcedureParams,
    @Body(JsonObjectPipe) body: Record<string, unknown>,
  ): Promise<ProcedureView> {
    if (body.code !== undefined && body.code !== params.code) {
      throw new DomainError(CatalogueErrors.procedureCodeMismatch, {
        errors: [{ field: 'code', message: `must be ${params.code}` }],
      });
    }
    return sendRpc(this.catalogue, CatalogueRpc.upsertProcedure, ctx, {
      ...body,
      code: params.code,
    });
  }
}
