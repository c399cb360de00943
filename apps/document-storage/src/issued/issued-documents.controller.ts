import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  IssueDocumentInput,
  IssueResultInput,
  IssuedDocumentView,
  RpcRequest,
  StorageRpc,
  VerificationView,
  VerifyCodeInput,
} from '@dvc/contracts';
import { RpcHandler, RpcInput } from '@dvc/messaging';
import { requesterOf } from '../requester';
import { IssuedDocumentsService } from './issued-documents.service';

/** RPC on issued (signed) documents. */
@Controller()
export class IssuedDocumentsController {
  constructor(private readonly issued: IssuedDocumentsService) {}

  @RpcHandler(StorageRpc.issueResult)
  issueResult(
    @Payload(new RpcInput(IssueResultInput)) req: RpcRequest<IssueResultInput>,
  ): Promise<IssuedDocumentView> {
    return this.issued.issueResult(requesterOf(req), req.data);
  }

  @RpcHandler(StorageRpc.issueDocument)
  issueDocument(
    @Payload(new RpcInput(IssueDocumentInput)) req: RpcRequest<IssueDocumentInput>,
  ): Promise<IssuedDocumentView> {
    return this.issued.issueDocument(requesterOf(req), req.data);
  }

  /** Anyone may verify: no caller needed, and the answer holds no personal data. */
  @RpcHandler(StorageRpc.verify)
  verify(
    @Payload(new RpcInput(VerifyCodeInput)) req: RpcRequest<VerifyCodeInput>,
  ): Promise<VerificationView> {
    return this.issued.verifyCode(req.data);
  }
}
