import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AddAttachmentInput,
  AttachFromDocumentInput,
  AttachmentView,
  ComponentRefInput,
  DossierRpc,
  RemoveAttachmentInput,
  RemovedView,
  RpcRequest,
  UploadQuotaView,
} from '@dvc/contracts';
import { RpcHandler, RpcInput, requireCaller } from '@dvc/messaging';
import { onBehalfOf } from '../rpc/on-behalf-of';
import { AttachmentsService } from './attachments.service';

@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @RpcHandler(DossierRpc.prepareAttachment)
  prepare(
    @Payload(new RpcInput(ComponentRefInput)) req: RpcRequest<ComponentRefInput>,
  ): Promise<UploadQuotaView> {
    return this.attachments.prepare(requireCaller(req), req.data);
  }

  @RpcHandler(DossierRpc.addAttachment)
  add(
    @Payload(new RpcInput(AddAttachmentInput)) req: RpcRequest<AddAttachmentInput>,
  ): Promise<AttachmentView> {
    const caller = requireCaller(req);
    return this.attachments.add(caller, req.data, onBehalfOf(req, caller));
  }

  @RpcHandler(DossierRpc.attachFromDocument)
  attachFromDocument(
    @Payload(new RpcInput(AttachFromDocumentInput)) req: RpcRequest<AttachFromDocumentInput>,
  ): Promise<AttachmentView> {
    const caller = requireCaller(req);
    return this.attachments.attachFromDocument(caller, req.data, onBehalfOf(req, caller));
  }

  @RpcHandler(DossierRpc.removeAttachment)
  remove(
    @Payload(new RpcInput(RemoveAttachmentInput)) req: RpcRequest<RemoveAttachmentInput>,
  ): Promise<RemovedView> {
    const caller = requireCaller(req);
    return this.attachments.remove(caller, req.data, onBehalfOf(req, caller));
  }
}
