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
import { IsString, IsUUID, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AnswerFeedbackDto,
  DomainError,
  DossierRpc,
  FeedbackAttachmentView,
  FeedbackErrors,
  FeedbackLookupQuery,
  FeedbackLookupView,
  FeedbackReceipt,
  OfficerFeedbackPage,
  OfficerFeedbackQuery,
  OfficerFeedbackView,
  Page,
  PublicFeedbackPage,
  PublicFeedbackQuery,
  PublicFeedbackView,
  StorageRpc,
  SubmitFeedbackDto,
} from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { StorageFiles } from '../files/storage-files';
import { readMultipartUpload } from '../files/multipart-upload';
import { OptionalAuth, Public, Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../problems/api-problems.decorator';
import { LookupRateLimit } from '../rate-limit/rate-limit';
import { CallContext } from '../rpc/call-context';
import { DOSSIER_RPC, STORAGE_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';

class FeedbackParams {
  @ApiProperty()
  @IsUUID()
  id: string;
}

class FeedbackCodeParams {
  @ApiProperty({ example: 'PAKN-261207-0001' })
  @IsString()
  @MaxLength(32)
  code: string;
}

class FeedbackFileParams extends FeedbackParams {
  @ApiProperty()
  @IsUUID()
  fileId: string;
}

/** Phản ánh, kiến nghị: anyone sends one (signed in, or with the captcha) and looks it up. */
@ApiTags('Phản ánh, kiến nghị / Feedback')
@ApiProblems()
@Controller('feedback')
export class FeedbackController {
  constructor(
    @Inject(DOSSIER_RPC) private readonly dossiers: RpcClient,
    @Inject(STORAGE_RPC) private readonly storage: RpcClient,
    private readonly files: StorageFiles,
  ) {}

  @Post()
  @OptionalAuth()
  @ApiOperation({
    summary:
      'Gửi phản ánh, kiến nghị / Send feedback (signed in, or with captchaId + captchaAnswer)',
  })
  @ApiCreatedResponse({ type: FeedbackReceipt })
  submit(
    @CallContext() ctx: CallContext,
    @Body() body: SubmitFeedbackDto,
  ): Promise<FeedbackReceipt> {
    return sendRpc(this.dossiers, DossierRpc.feedbackSubmit, ctx, body);
  }

  @Get('lookup')
  @Public()
  @LookupRateLimit()
  @ApiOperation({ summary: 'Tra cứu phản ánh / Look up feedback by code and key' })
  @ApiOkResponse({ type: FeedbackLookupView })
  lookup(
    @CallContext() ctx: CallContext,
    @Query() query: FeedbackLookupQuery,
  ): Promise<FeedbackLookupView> {
    return sendRpc(this.dossiers, DossierRpc.feedbackLookup, ctx, query);
  }

  /**
   * Tệp đính kèm: the asker (signed in or not) adds a file with the code and key of the
   * receipt, `key` sent before `file`. The body streams to document-storage as the PAKN's
   * file, checked there like a dossier's (type, size within what is left, scan).
   */
  @Post(':code/attachments')
  @OptionalAuth()
  @LookupRateLimit()
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'Đính kèm tệp vào phản ánh / Attach a file (multipart: key, then file; PDF, JPEG, PNG, DOCX, XLSX)',
  })
  @ApiCreatedResponse({ type: FeedbackAttachmentView })
  async attach(
    @CallContext() ctx: CallContext,
    @Param() params: FeedbackCodeParams,
    @Req() request: FastifyRequest,
  ): Promise<FeedbackAttachmentView> {
    let key = '';
    let feedbackId = '';
    const upload = await readMultipartUpload(
      request,
      (file, maxBytes) =>
        this.files.upload(
          file.stream,
          { ownerId: feedbackId, purpose: 'attachment', fileName: file.fileName, maxBytes },
          ctx.requestId,
        ),
      async (fields) => {
        if (!fields.key) throw new DomainError(FeedbackErrors.keyBeforeFile);
        key = fields.key;
        const quota = await sendRpc(this.dossiers, DossierRpc.feedbackPrepareAttachment, ctx, {
          code: params.code,
          key,
        });
        feedbackId = quota.feedbackId;
        return quota.remainingBytes;
      },
    );
    try {
      return await sendRpc(this.dossiers, DossierRpc.feedbackAddAttachment, ctx, {
        code: params.code,
        key,
        fileId: upload.file.id,
      });
    } catch (err) {
      // Stored as the PAKN's, not the caller's: the gateway removes it as a service.
      await sendRpc(
        this.storage,
        StorageRpc.deleteFile,
        { ...ctx, caller: null },
        {
          fileId: upload.file.id,
          internal: true,
        },
      ).catch(() => undefined);
      throw err;
    }
  }
}

/** Published questions and answers, without who asked. */
@ApiTags('Phản ánh, kiến nghị / Feedback')
@ApiProblems()
@Public()
@Controller('public/feedback')
export class PublicFeedbackController {
  constructor(@Inject(DOSSIER_RPC) private readonly dossiers: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Câu hỏi và trả lời đã công khai / Published answers' })
  @ApiOkResponse({ type: PublicFeedbackPage })
  list(
    @CallContext() ctx: CallContext,
    @Query() query: PublicFeedbackQuery,
  ): Promise<Page<PublicFeedbackView>> {
    return sendRpc(this.dossiers, DossierRpc.feedbackPublicList, ctx, query);
  }
}

/** The agency's questions: officers list and answer those of their agencies (others are 404). */
@ApiTags('Cán bộ / Officer')
@ApiProblems()
@ApiBearerAuth()
@Roles('officer', 'admin')
@Controller('officer/feedback')
export class OfficerFeedbackController {
  constructor(
    @Inject(DOSSIER_RPC) private readonly dossiers: RpcClient,
    private readonly files: StorageFiles,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Phản ánh, kiến nghị cần trả lời / Feedback to answer' })
  @ApiOkResponse({ type: OfficerFeedbackPage })
  list(
    @CallContext() ctx: CallContext,
    @Query() query: OfficerFeedbackQuery,
  ): Promise<Page<OfficerFeedbackView>> {
    return sendRpc(this.dossiers, DossierRpc.feedbackOfficerList, ctx, query);
  }

  @Post(':id/answer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Trả lời phản ánh / Answer, and choose whether to publish' })
  @ApiOkResponse({ type: OfficerFeedbackView })
  answer(
    @CallContext() ctx: CallContext,
    @Param() params: FeedbackParams,
    @Body() body: AnswerFeedbackDto,
  ): Promise<OfficerFeedbackView> {
    return sendRpc(this.dossiers, DossierRpc.feedbackAnswer, ctx, {
      feedbackId: params.id,
      ...body,
    });
  }

  @Get(':id/attachments/:fileId')
  @ApiOperation({ summary: 'Tải tệp đính kèm của phản ánh / Download a file of the feedback' })
  async file(
    @CallContext() ctx: CallContext,
    @Param() params: FeedbackFileParams,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { fileId } = await sendRpc(this.dossiers, DossierRpc.feedbackAuthorizeFile, ctx, {
      feedbackId: params.id,
      fileId: params.fileId,
    });
    await this.files.download(reply, fileId, { service: 'dossier' }, ctx);
  }
}
