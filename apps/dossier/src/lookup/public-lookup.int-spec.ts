import { DossierRpc, PublicLookupView } from '@dvc/contracts';
import { problemOf } from '@dvc/testing';
import {
  AGENCY,
  DossierTestContext,
  LOOKUP_FAILURES,
  startDossierContext,
} from '../../test/dossier-context';

jest.setTimeout(60_000);

/** Tra cứu hồ sơ: anyone with the code and the lookup key (or the ID number), no account. */
describe('public lookup', () => {
  let ctx: DossierTestContext;

  beforeAll(async () => {
    ctx = await startDossierContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 60_000);

  it('shows the public lookup by code + key or ID number, without personal data', async () => {
    const citizen = ctx.newCitizen({
      fullName: 'Nguyễn Thị Bình',
      email: 'binh@example.vn',
      phone: '0912345678',
      idNumber: '001099012345',
    });
    const { submitted } = await ctx.newReturnedDossier(citizen, ctx.newOfficer());
    const byKey = await ctx.rpc<PublicLookupView>(
      DossierRpc.publicLookup,
      { code: submitted.code, key: submitted.lookupKey.toLowerCase() },
      null,
      '203.0.113.1',
    );
    expect(byKey).toMatchObject({
      code: submitted.code,
      procedure: { code: '9.000004' },
      agency: { code: AGENCY },
      status: 'RETURNED',
      statusCode: 10,
    });
    expect(byKey.history.map((h) => h.to)).toEqual([
      'SUBMITTED',
      'RECEIVED',
      'PROCESSING',
      'SUPPLEMENT_REQUESTED',
      'PROCESSING',
      'RESULT_READY',
      'RETURNED',
    ]);
    const text = JSON.stringify(byKey);
    for (const secret of [
      'Bình',
      'binh@example.vn',
      '0912345678',
      '001099012345',
      'Đã bổ sung',
      '.pdf',
    ]) {
      expect(text).not.toContain(secret);
    }
    const byIdNumber = await ctx.rpc<PublicLookupView>(
      DossierRpc.publicLookup,
      { code: submitted.code, key: '001099012345' },
      null,
      '203.0.113.1',
    );
    expect(byIdNumber).toEqual(byKey);
  });

  it('answers a wrong key and an unknown code with the same 404, and throttles guessing per IP', async () => {
    const { submitted } = await ctx.newReturnedDossier(ctx.newCitizen(), ctx.newOfficer());
    const ip = '203.0.113.2';
    const wrongKey = await problemOf(
      ctx.rpc(DossierRpc.publicLookup, { code: submitted.code, key: 'ZZZZZZ' }, null, ip),
    );
    const unknownCode = await problemOf(
      ctx.rpc(
        DossierRpc.publicLookup,
        { code: `${AGENCY}-260101-9999`, key: submitted.lookupKey },
        null,
        ip,
      ),
    );
    const sqlish = await problemOf(
      ctx.rpc(DossierRpc.publicLookup, { code: "' OR 1=1 --", key: "' OR '1'='1" }, null, ip),
    );
    expect(wrongKey).toEqual({
      status: 404,
      code: 'lookup.not_found',
      title: 'Không tìm thấy',
      detail: 'Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu đã nhập.',
    });
    expect(unknownCode).toEqual(wrongKey);
    expect(sqlish).toEqual(wrongKey);
    for (let i = 3; i < LOOKUP_FAILURES; i++) {
      await problemOf(
        ctx.rpc(DossierRpc.publicLookup, { code: `X-${i}`, key: 'ABCDEF' }, null, ip),
      );
    }
    const throttled = await problemOf(
      ctx.rpc(
        DossierRpc.publicLookup,
        { code: submitted.code, key: submitted.lookupKey },
        null,
        ip,
      ),
    );
    expect(throttled).toMatchObject({ status: 429, code: 'lookup.throttled' });
    expect(throttled.retryAfter).toBeGreaterThan(0);
    // another client is not affected
    expect(
      (
        await ctx.rpc<PublicLookupView>(
          DossierRpc.publicLookup,
          { code: submitted.code, key: submitted.lookupKey },
          null,
          '203.0.113.3',
        )
      ).status,
    ).toBe('RETURNED');
  });
});
