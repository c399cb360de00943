import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AddFeedbackAttachmentInput,
  AnswerFeedbackInput,
  FeedbackAttachmentRefInput,
  FeedbackAttachmentView,
  FeedbackFileInput,
  FeedbackUploadQuotaView,
  FileAuthorizationView,
  DossierRpc,
  FeedbackLookupQuery,
  FeedbackLookupView,
  FeedbackReceipt,
  OfficerFeedbackQuery,
  OfficerFeedbackView,
  Page,
  PublicFeedbackQuery,
  PublicFeedbackView,
  RpcRequest,
  SubmitFeedbackDto,
} from '@dvc/contracts';
import { RpcHandler, RpcInput, requireCaller } from '@dvc/messaging';
import { onBehalfOf } from '../rpc/on-behalf-of';
import { FeedbackService } from './feedback.service';

/** Phản ánh, kiến nghị: submit (signed in or with the captcha), look up, answer, public list. */
@Controller()
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @RpcHandler(DossierRpc.feedbackSubmit)
  submit(
    @Payload(new RpcInput(SubmitFeedbackDto)) req: RpcRequest<SubmitFeedbackDto>,
  ): Promise<FeedbackReceipt> {
    return this.feedback.submit(req.caller, req.data, onBehalfOf(req, req.caller));
  }

  @RpcHandler(DossierRpc.feedbackLookup)
  lookup(
    @Payload(new RpcInput(FeedbackLookupQuery)) req: RpcRequest<FeedbackLookupQuery>,
  ): Promise<FeedbackLookupView> {
    return this.feedback.lookup(req.data);
  }

  @RpcHandler(DossierRpc.feedbackOfficerList)
  list(
    @Payload(new RpcInput(OfficerFeedbackQuery)) req: RpcRequest<OfficerFeedbackQuery>,
  ): Promise<Page<OfficerFeedbackView>> {
    return this.feedback.listForOfficer(requireCaller(req), req.data);
  }

  @RpcHandler(DossierRpc.feedbackAnswer)
  answer(
    @Payload(new RpcInput(AnswerFeedbackInput)) req: RpcRequest<AnswerFeedbackInput>,
  ): Promise<OfficerFeedbackView> {
    const caller = requireCaller(req);
    return this.feedback.answer(caller, req.data, onBehalfOf(req, caller));
  }

  @RpcHandler(DossierRpc.feedbackPublicList)
  published(
    @Payload(new RpcInput(PublicFeedbackQuery)) req: RpcRequest<PublicFeedbackQuery>,
  ): Promise<Page<PublicFeedbackView>> {
    return this.feedback.listPublished(req.data);
  }

  @RpcHandler(DossierRpc.feedbackPrepareAttachment)
  prepareAttachment(
    @Payload(new RpcInput(FeedbackAttachmentRefInput)) req: RpcRequest<FeedbackAttachmentRefInput>,
  ): Promise<FeedbackUploadQuotaView> {
    return this.feedback.prepareAttachment(req.data);
  }

  @RpcHandler(DossierRpc.feedbackAddAttachment)
  addAttachment(
    @Payload(new RpcInput(AddFeedbackAttachmentInput)) req: RpcRequest<AddFeedbackAttachmentInput>,
  ): Promise<FeedbackAttachmentView> {
    return this.feedback.addAttachment(req.data, onBehalfOf(req, req.caller));
  }

  @RpcHandler(DossierRpc.feedbackAuthorizeFile)
  authorizeFile(
    @Payload(new RpcInput(FeedbackFileInput)) req: RpcRequest<FeedbackFileInput>,
  ): Promise<FileAuthorizationView> {
    return this.feedback.authorizeFile(requireCaller(req), req.data);
  }
}
