import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AttachFromDocumentDto,
  AttachmentView,
  CitizenNoteDto,
  CreateDossierDto,
  DossierRpc,
  DossierSummary,
  DossierSummaryPage,
  DossierView,
  ListDossiersQuery,
  Page,
  RateDossierDto,
  RatingView,
  SubmitResult,
  UpdateDossierDto,
} from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { Roles } from '../auth/auth.decorators';
import { StorageFiles } from '../files/storage-files';
import { validateFields } from '../files/validate-fields';
import { ApiProblems } from '../problems/api-problems.decorator';
import { CallContext } from '../rpc/call-context';
import { DOSSIER_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';
import {
  AttachmentFieldsDto,
  DossierAttachmentParams,
  DossierFileParams,
  DossierParams,
} from './dossiers.dto';
import { IdempotencyKey } from './idempotency-key';

/** Hồ sơ của tôi: a citizen's own dossiers (anyone else's answer 404, docs/design.md §5). */
@ApiTags('Hồ sơ / Dossiers')
@ApiProblems()
@ApiBearerAuth()
@Roles('citizen')
@Controller('dossiers')
export class DossiersController {
  constructor(
    @Inject(DOSSIER_RPC) private readonly dossiers: RpcClient,
    private readonly files: StorageFiles,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Tạo hồ sơ nháp / Start a draft (levels 3–4 only)' })
  @ApiCreatedResponse({ type: DossierView })
  create(@CallContext() ctx: CallContext, @Body() body: CreateDossierDto): Promise<DossierView> {
    return sendRpc(this.dossiers, DossierRpc.create, ctx, body);
  }

  @Get()
  @ApiOperation({ summary: 'Hồ sơ của tôi / My dossiers' })
  @ApiOkResponse({ type: DossierSummaryPage })
  list(
    @CallContext() ctx: CallContext,
    @Query() query: ListDossiersQuery,
  ): Promise<Page<DossierSummary>> {
    return sendRpc(this.dossiers, DossierRpc.list, ctx, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết hồ sơ / One of my dossiers' })
  @ApiOkResponse({ type: DossierView })
  get(@CallContext() ctx: CallContext, @Param() params: DossierParams): Promise<DossierView> {
    return sendRpc(this.dossiers, DossierRpc.get, ctx, { dossierId: params.id });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Lưu tờ khai, cách nhận kết quả / Save form data and delivery' })
  @ApiOkResponse({ type: DossierView })
  update(
    @CallContext() ctx: CallContext,
    @Param() params: DossierParams,
    @Body() body: UpdateDossierDto,
  ): Promise<DossierView> {
    return sendRpc(this.dossiers, DossierRpc.update, ctx, { dossierId: params.id, ...body });
  }

  @Post(':id/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Đính kèm tệp vào thành phần hồ sơ / Attach a file (multipart: componentId, file)',
  })
  @ApiCreatedResponse({ type: AttachmentView })
  attach(
    @CallContext() ctx: CallContext,
    @Param() params: DossierParams,
    @Req() request: FastifyRequest,
  ): Promise<AttachmentView> {
    const dossierId = params.id;
    return this.files.receive(
      request,
      ctx,
      'attachment',
      async (upload) => {
        const { componentId } = await validateFields(AttachmentFieldsDto, upload.fields);
        return sendRpc(this.dossiers, DossierRpc.addAttachment, ctx, {
          dossierId,
          componentId,
          fileId: upload.file.id,
        });
      },
      // componentId sent before the file: check the slot and the quota before any byte moves.
      async (fields) => {
        if (!fields.componentId) return undefined;
        const { componentId } = await validateFields(AttachmentFieldsDto, {
          componentId: fields.componentId,
        });
        const quota = await sendRpc(this.dossiers, DossierRpc.prepareAttachment, ctx, {
          dossierId,
          componentId,
        });
        return quota.remainingBytes;
      },
    );
  }

  @Post(':id/attachments/from-document')
  @ApiOperation({ summary: 'Đính kèm từ giấy tờ cá nhân / Attach a document from my wallet' })
  @ApiCreatedResponse({ type: AttachmentView })
  attachFromDocument(
    @CallContext() ctx: CallContext,
    @Param() params: DossierParams,
    @Body() body: AttachFromDocumentDto,
  ): Promise<AttachmentView> {
    return sendRpc(this.dossiers, DossierRpc.attachFromDocument, ctx, {
      dossierId: params.id,
      ...body,
    });
  }

  @Delete(':id/attachments/:attachmentId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Gỡ tệp đính kèm / Remove an attachment' })
  async detach(
    @CallContext() ctx: CallContext,
    @Param() params: DossierAttachmentParams,
  ): Promise<void> {
    await sendRpc(this.dossiers, DossierRpc.removeAttachment, ctx, {
      dossierId: params.id,
      attachmentId: params.attachmentId,
    });
  }

  @Post(':id/submit')
  @HttpCode(HttpStatus.OK)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key → same answer, one dossier',
  })
  @ApiOperation({ summary: 'Nộp hồ sơ / Submit → { code, lookupKey, status }' })
  @ApiOkResponse({ type: SubmitResult })
  submit(
    @CallContext() ctx: CallContext,
    @Param() params: DossierParams,
    @IdempotencyKey() idempotencyKey: string | null,
  ): Promise<SubmitResult> {
    return sendRpc(this.dossiers, DossierRpc.submit, ctx, { dossierId: params.id, idempotencyKey });
  }

  @Post(':id/supplement')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Bổ sung hồ sơ / Send the requested supplement' })
  @ApiOkResponse({ type: DossierView })
  supplement(
    @CallContext() ctx: CallContext,
    @Param() params: DossierParams,
    @Body() body: CitizenNoteDto,
  ): Promise<DossierView> {
    return sendRpc(this.dossiers, DossierRpc.supplement, ctx, { dossierId: params.id, ...body });
  }

  @Post(':id/withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Yêu cầu rút hồ sơ / Ask to withdraw' })
  @ApiOkResponse({ type: DossierView })
  withdraw(
    @CallContext() ctx: CallContext,
    @Param() params: DossierParams,
    @Body() body: CitizenNoteDto,
  ): Promise<DossierView> {
    return sendRpc(this.dossiers, DossierRpc.withdraw, ctx, { dossierId: params.id, ...body });
  }

  @Post(':id/rating')
  @ApiOperation({
    summary: 'Đánh giá mức độ hài lòng / Rate a finished dossier (once, after its result)',
  })
  @ApiCreatedResponse({ type: RatingView })
  rate(
    @CallContext() ctx: CallContext,
    @Param() params: DossierParams,
    @Body() body: RateDossierDto,
  ): Promise<RatingView> {
    return sendRpc(this.dossiers, DossierRpc.rate, ctx, { dossierId: params.id, ...body });
  }

  @Get(':id/results/:fileId')
  @ApiOperation({
    summary: 'Tải kết quả / Download a result file',
    description:
      'Only from RESULT_READY on (RETURNED included), so never while a requested fee is unpaid, ' +
      'and not after REFUSED or STOPPED: otherwise 404 `file.not_found`, as for a file that is ' +
      'not there. The dossier view lists results under the same rule.',
  })
  async result(
    @CallContext() ctx: CallContext,
    @Param() params: DossierFileParams,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.download(ctx, params, reply);
  }

  @Get(':id/receipt')
  @ApiOperation({
    summary:
      'Tải giấy tiếp nhận hồ sơ và hẹn trả kết quả / Download the signed receipt of a received dossier',
    description:
      'Signed by the agency (QR code to /xac-thuc/<code>) the first time it is asked for; ' +
      '404 `file.not_found` before the dossier is received.',
  })
  async receipt(
    @CallContext() ctx: CallContext,
    @Param() params: DossierParams,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { fileId } = await sendRpc(this.dossiers, DossierRpc.receipt, ctx, {
      dossierId: params.id,
    });
    await this.files.download(reply, fileId, { service: 'dossier' }, ctx);
  }

  @Get(':id/files/:fileId')
  @ApiOperation({ summary: 'Tải tệp đã đính kèm / Download one of my attachments' })
  async file(
    @CallContext() ctx: CallContext,
    @Param() params: DossierFileParams,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.download(ctx, params, reply);
  }

  private async download(
    ctx: CallContext,
    params: DossierFileParams,
    reply: FastifyReply,
  ): Promise<void> {
    const { fileId } = await sendRpc(this.dossiers, DossierRpc.authorizeFile, ctx, {
      dossierId: params.id,
      fileId: params.fileId,
    });
    await this.files.download(reply, fileId, { service: 'dossier' }, ctx);
  }
}
