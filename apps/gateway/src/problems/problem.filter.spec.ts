import {
  ArgumentsHost,
  HttpException,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { IsInt, IsString, Max, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { DomainError, DossierErrors, RequestErrors } from '@dvc/contracts';
import { BrokerUnavailableError, RemoteProblemError, RpcTimeoutError } from '@dvc/messaging';
import { ProblemFilter } from './problem.filter';
import { createValidationPipe } from './validation.pipe';

/** The bits of Fastify's request and reply the filter touches. */
function fakeHttp(url = '/api/v1/dossiers/42?key=secret', acceptLanguage?: string) {
  const reply = {
    statusCode: 200,
    headers: {} as Record<string, string>,
    payload: undefined as string | undefined,
    sent: false,
    raw: { headersSent: false, destroy: jest.fn() },
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    header(name: string, value: string) {
      this.headers[name.toLowerCase()] = value;
      return this;
    },
    send(payload: string) {
      this.payload = payload;
      this.sent = true;
      return this;
    },
  };
  const request = {
    id: 'req-1',
    method: 'POST',
    url,
    headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  return {
    host,
    reply,
    body: () => JSON.parse(reply.payload ?? 'null') as Record<string, unknown>,
  };
}

function answer(exception: unknown, acceptLanguage?: string) {
  const http = fakeHttp(undefined, acceptLanguage);
  new ProblemFilter().catch(exception, http.host);
  return {
    status: http.reply.statusCode,
    headers: http.reply.headers,
    body: http.body(),
    reply: http.reply,
  };
}

/** A dossier already submitted, submitted again. */
function illegalSubmit(): DomainError {
  return new DomainError(DossierErrors.illegalTransition, {
    params: { action: 'submit', status: 'SUBMITTED' },
    extra: { currentStatus: 'SUBMITTED' },
  });
}

class Address {
  @IsString()
  street: string;
}

class Applicant {
  @IsInt()
  @Max(100)
  pageSize: number;

  @ValidateNested()
  @Type(() => Address)
  address: Address;
}

describe('ProblemFilter', () => {
  let logged: jest.SpyInstance;

  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  it('answers a DomainError as application/problem+json with its status, code and extra members', () => {
    const { status, headers, body } = answer(illegalSubmit());
    expect(status).toBe(409);
    expect(headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(body).toEqual({
      type: 'urn:dvc:problem:dossier.illegal_transition',
      title: 'Xung đột trạng thái',
      status: 409,
      detail: 'Không thể thực hiện thao tác "submit" khi hồ sơ đang ở trạng thái SUBMITTED.',
      code: 'dossier.illegal_transition',
      instance: '/api/v1/dossiers/42',
      currentStatus: 'SUBMITTED',
      requestId: 'req-1',
    });
  });

  it('words the same problem in English when Accept-Language puts English first, same code', () => {
    const { status, body } = answer(illegalSubmit(), 'en-GB,en;q=0.9,vi;q=0.5');
    expect(status).toBe(409);
    expect(body).toMatchObject({
      code: 'dossier.illegal_transition',
      title: 'Conflict',
      detail: 'Action "submit" is not possible while the dossier is SUBMITTED.',
      currentStatus: 'SUBMITTED',
    });
    expect(body).not.toHaveProperty('params');
    expect(answer(illegalSubmit(), 'fr-FR,en;q=0.5').body.title).toBe('Xung đột trạng thái');
  });

  it("re-words a service's problem from the catalogue by its code, in the reader's language", () => {
    const fromService = new DomainError(DossierErrors.quotaExceeded, {
      params: { maxMb: 50 },
      extra: { maxBytes: 52428800 },
    }).toProblem();
    const { status, body } = answer(new RemoteProblemError(fromService), 'en');
    expect(status).toBe(413);
    expect(body).toMatchObject({
      code: 'dossier.quota_exceeded',
      title: 'Payload too large',
      detail: 'The files of a dossier may not exceed 50 MB in total.',
      maxBytes: 52428800,
    });
    expect(body).not.toHaveProperty('params');
  });

  it('answers the unexpected 500 in English too', () => {
    const { body } = answer(new Error('boom'), 'en');
    expect(body).toMatchObject({ code: 'internal', title: 'Internal error' });
  });

  it("relays a service's problem (RemoteProblemError) and turns retryAfter into Retry-After", () => {
    const { status, headers, body } = answer(
      new RemoteProblemError({
        status: 429,
        code: 'login.throttled',
        title: 'Quá nhiều yêu cầu',
        detail: 'Thử lại sau.',
        retryAfter: 41.2,
      }),
    );
    expect(status).toBe(429);
    expect(headers['retry-after']).toBe('42');
    expect(body).toMatchObject({
      status: 429,
      code: 'login.throttled',
      detail: 'Thử lại sau.',
      retryAfter: 41.2,
    });
  });

  it("sets Retry-After for the gateway's own rate limit too", () => {
    const { headers } = answer(
      new DomainError(RequestErrors.rateLimited, { extra: { retryAfter: 30 } }),
    );
    expect(headers['retry-after']).toBe('30');
  });

  it('keeps the status of RPC failures: timeout 504, broker down 503', () => {
    expect(answer(new RpcTimeoutError('identity')).body).toMatchObject({
      status: 504,
      code: 'rpc.timeout',
    });
    expect(answer(new BrokerUnavailableError('identity')).body).toMatchObject({
      status: 503,
      code: 'rpc.unavailable',
    });
  });

  it('lists every broken field of a validation failure, nested ones by path', async () => {
    const pipe = createValidationPipe();
    const failure = await pipe
      .transform(
        { pageSize: 101, address: { street: 7 }, admin: true },
        { type: 'body', metatype: Applicant },
      )
      .then(
        () => null,
        (err: unknown) => err,
      );
    const { status, body } = answer(failure);
    expect(status).toBe(400);
    expect(body).toMatchObject({
      code: 'request.validation',
      type: 'urn:dvc:problem:request.validation',
    });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'pageSize', message: expect.stringContaining('100') },
        { field: 'address.street', message: expect.any(String) },
        { field: 'admin', message: expect.stringContaining('should not exist') },
      ]),
    );
  });

  it('maps framework HttpExceptions by status, as generic problems', () => {
    expect(answer(new NotFoundException('Cannot GET /api/v1/nowhere')).body).toMatchObject({
      type: 'about:blank',
      status: 404,
      code: 'http.not_found',
      detail: 'Cannot GET /api/v1/nowhere',
    });
    expect(answer(new PayloadTooLargeException()).body).toMatchObject({
      status: 413,
      code: 'http.payload_too_large',
    });
    // What Nest makes of Fastify's FST_ERR_CTP_INVALID_MEDIA_TYPE.
    expect(answer(new HttpException('Unsupported Media Type', 415)).body).toMatchObject({
      status: 415,
    });
  });

  it("keeps the health report of an unready app in the 503's checks", () => {
    const report = {
      status: 'error',
      info: {},
      error: {},
      details: { redis: { status: 'down', message: 'ECONNREFUSED' } },
    };
    const { status, body } = answer(new ServiceUnavailableException(report));
    expect(status).toBe(503);
    expect(body.checks).toEqual(report.details);
  });

  it('answers anything unexpected as a bare 500 and logs it with its stack', () => {
    const { status, body } = answer(
      new TypeError("Cannot read properties of undefined (reading 'password')"),
    );
    expect(status).toBe(500);
    expect(body).toEqual({
      type: 'urn:dvc:problem:internal',
      title: 'Lỗi hệ thống',
      status: 500,
      detail: 'Đã có lỗi xảy ra, vui lòng thử lại sau.',
      code: 'internal',
      instance: '/api/v1/dossiers/42',
      requestId: 'req-1',
    });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("reading 'password'"));
  });

  it('does not relay a remote error that carries no error status', () => {
    const { status, body } = answer(
      new RemoteProblemError({ status: 200, code: 'weird', title: 'Weird' }),
    );
    expect(status).toBe(500);
    expect(body.code).toBe('internal');
  });

  it('cuts an answer that was already streaming instead of writing a second one', () => {
    const http = fakeHttp();
    http.reply.raw.headersSent = true;
    new ProblemFilter().catch(new Error('socket hang up'), http.host);
    expect(http.reply.raw.destroy).toHaveBeenCalled();
    expect(http.reply.payload).toBeUndefined();
  });
});
