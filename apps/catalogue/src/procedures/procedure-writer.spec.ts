import { procedure } from '../../test/catalogue-seed.fixture';
import { canonicalJson, procedureContentHash } from './procedure-writer';

describe('procedureContentHash', () => {
  it('does not depend on key order or absent optional values', () => {
    const seed = procedure();
    const reordered = Object.fromEntries(Object.entries(seed).reverse()) as typeof seed;
    expect(procedureContentHash(reordered)).toBe(procedureContentHash(seed));
    expect(procedureContentHash({ ...seed, decision: undefined })).toBe(
      procedureContentHash((({ decision: _d, ...rest }) => rest)(seed)),
    );
  });

  it('changes with any content change, deep ones included', () => {
    const seed = procedure();
    const changed = procedure();
    changed.cases[0].fees[0].amountVnd = 1000;
    expect(procedureContentHash(changed)).not.toBe(procedureContentHash(seed));
  });

  it('keeps array order significant', () => {
    expect(canonicalJson({ b: [2, 1], a: null })).toBe('{"a":null,"b":[2,1]}');
  });
});
