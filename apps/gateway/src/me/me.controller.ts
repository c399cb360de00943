import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ChangePasswordDto, IdentityRpc, ProfileView, UpdateProfileDto } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { CallContext } from '../rpc/call-context';
import { IDENTITY_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';
import { ApiProblems } from '../problems/api-problems.decorator';

/** Hồ sơ tài khoản của người đang đăng nhập: identity answers for `caller.accountId` only. */
@ApiTags('Tài khoản / Me')
@ApiProblems()
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(@Inject(IDENTITY_RPC) private readonly identity: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Thông tin tài khoản / My profile' })
  @ApiOkResponse({ type: ProfileView })
  profile(@CallContext() ctx: CallContext): Promise<ProfileView> {
    return sendRpc(this.identity, IdentityRpc.getProfile, ctx, {});
  }

  @Patch()
  @ApiOperation({ summary: 'Cập nhật thông tin / Update my profile' })
  @ApiOkResponse({ type: ProfileView })
  update(@CallContext() ctx: CallContext, @Body() body: UpdateProfileDto): Promise<ProfileView> {
    return sendRpc(this.identity, IdentityRpc.updateProfile, ctx, body);
  }

  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Đổi mật khẩu / Change my password' })
  @ApiNoContentResponse()
  async changePassword(
    @CallContext() ctx: CallContext,
    @Body() body: ChangePasswordDto,
  ): Promise<void> {
    await sendRpc(this.identity, IdentityRpc.changePassword, ctx, body);
  }
}
