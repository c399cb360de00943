import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PersonalDocumentView, RpcRequest, StorageRpc } from '@dvc/contracts';
import { RpcInput, requireCaller } from '@dvc/messaging';
import { CreateDocumentInput, DeletedDocument, DocumentIdInput } from './documents.dto';
import { DocumentsService } from './documents.service';

/** RPC of the personal document wallet; every call is the signed-in citizen's own. */
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @MessagePattern(StorageRpc.createDocument)
  create(
    @Payload(new RpcInput(CreateDocumentInput)) req: RpcRequest<CreateDocumentInput>,
  ): Promise<PersonalDocumentView> {
    return this.documents.create(requireCaller(req), req.data);
  }

  @MessagePattern(StorageRpc.listDocuments)
  list(@Payload() req: RpcRequest<unknown>): Promise<PersonalDocumentView[]> {
    return this.documents.list(requireCaller(req));
  }

  @MessagePattern(StorageRpc.getDocument)
  get(
    @Payload(new RpcInput(DocumentIdInput)) req: RpcRequest<DocumentIdInput>,
  ): Promise<PersonalDocumentView> {
    return this.documents.get(requireCaller(req), req.data);
  }

  @MessagePattern(StorageRpc.deleteDocument)
  delete(
    @Payload(new RpcInput(DocumentIdInput)) req: RpcRequest<DocumentIdInput>,
  ): Promise<DeletedDocument> {
    return this.documents.delete(requireCaller(req), req.data);
  }
}
