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
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import {
  AnswerFeedbackDto,
  DossierRpc,
  FeedbackLookupQuery,
  FeedbackLookupView,
  FeedbackReceipt,
  OfficerFeedbackQuery,
  OfficerFeedbackView,
  Page,
  PublicFeedbackQuery,
  PublicFeedbackView,
  SubmitFeedbackDto,
} from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { OptionalAuth, Public, Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../problems/api-problems.decorator';
import { LookupRateLimit } from '../rate-limit/rate-limit';
import { CallContext } from '../rpc/call-context';
import { DOSSIER_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';

class FeedbackParams {
  @ApiProperty()
  @IsUUID()
  id: string;
}

/** Phản ánh, kiến nghị: anyone sends one (signed in, or with the captcha) and looks it up. */
@ApiTags('Phản ánh, kiến nghị / Feedback')
@ApiProblems()
@Controller('feedback')
export class FeedbackController {
  constructor(@Inject(DOSSIER_RPC) private readonly dossiers: RpcClient) {}

  @Post()
  @OptionalAuth()
  @ApiOperation({
    summary:
      'Gửi phản ánh, kiến nghị / Send feedback (signed in, or with captchaId + captchaAnswer)',
  })
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
  lookup(
    @CallContext() ctx: CallContext,
    @Query() query: FeedbackLookupQuery,
  ): Promise<FeedbackLookupView> {
    return sendRpc(this.dossiers, DossierRpc.feedbackLookup, ctx, query);
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
  constructor(@Inject(DOSSIER_RPC) private readonly dossiers: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Phản ánh, kiến nghị cần trả lời / Feedback to answer' })
  list(
    @CallContext() ctx: CallContext,
    @Query() query: OfficerFeedbackQuery,
  ): Promise<Page<OfficerFeedbackView>> {
    return sendRpc(this.dossiers, DossierRpc.feedbackOfficerList, ctx, query);
  }

  @Post(':id/answer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Trả lời phản ánh / Answer, and choose whether to publish' })
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
}
