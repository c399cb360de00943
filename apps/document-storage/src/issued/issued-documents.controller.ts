import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IssuedDocumentView, RpcRequest, StorageRpc, VerificationView } from '@dvc/contracts';
import { RpcInput } from '@dvc/messaging';
import { requesterOf } from '../requester';
import { IssueResultInput, VerifyCodeInput } from './issued-documents.dto';
import { IssuedDocumentsService } from './issued-documents.service';

/** RPC on issued (signed) documents. */
@Controller()
export class IssuedDocumentsController {
  constructor(private readonly issued: IssuedDocumentsService) {}

  @MessagePattern(StorageRpc.issueResult)
  issueResult(
    @Payload(new RpcInput(IssueResultInput)) req: RpcRequest<IssueResultInput>,
  ): Promise<IssuedDocumentView> {
    return this.issued.issueResult(requesterOf(req), req.data);
  }

  /** Anyone may verify: no caller needed, and the answer holds no personal data. */
  @MessagePattern(StorageRpc.verify)
  verify(
    @Payload(new RpcInput(VerifyCodeInput)) req: RpcRequest<VerifyCodeInput>,
  ): Promise<VerificationView> {
    return this.issued.verifyCode(req.data);
  }
}
