import { body, client } from '../api/client';

export const scoresApi = {
  published: (query: { period: string; agency?: string }) =>
    body(client.GET('/api/v1/public/scores', { params: { query } })),
};
