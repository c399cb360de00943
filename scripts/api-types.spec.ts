import { API_DOCUMENT, API_TYPES, checkedIn, renderApiDocument, renderApiTypes } from './api-types';

// The portal compiles against these files: a gateway change must regenerate them.
describe('the portal API types checked in', () => {
  it('match the OpenAPI document the gateway builds today (npm run api:generate)', async () => {
    expect(checkedIn(API_DOCUMENT)).toBe(await renderApiDocument());
  });

  it('are what openapi-typescript makes of that document', () => {
    expect(checkedIn(API_TYPES)).toBe(renderApiTypes(API_DOCUMENT));
  });
});
