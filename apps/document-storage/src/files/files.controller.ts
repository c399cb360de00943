import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ClaimFilesInput,
  ClaimFilesResult,
  CopyFileInput,
  FileIdInput,
  FinalizeUploadInput,
  PresignUploadInput,
  PresignedUploadRpc,
  PresignedUploadView,
  RpcRequest,
  StorageRpc,
  StoredFileView,
} from '@dvc/contracts';
import { RpcHandler, RpcInput } from '@dvc/messaging';
import { requesterOf } from '../requester';
import { FilesService } from './files.service';
import { UploadsService } from './uploads.service';

/** RPC on stored files. The bytes themselves travel over the internal HTTP API only. */
@Controller()
export class FilesController {
  constructor(
    private readonly files: FilesService,
    private readonly uploads: UploadsService,
  ) {}

  @RpcHandler(StorageRpc.getFile)
  get(@Payload(new RpcInput(FileIdInput)) req: RpcRequest<FileIdInput>): Promise<StoredFileView> {
    return this.files.get(requesterOf(req), req.data);
  }

  @RpcHandler(StorageRpc.deleteFile)
  delete(
    @Payload(new RpcInput(FileIdInput)) req: RpcRequest<FileIdInput>,
  ): Promise<StoredFileView> {
    return this.files.delete(requesterOf(req), req.data);
  }

  @RpcHandler(StorageRpc.copyFile)
  copy(
    @Payload(new RpcInput(CopyFileInput)) req: RpcRequest<CopyFileInput>,
  ): Promise<StoredFileView> {
    return this.files.copy(requesterOf(req), req.data);
  }

  @RpcHandler(StorageRpc.claimFiles)
  claim(
    @Payload(new RpcInput(ClaimFilesInput)) req: RpcRequest<ClaimFilesInput>,
  ): Promise<ClaimFilesResult> {
    return this.files.claim(requesterOf(req), req.data);
  }

  /** For systems that upload without the gateway (agency results); services only. */
  @RpcHandler(PresignedUploadRpc.presignUpload)
  presignUpload(
    @Payload(new RpcInput(PresignUploadInput)) req: RpcRequest<PresignUploadInput>,
  ): Promise<PresignedUploadView> {
    return this.uploads.presign(requesterOf(req), req.data);
  }

  @RpcHandler(PresignedUploadRpc.finalize)
  finalize(
    @Payload(new RpcInput(FinalizeUploadInput)) req: RpcRequest<FinalizeUploadInput>,
  ): Promise<StoredFileView> {
    return this.uploads.finalize(requesterOf(req), req.data, req.correlationId);
  }
}
