import { LoginDto, RpcRequest } from '@dvc/contracts';
import { RpcInput, requestContextOf, requireCaller } from './rpc-input';

describe('RPC input validation', () => {
  const pipe = new RpcInput(LoginDto);
  const request = (data: unknown): RpcRequest<unknown> => ({
    caller: null,
    correlationId: 'c-1',
    ip: '203.0.113.9',
    data,
  });

  it('passes a valid input on as the DTO', async () => {
    const out = await pipe.transform(request({ email: 'a@example.vn', password: 'secret-pass' }));
    expect(out.data).toBeInstanceOf(LoginDto);
    expect(out).toMatchObject({
      correlationId: 'c-1',
      ip: '203.0.113.9',
      data: { email: 'a@example.vn' },
    });
  });

  it('refuses unknown properties and lists each bad field', async () => {
    await expect(
      pipe.transform(request({ email: 'not an email', password: 'secret-pass', admin: true })),
    ).rejects.toMatchObject({
      status: 400,
      code: 'validation.failed',
      errors: expect.arrayContaining([
        expect.objectContaining({ field: 'email' }),
        expect.objectContaining({ field: 'admin' }),
      ]),
    });
  });

  it.each([null, 'text', 42, ['a'], undefined])(
    'answers 400, not 500, for %p as input',
    async (data) => {
      await expect(pipe.transform(request(data))).rejects.toMatchObject({ status: 400 });
    },
  );

  it('needs a caller with an account id where the gateway must have authenticated', () => {
    expect(() => requireCaller(request({}))).toThrow(expect.objectContaining({ status: 401 }));
    expect(() =>
      requireCaller({
        ...request({}),
        caller: { accountId: 'x', roles: ['citizen'], agencies: [] },
      }),
    ).toThrow(expect.objectContaining({ code: 'auth.required' }));
    const caller = {
      accountId: 'c8b1f0a4-7f55-4d3b-9a55-1b2f7e6d0c11',
      roles: ['citizen' as const],
      agencies: [],
    };
    expect(requireCaller({ ...request({}), caller })).toEqual(caller);
  });

  it('reads the correlation id and client IP', () => {
    expect(requestContextOf(request({}))).toEqual({ correlationId: 'c-1', ip: '203.0.113.9' });
    expect(requestContextOf({ caller: null, correlationId: null, data: {} })).toEqual({
      correlationId: null,
      ip: null,
    });
  });
});
