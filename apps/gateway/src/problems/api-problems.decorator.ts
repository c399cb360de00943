import { ApiDefaultResponse } from '@nestjs/swagger';

/** OpenAPI: every error of the operation is an RFC 9457 problem (see ProblemDocument). */
export const ApiProblems = () =>
  ApiDefaultResponse({
    description:
      'Lỗi / Error (application/problem+json, RFC 9457), worded in the language of Accept-Language (vi by default, or en)',
    content: {
      'application/problem+json': {
        schema: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail', 'code', 'instance', 'requestId'],
          properties: {
            type: { type: 'string', example: 'urn:dvc:problem:dossier.illegal_transition' },
            title: { type: 'string', example: 'Xung đột trạng thái' },
            status: { type: 'integer', example: 409 },
            detail: { type: 'string' },
            code: { type: 'string', example: 'dossier.illegal_transition' },
            instance: {
              type: 'string',
              example: '/api/v1/dossiers/0b8d5c4e-2f7a-4c39-9d51-3e6f1a2b7c90/submit',
            },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { field: { type: 'string' }, message: { type: 'string' } },
              },
            },
            retryAfter: { type: 'integer', description: 'Seconds (429), also in Retry-After' },
            requestId: { type: 'string', description: 'Also in the X-Request-Id header' },
          },
        },
      },
    },
  });
