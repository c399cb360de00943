import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AuthController } from './auth.controller';
import { JwtStrategy } from './jwt.strategy';
import { RevokedSessions } from './revoked-sessions';

/** /auth routes and the JWT strategy the global JwtAuthGuard uses. */
@Module({
  imports: [PassportModule],
  controllers: [AuthController],
  providers: [JwtStrategy, RevokedSessions],
})
export class AuthModule {}
