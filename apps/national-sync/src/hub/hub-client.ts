import { Injectable } from '@nestjs/common';
import { NationalSyncConfig } from '../national-sync.config';
import { HubRecord, HubServices } from './hub-messages';

/** The hub did not take a call; `permanent` when sending the same body again cannot help. */
export class HubCallError extends Error {
  override name = 'HubCallError';
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface HubCall {
  id: string;
  service: string;
  isUpdating: boolean;
  record: HubRecord;
}

/** The hub's answer to LayThuTuc: its procedure records, as it sends them. */
export type HubProcedure = Record<string, unknown>;

/**
 * The national hub's integration API: one endpoint, the service named in the body, the
 * province's session token and unit code in every call. The call's stable id travels as the
 * `Idempotency-Key` header, so a call sent again (a lost answer, a retry) is one call at the hub.
 */
@Injectable()
export class HubClient {
  private readonly endpoint: string;

  constructor(private readonly config: NationalSyncConfig) {
    this.endpoint = `${config.NATIONAL_HUB_URL.replace(/\/+$/, '')}/integration`;
  }

  async send(call: HubCall): Promise<void> {
    await this.post(
      {
        service: call.service,
        ...(call.service === HubServices.dossierSync
          ? { isUpdating: call.isUpdating ? 'True' : 'False' }
          : {}),
        data: [call.record],
      },
      call.id,
    );
  }

  /** LayThuTuc: one procedure by its code, or the whole list the hub publishes. */
  async procedures(code?: string): Promise<HubProcedure[]> {
    const answer = await this.post({
      service: HubServices.procedures,
      ...(code ? { maTTHC: code } : {}),
    });
    const result = answer.result;
    if (!Array.isArray(result)) throw new HubCallError('LayThuTuc: no result list', false);
    return result.filter((p): p is HubProcedure => p !== null && typeof p === 'object');
  }

  private async post(
    body: Record<string, unknown>,
    idempotencyKey?: string,
  ): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
        },
        body: JSON.stringify({
          session: this.config.NATIONAL_HUB_TOKEN,
          madonvi: this.config.NATIONAL_HUB_UNIT_CODE,
          ...body,
        }),
        signal: AbortSignal.timeout(this.config.NATIONAL_HUB_TIMEOUT_MS),
      });
    } catch (err) {
      throw new HubCallError(`hub unreachable: ${(err as Error).message}`, false);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      // A refusal of the request itself (bad record, bad session) will not pass by retrying it
      // as it is; a timeout, a throttle or a server error may.
      const permanent =
        response.status >= 400 &&
        response.status < 500 &&
        response.status !== 408 &&
        response.status !== 429;
      throw new HubCallError(`HTTP ${response.status}: ${text.slice(0, 200)}`, permanent);
    }
    let answer: Record<string, unknown>;
    try {
      answer = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new HubCallError(`not JSON: ${text.slice(0, 200)}`, false);
    }
    if (String(answer.error_code) !== '00' && Number(answer.error_code) !== 0) {
      throw new HubCallError(
        `error_code ${String(answer.error_code)}: ${String(answer.message ?? '')}`.slice(0, 300),
        false,
      );
    }
    return answer;
  }
}
