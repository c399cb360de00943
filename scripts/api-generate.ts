import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { API_DOCUMENT, API_TYPES, renderApiDocument, renderApiTypes } from './api-types';

/**
 * `npm run api:generate`: writes the gateway's OpenAPI document (built from its controllers,
 * no service started) and the portal's types generated from it. Both are checked in;
 * scripts/api-types.spec.ts fails when they are stale.
 */
async function main(): Promise<void> {
  writeFileSync(API_DOCUMENT, await renderApiDocument());
  writeFileSync(API_TYPES, renderApiTypes(API_DOCUMENT));
  for (const file of [API_DOCUMENT, API_TYPES])
    console.log(`wrote ${relative(process.cwd(), file)}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
