import {
  KeyObject,
  constants,
  createPrivateKey,
  createPublicKey,
  privateDecrypt,
  publicEncrypt,
} from 'node:crypto';

/**
 * Single-use email tokens (activation, password reset) travel sealed: identity encrypts the
 * raw token to the notification service's public key (RSA-OAEP, SHA-256) before it goes into
 * the outbox, and only the notification service, holding the private key, opens it while it
 * sends the email. Neither a database row nor a broker message ever holds the token in clear.
 *
 * Keys are base64 DER, one line each (SPKI public, PKCS#8 private), so they fit an env file.
 */
export type SealedToken = string;

/** Development key pair; both values are refused in production. */
export const DEV_EMAIL_TOKEN_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuf9l8CpfhDtB+Xbbut7TdbUyA0pPTKAF1WSVfsNMmjHyNMMRpsPXo+gsnLMjDsmnoV2vS52XNtwO2daiWlEbNuVnDmydE4ryMPShjFezItcZF+SE/pWW1+DKgPPlu/Y4Txkzsx6KqtiLPOzKnl5nSgZ0jz4LIiqz4qwTfyF3kpQRGTTmz+9cGxamhF7Di4k/lmhh4iRZ/feeyEOT90aUV962sZfWTT5+1Q6xx2uWV40pq/1KLdsXEWSPG+zl941desgCH1HIaq401/5umvRvu+BDs6wr303c5uuy9i7uYNaknZKOABpJ9f6jGu48TWbCA31R8PeJD6GPMb2b1xGn8wIDAQAB';
export const DEV_EMAIL_TOKEN_PRIVATE_KEY =
  'MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQC5/2XwKl+EO0H5dtu63tN1tTIDSk9MoAXVZJV+w0yaMfI0wxGmw9ej6CycsyMOyaehXa9LnZc23A7Z1qJaURs25WcObJ0TivIw9KGMV7Mi1xkX5IT+lZbX4MqA8+W79jhPGTOzHoqq2Is87MqeXmdKBnSPPgsiKrPirBN/IXeSlBEZNObP71wbFqaEXsOLiT+WaGHiJFn9957IQ5P3RpRX3raxl9ZNPn7VDrHHa5ZXjSmr/Uot2xcRZI8b7OX3jV16yAIfUchqrjTX/m6a9G+74EOzrCvfTdzm67L2Lu5g1qSdko4AGkn1/qMa7jxNZsIDfVHw94kPoY8xvZvXEafzAgMBAAECggEAPajbRFjnvVBfuLGcekCwXU8qO0kBLOfHx0xG+vUHif6Qysj4Kw61iBLJ51DDiH11YttJ54lgvcEJ81FiFQraOMKn/XIoSHhBfdU7UOkp65zfJrqNFFDG5t4Qg9tXB47CcAZsyy6OzcBnuFTPftzQ5QtqzKnGyxbY94YQGI8hsqduhHnrFcG3426EIMjEaLgldSTljn2h95eduOOU+a3PtXzkQOMujXXB1qyVqf6qvYcaLGOqsaL9LkXX9THvbrHUpSf8eKUkoqWVsxZ6MUHq9JZCVbjk1a72rjrO70h5Bh1WHrMtKIGmRUSw7YIDHydJ7m5+L6jR1pKz34unuPll8QKBgQDkynxVjCf2U7he+IdE9vUw0JlpcQM8AJWT5oyhh5Cq4ErC4bJWezuqDGiX+wtB/BF4yW0pq8YUqrP7Qe3WQkWQQ4YyqoCjC5BccHf4QHGHVj98OYT0RgRY8pTF7bobCziWtc2EDSXN+b/k7sy+iil4waZLH5jju4BBm9ROnuMGHQKBgQDQHhM7XqKLTmXlhNsJ9QdFXEZTP/TInlJbAD25Ug4UmgBKFzbtX0l3qyOQPEPOQ2BzsIKcW13RxOU+z/VYPNGN1alvfLdZdJU0R/3VcknT73/wyfsqUv3RAIF5Cfi43NYRiLxAFZyGpmfRBeUzj/pebEcZsU7Kqin+Zm5Rbi7JTwKBgARuG0w4w4lUg6xrGYtvUL4aO+47vvlJdZwAidaS3m1AnJH7ds2P407eoKPYu5YSgHAbTl7RMauyxntmAmn0rI4nkJColocRsUDo+Jm4/bnGJMKOBpIITQs/3zuZ59GgPP9GE+2rp4C+hkWzjgleeYEaFtM7kGVQeyJKFylSkEjNAoGAfWgSCK1u3ui/5/0VjDt1RStkSRf55cXZNHLBvuEeEPX3hK3WcFUBzTV3+ZsG9MyO20eafKNltliiFyZy3dfQIlqEfeS2CxaALf/PigYTTL096Bed3JQj1AQtAIWstaCE8g3l+evL5Sty1XZq9ZYltS4j7ex04RSGt4B7q1/sm2sCgYBOm8dX2Tr6jcn2hoC+DWlqjgmqapa3Q9Id6YYGGQiH4PPE/ZvWqZbMWcD3iMxwRzoEQiZGMwaqa2xYYvLVRHpv+fNQOTQCPnoXZG2K7g1nQgIwDHZLhUoxtdDmSow907WxYWOHBDzOwAF/XbC9dboq8R/AgaMv96iE0n0UNUzBrQ==';

export function emailTokenPublicKey(base64Der: string): KeyObject {
  return createPublicKey({ key: Buffer.from(base64Der, 'base64'), format: 'der', type: 'spki' });
}

export function emailTokenPrivateKey(base64Der: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(base64Der, 'base64'), format: 'der', type: 'pkcs8' });
}

export function sealToken(publicKey: KeyObject, token: string): SealedToken {
  return publicEncrypt(
    { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    Buffer.from(token, 'utf8'),
  ).toString('base64url');
}

/** Throws when the value was not sealed to this key (or was altered). */
export function openToken(privateKey: KeyObject, sealed: SealedToken): string {
  return privateDecrypt(
    { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    Buffer.from(sealed, 'base64url'),
  ).toString('utf8');
}
