import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AuthController } from './auth.controller';
import { JwtStrategy } from './jwt.strategy';
import { RevokedSessions } from './revoked-sessions';
import { PendingLogins } from './vneid/pending-logins';
import { VneidController } from './vneid/vneid.controller';
import { VneidLoginService } from './vneid/vneid-login.service';
import { VneidRelyingParty } from './vneid/vneid-relying-party';

/**
 * /auth routes (VNeID login under /auth/oidc), the JWT strategy the global JwtAuthGuard uses,
 * and the one RevokedSessions of the instance (the bell's streams use it too).
 */
@Module({
  imports: [PassportModule],
  controllers: [AuthController, VneidController],
  providers: [JwtStrategy, RevokedSessions, VneidLoginService, VneidRelyingParty, PendingLogins],
  exports: [RevokedSessions],
})
export class AuthModule {}
