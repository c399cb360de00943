import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApologizeDto,
  DossierRpc,
  OfficerAction,
  OfficerActionDto,
  OfficerActions,
  OfficerQueuePage,
  OfficerDossierView,
  OfficerQueueQuery,
  ResultFileView,
} from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { Roles } from '../auth/auth.decorators';
import { DossierFileParams, DossierParams } from '../dossiers/dossiers.dto';
import { StorageFiles } from '../files/storage-files';
import { ApiProblems } from '../problems/api-problems.decorator';
import { CallContext } from '../rpc/call-context';
import { DOSSIER_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';

class ActionParams {
  @ApiProperty()
  @IsUUID()
  id: string;

  @ApiProperty({ enum: OfficerActions })
  @IsIn(OfficerActions)
  action: OfficerAction;
}

/** Officer console: dossiers of the officer's agencies only (anything else is 404). */
@ApiTags('Cán bộ / Officer')
@ApiProblems()
@ApiBearerAuth()
@Roles('officer')
@Controller('officer/dossiers')
export class OfficerController {
  constructor(
    @Inject(DOSSIER_RPC) private readonly dossiers: RpcClient,
    private readonly files: StorageFiles,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Hồ sơ cần xử lý / Queue of my agencies: a tab (work in hand by default) with the count of every tab, overdue and due-soon first',
  })
  @ApiOkResponse({ type: OfficerQueuePage })
  queue(
    @CallContext() ctx: CallContext,
    @Query() query: OfficerQueueQuery,
  ): Promise<OfficerQueuePage> {
    return sendRpc(this.dossiers, DossierRpc.officerList, ctx, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết hồ sơ / A dossier with form data, attachments and history' })
  @ApiOkResponse({ type: OfficerDossierView })
  get(
    @CallContext() ctx: CallContext,
    @Param() params: DossierParams,
  ): Promise<OfficerDossierView> {
    return sendRpc(this.dossiers, DossierRpc.officerGet, ctx, { dossierId: params.id });
  }

  @Post(':id/actions/apologize')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Xin lỗi và hẹn lại ngày trả / Apologise and set a new due date (signed letter)',
    description:
      'Only while PROCESSING (409 `dossier.apology_not_processing` otherwise); `newDueAt` after ' +
      'the current due date and now, in working time (422 `dossier.apology_date_invalid`). ' +
      'Issues the signed apology letter, moves the due date, tells the applicant.',
  })
  @ApiOkResponse({ type: OfficerDossierView })
  apologize(
    @CallContext() ctx: CallContext,
    @Param() params: DossierParams,
    @Body() body: ApologizeDto,
  ): Promise<OfficerDossierView> {
    return sendRpc(this.dossiers, DossierRpc.officerApologize, ctx, {
      dossierId: params.id,
      ...body,
    });
  }

  @Post(':id/actions/:action')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Xử lý hồ sơ / receive, start, request-supplement, request-payment, refuse, complete, return, stop',
  })
  @ApiOkResponse({ type: OfficerDossierView })
  act(
    @CallContext() ctx: CallContext,
    @Param() params: ActionParams,
    @Body() body: OfficerActionDto,
  ): Promise<OfficerDossierView> {
    return sendRpc(this.dossiers, DossierRpc.officerAction, ctx, {
      dossierId: params.id,
      action: params.action,
      ...body,
    });
  }

  @Post(':id/results')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Tải lên kết quả / Upload a result file (multipart: file)' })
  @ApiCreatedResponse({ type: ResultFileView })
  async addResult(
    @CallContext() ctx: CallContext,
    @Param() params: DossierParams,
    @Req() request: FastifyRequest,
  ): Promise<ResultFileView> {
    const dossierId = params.id;
    await sendRpc(this.dossiers, DossierRpc.officerPrepareResult, ctx, { dossierId });
    return this.files.receive(request, ctx, 'result', (upload) =>
      sendRpc(this.dossiers, DossierRpc.officerAddResult, ctx, {
        dossierId,
        fileId: upload.file.id,
      }),
    );
  }

  @Get(':id/files/:fileId')
  @ApiOperation({ summary: 'Tải tệp của hồ sơ / Download an attachment or result' })
  async file(
    @CallContext() ctx: CallContext,
    @Param() params: DossierFileParams,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { fileId } = await sendRpc(this.dossiers, DossierRpc.authorizeFile, ctx, {
      dossierId: params.id,
      fileId: params.fileId,
    });
    await this.files.download(reply, fileId, { service: 'dossier' }, ctx);
  }
}
