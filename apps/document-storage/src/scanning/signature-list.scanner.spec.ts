import { Readable } from 'node:stream';
import { EICAR, SignatureListScanner, SignatureMatcher } from './signature-list.scanner';

const open = (chunks: Buffer[]) => async () => Readable.from(chunks);

describe('SignatureListScanner', () => {
  const scanner = new SignatureListScanner();

  it('passes a file without the EICAR string', async () => {
    expect(
      await scanner.scan(open([Buffer.from('%PDF-1.7 nothing to see'), Buffer.alloc(100_000)])),
    ).toEqual({
      status: 'clean',
    });
  });

  it('flags EICAR inside one chunk', async () => {
    const body = Buffer.concat([Buffer.from('%PDF-1.7\n'), EICAR, Buffer.from('\n%%EOF')]);
    expect(await scanner.scan(open([body]))).toEqual({
      status: 'infected',
      signature: 'Eicar-Test-Signature',
    });
  });

  it.each([1, 2, 17, 34, EICAR.length - 1])(
    'flags EICAR split across a chunk boundary after %i bytes of it',
    async (split) => {
      const before = Buffer.concat([Buffer.alloc(5000, 0x41), EICAR.subarray(0, split)]);
      const after = Buffer.concat([EICAR.subarray(split), Buffer.alloc(5000, 0x42)]);
      expect((await scanner.scan(open([before, after]))).status).toBe('infected');
    },
  );

  it('flags EICAR spread one byte per chunk', async () => {
    const chunks = [
      Buffer.from('xx'),
      ...Array.from(EICAR).map((b) => Buffer.from([b])),
      Buffer.from('yy'),
    ];
    expect((await scanner.scan(open(chunks))).status).toBe('infected');
  });

  it('does not flag a near miss (last byte differs) across chunks', async () => {
    const nearMiss = Buffer.from(EICAR);
    nearMiss[nearMiss.length - 1] = 0x2e;
    expect(
      (await scanner.scan(open([nearMiss.subarray(0, 30), nearMiss.subarray(30)]))).status,
    ).toBe('clean');
  });

  it('fails closed when the object cannot be read', async () => {
    const broken = async () =>
      new Readable({
        read() {
          this.destroy(new Error('connection reset by the object store'));
        },
      });
    expect(await scanner.scan(broken)).toMatchObject({ status: 'unscannable' });
    expect(await scanner.scan(() => Promise.reject(new Error('NoSuchKey')))).toMatchObject({
      status: 'unscannable',
    });
  });
});

describe('SignatureMatcher', () => {
  it('keeps only a bounded tail between chunks', () => {
    const matcher = new SignatureMatcher([{ name: 'x', bytes: Buffer.from('abcdef') }]);
    expect(matcher.update(Buffer.from('zzab'))).toBeNull();
    expect(matcher.update(Buffer.from('c'))).toBeNull();
    expect(matcher.update(Buffer.from('def'))).toBe('x');
  });
});
