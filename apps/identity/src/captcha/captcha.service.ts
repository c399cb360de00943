import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import * as svgCaptcha from 'svg-captcha';
import { CaptchaView, IdentityErrors, DomainError } from '@dvc/contracts';
import { CAPTCHA_TTL_SECONDS, captchaKey, normalizeCaptchaAnswer } from './captcha.dto';

/**
 * Server-side captcha (docs/design.md §9): the expected answer lives only in Redis, for 5 min,
 * and is taken out by the first attempt (GETDEL), right or wrong: one image, one guess.
 */
@Injectable()
export class CaptchaService {
  constructor(private readonly redis: Redis) {}

  async create(): Promise<CaptchaView> {
    // Characters that look alike in the distorted image are left out.
    const { text, data } = svgCaptcha.create({
      size: 5,
      noise: 2,
      ignoreChars: '0oO1iIlL',
      color: true,
    });
    const captchaId = randomUUID();
    await this.redis.set(
      captchaKey(captchaId),
      normalizeCaptchaAnswer(text),
      'EX',
      CAPTCHA_TTL_SECONDS,
    );
    return { captchaId, svg: data };
  }

  /** Consumes the captcha; throws 400 `captcha.invalid` when unknown, expired, used or wrong. */
  async consume(captchaId: string, answer: string): Promise<void> {
    const expected = await this.redis.getdel(captchaKey(captchaId));
    if (expected === null || !sameText(expected, normalizeCaptchaAnswer(answer))) {
      throw new DomainError(IdentityErrors.captchaInvalid);
    }
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
