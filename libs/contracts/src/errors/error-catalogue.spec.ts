import { DomainError } from './domain-error';
import { ERROR_CATALOGUES, ERROR_ENTRIES, errorEntry } from './error-catalogue';
import { placeholdersOf, renderMessage } from './error-entry';

describe('the error catalogue', () => {
  it('gives every entry an error status and a message in Vietnamese and English', () => {
    expect(ERROR_ENTRIES.length).toBeGreaterThan(90);
    for (const entry of ERROR_ENTRIES) {
      expect({ code: entry.code, status: entry.status }).toEqual({
        code: expect.stringMatching(/^[a-z_]+(\.[a-z_]+)*$/),
        status: expect.any(Number),
      });
      expect(Number.isInteger(entry.status) && entry.status >= 400 && entry.status <= 599).toBe(
        true,
      );
      expect(entry.vi.trim()).not.toBe('');
      expect(entry.en.trim()).not.toBe('');
    }
  });

  it('has each code once, across every domain', () => {
    const codes = ERROR_ENTRIES.map((entry) => entry.code);
    const repeated = codes.filter((code, i) => codes.indexOf(code) !== i);
    expect(repeated).toEqual([]);
  });

  it('names the same parameters in both languages', () => {
    for (const entry of ERROR_ENTRIES) {
      expect({ code: entry.code, en: placeholdersOf(entry.en) }).toEqual({
        code: entry.code,
        en: placeholdersOf(entry.vi),
      });
    }
  });

  it('finds an entry by its code, the way a problem from another service is read', () => {
    expect(errorEntry('dossier.not_found')).toBe(ERROR_CATALOGUES.dossier.notFound);
    expect(errorEntry('no.such_code')).toBeUndefined();
  });

  it('fills the parameters into the message of the language asked for', () => {
    const entry = ERROR_CATALOGUES.catalogue.procedureNotFound;
    expect(renderMessage(entry, 'vi', { code: '1.000001' })).toBe(
      'Không tìm thấy thủ tục mã 1.000001.',
    );
    expect(renderMessage(entry, 'en', { code: '1.000001' })).toBe(
      'No procedure with code 1.000001.',
    );
  });

  it('makes a thrown error carry the status, code and parameters of its entry', () => {
    const error = new DomainError(ERROR_CATALOGUES.catalogue.procedureNotFound, {
      params: { code: '9.9' },
    });
    expect(error.toProblem('en')).toEqual({
      status: 404,
      code: 'procedure.not_found',
      title: 'Not found',
      detail: 'No procedure with code 9.9.',
      params: { code: '9.9' },
    });
    expect(error.message).toBe('Không tìm thấy thủ tục mã 9.9.');
  });

  it('asks the throw site for exactly the parameters the messages name (checked by tsc)', () => {
    const entry = ERROR_CATALOGUES.catalogue.procedureNotFound;
    // @ts-expect-error: "{code}" needs a value
    const withoutParams = () => new DomainError(entry);
    // @ts-expect-error: a misspelt parameter is not the one the message names
    const misspelt = () => new DomainError(entry, { params: { kode: '1' } });
    expect(withoutParams().message).toBe('Không tìm thấy thủ tục mã {code}.');
    expect(misspelt().message).toBe('Không tìm thấy thủ tục mã {code}.');
  });
});
