import {
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
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
import { IsUUID } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CreatePersonalDocumentDto, PersonalDocumentView, StorageRpc } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { StorageFiles } from '../files/storage-files';
import { validateFields } from '../files/validate-fields';
import { ApiProblems } from '../problems/api-problems.decorator';
import { CallContext } from '../rpc/call-context';
import { STORAGE_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';

class DocumentParams {
  @ApiProperty()
  @IsUUID()
  id: string;
}

/** Giấy tờ cá nhân: the signed-in citizen's document wallet; anyone else's document is 404. */
@ApiTags('Tài khoản / Me')
@ApiProblems()
@ApiBearerAuth()
@Controller('me/documents')
export class DocumentsController {
  constructor(
    @Inject(STORAGE_RPC) private readonly storage: RpcClient,
    private readonly files: StorageFiles,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Giấy tờ cá nhân / My documents' })
  @ApiOkResponse({ type: [PersonalDocumentView] })
  list(@CallContext() ctx: CallContext): Promise<PersonalDocumentView[]> {
    return sendRpc(this.storage, StorageRpc.listDocuments, ctx, {});
  }

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Thêm giấy tờ / Add a document (multipart: file, type, title, number?, issuedAt?)',
    description:
      'Each account keeps at most WALLET_MAX_DOCUMENTS documents of WALLET_MAX_BYTES in all ' +
      '(100 and 200 MB by default): past either, 409 `document.wallet_full` with `maxDocuments`, ' +
      '`maxBytes`, `usedDocuments` and `usedBytes`, and the uploaded file is discarded.',
  })
  @ApiCreatedResponse({ type: PersonalDocumentView })
  create(
    @CallContext() ctx: CallContext,
    @Req() request: FastifyRequest,
  ): Promise<PersonalDocumentView> {
    return this.files.receive(request, ctx, 'wallet', async (upload) => {
      const fields = await validateFields(CreatePersonalDocumentDto, upload.fields);
      return sendRpc(this.storage, StorageRpc.createDocument, ctx, {
        fileId: upload.file.id,
        ...fields,
      });
    });
  }

  @Get(':id/content')
  @ApiOperation({ summary: 'Xem tệp giấy tờ / Download a document' })
  async content(
    @CallContext() ctx: CallContext,
    @Param() params: DocumentParams,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const document = await sendRpc(this.storage, StorageRpc.getDocument, ctx, {
      documentId: params.id,
    });
    await this.files.download(reply, document.fileId, { ownerId: ctx.caller!.accountId }, ctx);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Xoá giấy tờ / Delete a document' })
  async remove(@CallContext() ctx: CallContext, @Param() params: DocumentParams): Promise<void> {
    await sendRpc(this.storage, StorageRpc.deleteDocument, ctx, { documentId: params.id });
  }
}
