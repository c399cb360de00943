import type { AnswerFeedbackDto, SubmitFeedbackDto } from '@dvc/contracts';
import type { FeedbackStatus } from '../api/views';
import { body, client } from '../api/client';

export const feedbackApi = {
  submit: (input: SubmitFeedbackDto) => body(client.POST('/api/v1/feedback', { body: input })),
  lookup: (code: string, key: string) =>
    body(client.GET('/api/v1/feedback/lookup', { params: { query: { code, key } } })),
  published: (filter: { q?: string; agency?: string; page?: number; pageSize?: number }) =>
    body(client.GET('/api/v1/public/feedback', { params: { query: filter } })),
  officerList: (filter: {
    status?: FeedbackStatus;
    overdue?: boolean;
    page?: number;
    pageSize?: number;
  }) => body(client.GET('/api/v1/officer/feedback', { params: { query: filter } })),
  answer: (id: string, input: AnswerFeedbackDto) =>
    body(
      client.POST('/api/v1/officer/feedback/{id}/answer', {
        params: { path: { id } },
        body: input,
      }),
    ),
};
