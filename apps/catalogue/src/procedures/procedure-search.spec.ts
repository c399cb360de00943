import { DomainError } from '@dvc/contracts';
import { DEFAULT_PAGE_SIZE, searchCriteria, searchTerms } from './procedure-search';
import { procedureCountQuery, procedureSearchQuery } from './procedure-search.query';

describe('searchTerms', () => {
  it('keeps the words of a Vietnamese query, with or without accents', () => {
    expect(searchTerms('Đổi giấy phép lái xe')).toEqual(['Đổi', 'giấy', 'phép', 'lái', 'xe']);
    expect(searchTerms('  giay   phep lai xe ')).toEqual(['giay', 'phep', 'lai', 'xe']);
  });

  it('composes decomposed (NFD) input so a word is not split at its combining marks', () => {
    expect(searchTerms('Đăng ký'.normalize('NFD'))).toEqual(['Đăng', 'ký']);
  });

  it('keeps procedure codes whole but drops dots around words', () => {
    expect(searchTerms('1.001193')).toEqual(['1.001193']);
    expect(searchTerms('khai sinh.')).toEqual(['khai', 'sinh']);
  });

  it.each([
    ["'", []],
    ['&', []],
    ['|', []],
    [':*', []],
    ['\\', []],
    ["a' & b | !c:* <-> (d)", ['a', 'b', 'c', 'd']],
    ["khai'sinh", ['khai', 'sinh']],
    ["'; DROP TABLE procedures; --", ['DROP', 'TABLE', 'procedures']],
  ])('reduces %p to plain words %p', (q, terms) => {
    expect(searchTerms(q)).toEqual(terms);
  });

  it('bounds the number and the length of the words', () => {
    expect(searchTerms(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '))).toHaveLength(12);
    expect(searchTerms('x'.repeat(500))[0]).toHaveLength(64);
  });
});

describe('searchCriteria', () => {
  it('defaults to the first page of 20, no filter', () => {
    expect(searchCriteria({})).toEqual({
      terms: [],
      field: null,
      agency: null,
      level: null,
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
    });
    expect(searchCriteria(undefined).page).toBe(1);
  });

  it('clamps the page size to 1..100 and the page to at least 1', () => {
    expect(searchCriteria({ pageSize: 1000 }).pageSize).toBe(100);
    expect(searchCriteria({ pageSize: 0 }).pageSize).toBe(1);
    expect(searchCriteria({ page: -3 }).page).toBe(1);
  });

  it('accepts numbers sent as query-string text', () => {
    expect(searchCriteria({ level: '3', page: '2', pageSize: '5' })).toMatchObject({
      level: 3,
      page: 2,
      pageSize: 5,
    });
  });

  it('answers 400 listing every malformed parameter', () => {
    let error: unknown;
    try {
      searchCriteria({ q: 42, level: 7, page: 'two' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).toProblem()).toMatchObject({
      status: 400,
      errors: [{ field: 'q' }, { field: 'level' }, { field: 'page' }],
    });
  });
});

describe('procedureSearchQuery', () => {
  const base = searchCriteria({});

  it('lists everything by name when there are no words', () => {
    const page = procedureSearchQuery(base, 'words');
    expect(page.sql).not.toContain('where');
    expect(page.sql).not.toContain('to_tsquery');
    expect(page.sql).toMatch(/order by "rank" desc, "p"."name_folded", "p"."code" limit/);
    expect(page.parameters).toEqual([20, 0]);
  });

  it('binds the words and filters as parameters, never as SQL text', () => {
    const criteria = searchCriteria({
      q: "giay'phep",
      field: "ho-tich'",
      agency: 'X',
      level: 3,
      page: 3,
      pageSize: 10,
    });
    const page = procedureSearchQuery(criteria, 'words');
    const count = procedureCountQuery(criteria, 'words');
    for (const statement of [count, page]) {
      expect(statement.sql).not.toContain('giay');
      expect(statement.sql).not.toContain('ho-tich');
    }
    expect(count.parameters).toEqual([['giay', 'phep'], "ho-tich'", 'X', 3]);
    expect(page.parameters).toEqual([['giay', 'phep'], "ho-tich'", 'X', 3, 10, 20]);
  });

  it('matches typos through trigrams only when asked to', () => {
    const criteria = searchCriteria({ q: 'khai sinh' });
    const words = procedureSearchQuery(criteria, 'words').sql;
    expect(words).toContain('p.search_vector @@ q.query');
    expect(words).not.toContain('%>');
    expect(words).not.toContain('word_similarity');
    const typos = procedureSearchQuery(criteria, 'words-or-typos').sql;
    expect(typos).toContain('p.search_vector @@ q.query OR p.name_folded %> q.phrase');
    expect(typos).toContain('word_similarity(q.phrase, p.name_folded)');
  });

  it('binds each search its own values in a statement of the same shape', () => {
    const first = procedureSearchQuery(searchCriteria({ q: 'khai sinh', level: 4 }), 'words');
    const second = procedureSearchQuery(
      searchCriteria({ q: 'ket hon', level: 2, page: 2, pageSize: 5 }),
      'words',
    );
    expect(second.sql).toBe(first.sql);
    expect(first.parameters).toEqual([['khai', 'sinh'], 4, 20, 0]);
    expect(second.parameters).toEqual([['ket', 'hon'], 2, 5, 5]);
    const other = procedureSearchQuery(searchCriteria({ q: 'ket hon', agency: 'X' }), 'words');
    expect(other.sql).not.toBe(first.sql);
    expect(other.parameters).toEqual([['ket', 'hon'], 'X', 20, 0]);
  });

  it('numbers its placeholders after its parameters', () => {
    for (const match of ['words', 'words-or-typos'] as const) {
      const criteria = searchCriteria({ q: 'khai sinh', level: 4 });
      for (const statement of [
        procedureSearchQuery(criteria, match),
        procedureCountQuery(criteria, match),
      ]) {
        const highest = Math.max(
          ...[...statement.sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])),
        );
        expect(highest).toBe(statement.parameters.length);
      }
    }
  });
});

describe('English queries', () => {
  it('search the Vietnamese names: the placeholder\'s own "driving licence" finds "giấy phép lái xe"', () => {
    expect(searchCriteria({ q: 'driving licence' }).terms).toEqual(['giấy', 'phép', 'lái', 'xe']);
    expect(searchCriteria({ q: 'Driving License renewal' }).terms).toEqual([
      'giấy',
      'phép',
      'lái',
      'xe',
      'đổi',
    ]);
    expect(searchCriteria({ q: 'apply for a passport' }).terms).toEqual(['hộ', 'chiếu']);
  });

  it('leave Vietnamese queries, and words that only contain an English one, as they are', () => {
    expect(searchCriteria({ q: 'giay phep lai xe' }).terms).toEqual(['giay', 'phep', 'lai', 'xe']);
    expect(searchCriteria({ q: 'landmark' }).terms).toEqual(['landmark']);
  });
});
