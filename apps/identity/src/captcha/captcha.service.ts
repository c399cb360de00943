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
    // Readable first (WCAG 1.1.1 asks for a form people can perceive): dark glyphs on white,
    // large, one noise line; characters that look alike are left out.
    const { text, data } = svgCaptcha.create({
      size: 5,
      noise: 1,
      ignoreChars: '0oO1iIlLqg9',
      color: false,
      background: '#ffffff',
      fontSize: 60,
      width: 180,
      height: 64,
    });
    const svg = darken(data);
    const captchaId = randomUUID();
    await this.redis.set(
      captchaKey(captchaId),
      normalizeCaptchaAnswer(text),
      'EX',
      CAPTCHA_TTL_SECONDS,
    );
    return { captchaId, svg };
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

/**
 * svg-captcha draws its glyphs and its noise line in random colours; the glyphs become
 * near-black and a little bolder (contrast 17:1 on white), the line mid-grey, so the characters
 * stand out from everything else in the image.
 */
export function darken(svg: string): string {
  return svg
    .replace(
      /<path fill="#[0-9a-fA-F]{3,6}"/g,
      '<path fill="#1a1a1a" stroke="#1a1a1a" stroke-width="1"',
    )
    .replace(/stroke="#[0-9a-fA-F]{3,6}" fill="none"/g, 'stroke="#8c8c8c" fill="none"');
}
