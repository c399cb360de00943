import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptedLanguage } from '../http/accepted-language';
import {
  PROBLEM_CONTENT_TYPE,
  internalProblem,
  problemOf,
  renderProblem,
  retryAfterOf,
} from './problem';

/**
 * The one place where errors become HTTP answers: every error, whatever threw it (a
 * service's DomainError relayed over RPC, a guard, the validation pipe, Fastify's body
 * parser, the router), leaves as `application/problem+json`, worded in the language of
 * Accept-Language (Vietnamese unless English comes first). Anything unexpected is logged
 * with its stack and answered as a bare 500.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const requestId = String(request.id);

    const language = acceptedLanguage(request.headers['accept-language']);
    let problem = problemOf(exception, language);
    if (problem === null) {
      this.logger.error(
        `unhandled error on ${request.method} ${pathOf(request)} [${requestId}]: ${describe(exception)}`,
      );
      problem = internalProblem(language);
    } else if (problem.status >= 500) {
      this.logger.warn(
        `${problem.status} ${problem.code} on ${request.method} ${pathOf(request)} [${requestId}]`,
      );
    }

    if (reply.sent || reply.raw.headersSent) {
      // The answer was already streaming (e.g. a file download): all we can do is cut it.
      reply.raw.destroy();
      return;
    }
    const retryAfter = retryAfterOf(problem);
    if (retryAfter !== null && (problem.status === 429 || problem.status === 503)) {
      reply.header('Retry-After', String(retryAfter));
    }
    reply
      .status(problem.status)
      .header('Content-Type', PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(renderProblem(problem, pathOf(request), requestId)));
  }
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0];
}

function describe(exception: unknown): string {
  if (exception instanceof Error)
    return exception.stack ?? `${exception.name}: ${exception.message}`;
  try {
    return JSON.stringify(exception);
  } catch {
    return String(exception);
  }
}
