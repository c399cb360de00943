import type { ScoresView } from '@dvc/contracts';
import { body, client } from '../api/client';

export const scoresApi = {
  published: (query: { period: string; agency?: string }) =>
    body<ScoresView>(client.GET('/api/v1/public/scores', { params: { query } })),
};
