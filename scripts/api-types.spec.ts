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

/** Routes whose success is a file, a stream, a redirect or text: no JSON schema to give. */
const NOT_JSON = [
  'GET /health/live',
  'GET /metrics',
  'GET /api/v1/dossiers/{id}/results/{fileId}',
  'GET /api/v1/dossiers/{id}/receipt',
  'GET /api/v1/dossiers/{id}/files/{fileId}',
  'GET /api/v1/me/documents/{id}/content',
  'GET /api/v1/officer/stats/export',
  'GET /api/v1/officer/dossiers/{id}/files/{fileId}',
  'GET /api/v1/officer/feedback/{id}/attachments/{fileId}',
  'GET /api/v1/notifications/stream',
  'GET /api/v1/payments/vnpay/ipn',
  'GET /api/v1/payments/{id}/receipt',
];

// The portal types its answers from the document: a route answering JSON must say what.
describe('the OpenAPI document', () => {
  it('describes the body of every success answer but files and streams', () => {
    const document = JSON.parse(checkedIn(API_DOCUMENT)) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
    };
    const undescribed = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) =>
        Object.entries(operation.responses)
          .filter(([status, answer]) => ['200', '201', '202'].includes(status) && !answer.content)
          .map(() => `${method.toUpperCase()} ${path}`),
      ),
    );
    expect(undescribed).toEqual(NOT_JSON);
  });
});
