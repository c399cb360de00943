import type { CatalogueSeed } from '../seed.types';
import { agencies, fields } from './agencies';
import { holidays } from './holidays';
import { proceduresPart1 } from './procedures-part1';
import { proceduresPart2 } from './procedures-part2';

export const catalogueSeed: CatalogueSeed = {
  agencies,
  fields,
  procedures: [...proceduresPart1, ...proceduresPart2],
  holidays,
};
