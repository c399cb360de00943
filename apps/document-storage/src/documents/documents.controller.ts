import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateDocumentInput,
  DeletedDocument,
  DocumentIdInput,
  PersonalDocumentView,
  ResultDocumentInput,
  RpcRequest,
  StorageRpc,
} from '@dvc/contracts';
import { RpcHandler, RpcInput, requireCaller } from '@dvc/messaging';
import { requesterOf } from '../requester';
import { DocumentsService } from './documents.service';

/** RPC of the personal document wallet; every call is the signed-in citizen's own, but `from_result`. */
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @RpcHandler(StorageRpc.createDocument)
  create(
    @Payload(new RpcInput(CreateDocumentInput)) req: RpcRequest<CreateDocumentInput>,
  ): Promise<PersonalDocumentView> {
    return this.documents.create(requireCaller(req), req.data);
  }

  /** Services only: a delivered e-result into the citizen's wallet. */
  @RpcHandler(StorageRpc.addResultDocument)
  addResult(
    @Payload(new RpcInput(ResultDocumentInput)) req: RpcRequest<ResultDocumentInput>,
  ): Promise<PersonalDocumentView> {
    return this.documents.addResult(requesterOf(req), req.data);
  }

  @RpcHandler(StorageRpc.listDocuments)
  list(@Payload() req: RpcRequest<unknown>): Promise<PersonalDocumentView[]> {
    return this.documents.list(requireCaller(req));
  }

  @RpcHandler(StorageRpc.getDocument)
  get(
    @Payload(new RpcInput(DocumentIdInput)) req: RpcRequest<DocumentIdInput>,
  ): Promise<PersonalDocumentView> {
    return this.documents.get(requireCaller(req), req.data);
  }

  @RpcHandler(StorageRpc.deleteDocument)
  delete(
    @Payload(new RpcInput(DocumentIdInput)) req: RpcRequest<DocumentIdInput>,
  ): Promise<DeletedDocument> {
    return this.documents.delete(requireCaller(req), req.data);
  }
}
