import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RpcRequest, StorageRpc, StoredFileView } from '@dvc/contracts';
import { RpcInput } from '@dvc/messaging';
import { requesterOf } from '../requester';
import { ClaimFilesInput, ClaimFilesResult, CopyFileInput, FileIdInput } from './files.dto';
import { FilesService } from './files.service';

/** RPC on stored files. The bytes themselves travel over the internal HTTP API only. */
@Controller()
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @MessagePattern(StorageRpc.getFile)
  get(@Payload(new RpcInput(FileIdInput)) req: RpcRequest<FileIdInput>): Promise<StoredFileView> {
    return this.files.get(requesterOf(req), req.data);
  }

  @MessagePattern(StorageRpc.deleteFile)
  delete(
    @Payload(new RpcInput(FileIdInput)) req: RpcRequest<FileIdInput>,
  ): Promise<StoredFileView> {
    return this.files.delete(requesterOf(req), req.data);
  }

  @MessagePattern(StorageRpc.copyFile)
  copy(
    @Payload(new RpcInput(CopyFileInput)) req: RpcRequest<CopyFileInput>,
  ): Promise<StoredFileView> {
    return this.files.copy(requesterOf(req), req.data);
  }

  @MessagePattern(StorageRpc.claimFiles)
  claim(
    @Payload(new RpcInput(ClaimFilesInput)) req: RpcRequest<ClaimFilesInput>,
  ): Promise<ClaimFilesResult> {
    return this.files.claim(requesterOf(req), req.data);
  }
}
