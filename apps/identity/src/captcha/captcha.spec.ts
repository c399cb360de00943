import type Redis from 'ioredis';
import { CaptchaService } from './captcha.service';

/** The two Redis commands the captcha uses, over a Map (TTLs recorded, not enforced). */
class FakeRedis {
  readonly values = new Map<string, string>();
  readonly ttls = new Map<string, number>();

  async set(key: string, value: string, _ex: 'EX', seconds: number): Promise<'OK'> {
    this.values.set(key, value);
    this.ttls.set(key, seconds);
    return 'OK';
  }

  async getdel(key: string): Promise<string | null> {
    const value = this.values.get(key) ?? null;
    this.values.delete(key);
    return value;
  }
}

describe('CaptchaService', () => {
  let redis: FakeRedis;
  let captcha: CaptchaService;

  beforeEach(() => {
    redis = new FakeRedis();
    captcha = new CaptchaService(redis as unknown as Redis);
  });

  it('draws an SVG and keeps the lower-case answer under captcha:<id> for 5 minutes', async () => {
    const { captchaId, svg } = await captcha.create();
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    const answer = redis.values.get(`captcha:${captchaId}`);
    expect(answer).toMatch(/^[a-z0-9]{5}$/i);
    expect(answer).toBe(answer!.toLowerCase());
    expect(redis.ttls.get(`captcha:${captchaId}`)).toBe(300);
  });

  it('draws near-black characters on white, large, with only a grey noise line (readable)', async () => {
    const { svg } = await captcha.create();
    expect(svg).toContain('width="180" height="64"');
    expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
    const glyphs = svg.match(/<path fill="[^"]+"/g) ?? [];
    expect(glyphs).toHaveLength(5);
    expect(new Set(glyphs)).toEqual(new Set(['<path fill="#1a1a1a"']));
    const colours = new Set(svg.match(/#[0-9a-fA-F]{6}/g));
    expect(colours).toEqual(new Set(['#ffffff', '#1a1a1a', '#8c8c8c']));
  });

  it('accepts the answer once, in any case', async () => {
    const { captchaId } = await captcha.create();
    const answer = redis.values.get(`captcha:${captchaId}`)!;
    await expect(captcha.consume(captchaId, ` ${answer.toUpperCase()} `)).resolves.toBeUndefined();
    await expect(captcha.consume(captchaId, answer)).rejects.toMatchObject({
      status: 400,
      code: 'captcha.invalid',
    });
  });

  it('spends the captcha on a wrong answer too', async () => {
    const { captchaId } = await captcha.create();
    const answer = redis.values.get(`captcha:${captchaId}`)!;
    await expect(captcha.consume(captchaId, 'wrong')).rejects.toMatchObject({
      code: 'captcha.invalid',
    });
    await expect(captcha.consume(captchaId, answer)).rejects.toMatchObject({
      code: 'captcha.invalid',
    });
  });

  it('refuses an unknown captcha', async () => {
    await expect(captcha.consume('no-such-id', 'abcde')).rejects.toMatchObject({
      code: 'captcha.invalid',
    });
  });
});
