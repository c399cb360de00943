import { catalogueSeed } from '../seed/data';
import { ProcedureSeedValidator } from './procedure-seed.validator';

describe('the demo catalogue seed', () => {
  it('passes the import validation it is seeded through', () => {
    const validator = new ProcedureSeedValidator();
    expect(validator.importBody({ procedures: catalogueSeed.procedures })).toHaveLength(
      catalogueSeed.procedures.length,
    );
  });
});
