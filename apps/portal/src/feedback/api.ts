import type {
  AnswerFeedbackDto,
  FeedbackLookupView,
  FeedbackReceipt,
  FeedbackStatus,
  OfficerFeedbackView,
  Page,
  PublicFeedbackView,
  SubmitFeedbackDto,
} from '@dvc/contracts';
import { body, client } from '../api/client';

export const feedbackApi = {
  submit: (input: SubmitFeedbackDto) =>
    body<FeedbackReceipt>(client.POST('/api/v1/feedback', { body: input })),
  lookup: (code: string, key: string) =>
    body<FeedbackLookupView>(
      client.GET('/api/v1/feedback/lookup', { params: { query: { code, key } } }),
    ),
  published: (filter: { q?: string; agency?: string; page?: number; pageSize?: number }) =>
    body<Page<PublicFeedbackView>>(
      client.GET('/api/v1/public/feedback', { params: { query: filter } }),
    ),
  officerList: (filter: {
    status?: FeedbackStatus;
    overdue?: boolean;
    page?: number;
    pageSize?: number;
  }) =>
    body<Page<OfficerFeedbackView>>(
      client.GET('/api/v1/officer/feedback', { params: { query: filter } }),
    ),
  answer: (id: string, input: AnswerFeedbackDto) =>
    body<OfficerFeedbackView>(
      client.POST('/api/v1/officer/feedback/{id}/answer', {
        params: { path: { id } },
        body: input,
      }),
    ),
};
