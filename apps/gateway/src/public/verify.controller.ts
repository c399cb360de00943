import { Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { StorageRpc, VerificationView } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { Public } from '../auth/auth.decorators';
import { StorageFiles } from '../files/storage-files';
import { ApiProblems } from '../problems/api-problems.decorator';
import { CallContext } from '../rpc/call-context';
import { STORAGE_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';

class VerificationParams {
  /** Typed off paper: case does not matter. */
  @ApiProperty({ example: 'K7MX2QP9RTWA' })
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @Matches(/^[A-Z0-9]{4,32}$/, { message: 'mã xác thực gồm chữ và số' })
  code: string;
}

/**
 * Xác thực giấy tờ điện tử: anyone (a bank, an employer, another agency) checks a document
 * the portal issued, by the code under its QR or by the file itself. No personal data.
 */
@ApiTags('Xác thực / Verification')
@ApiProblems()
@Public()
@Controller('public/verify')
export class VerifyController {
  constructor(
    @Inject(STORAGE_RPC) private readonly storage: RpcClient,
    private readonly files: StorageFiles,
  ) {}

  @Get(':code')
  @ApiOperation({ summary: 'Xác thực theo mã / Verify by the code under the QR' })
  @ApiOkResponse({ type: VerificationView })
  byCode(
    @CallContext() ctx: CallContext,
    @Param() params: VerificationParams,
  ): Promise<VerificationView> {
    return sendRpc(this.storage, StorageRpc.verify, ctx, { verificationCode: params.code });
  }

  @Post()
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Xác thực tệp PDF / Verify a PDF (multipart: file)' })
  @ApiOkResponse({ type: VerificationView })
  byFile(
    @CallContext() ctx: CallContext,
    @Req() request: FastifyRequest,
  ): Promise<VerificationView> {
    return this.files.verify(request, ctx);
  }
}
