/** Seconds a captcha can be answered (docs/design.md §9: 5 minutes). */
export const CAPTCHA_TTL_SECONDS = 300;

/** Where the expected answer waits in Redis (before REDIS_PREFIX); tests read it there. */
export const captchaKey = (captchaId: string): string => `captcha:${captchaId}`;

/** Answers are compared case-insensitively and without surrounding blanks. */
export function normalizeCaptchaAnswer(answer: string): string {
  return answer.trim().toLowerCase();
}
