import { body, client } from '../api/client';

export const adminApi = {
  create: (procedure: Record<string, unknown>) =>
    body(client.POST('/api/v1/admin/procedures', { body: procedure })),
  update: (code: string, procedure: Record<string, unknown>) =>
    body(
      client.PUT('/api/v1/admin/procedures/{code}', {
        params: { path: { code } },
        body: procedure,
      }),
    ),
  // Parsed from the administrator's file as it is: the catalogue checks each procedure.
  import: (procedures: unknown[]) =>
    body(
      client.POST('/api/v1/admin/procedures/import', {
        body: { procedures: procedures as Record<string, unknown>[] },
      }),
    ),
};
