/**
 * Compiled (never run) by rpc-contract.spec.ts: each `@ts-expect-error` marks a line the RPC
 * contract must reject. The spec fails when one of them compiles, or when a correct line does not.
 */
import {
  DossierRefInput,
  DossierRpc,
  DossierSummary,
  DossierView,
  Page,
  PaymentRefInput,
  PaymentView,
  RpcRequest,
} from '@dvc/contracts';
import { RpcClient, RpcHandler } from '@dvc/messaging';
import type { CallContext } from '../../apps/gateway/src/rpc/call-context';
import { sendRpc } from '../../apps/gateway/src/rpc/send-rpc';

declare const client: RpcClient;
declare const ctx: CallContext;
const on = { caller: null, correlationId: null };

export async function senders(): Promise<void> {
  const view: DossierView = await client.send(DossierRpc.get, { ...on, data: { dossierId: 'd' } });
  const viaGateway: DossierView = await sendRpc(client, DossierRpc.get, ctx, { dossierId: 'd' });

  // @ts-expect-error the input of dossier.get is a DossierRefInput
  await client.send(DossierRpc.get, { ...on, data: { paymentId: 'p' } });
  // @ts-expect-error the input of dossier.get is a DossierRefInput
  await sendRpc(client, DossierRpc.get, ctx, { id: 'd' });
  // @ts-expect-error dossier.get answers a DossierView, not a page
  const page: Page<DossierSummary> = await client.send(DossierRpc.get, { ...on, data: view });
  // @ts-expect-error dossier.get answers a DossierView, not a page
  const list: Page<DossierSummary> = await sendRpc(client, DossierRpc.get, ctx, viaGateway);
  // @ts-expect-error a pattern outside the contract
  await client.send('dossier.unknown', { ...on, data: {} });
  // @ts-expect-error the result type comes from the contract, never from the call site
  await sendRpc<DossierView>(client, DossierRpc.get, ctx, { dossierId: 'd' });
  void [page, list];
}

export class Handlers {
  @RpcHandler(DossierRpc.get)
  get(req: RpcRequest<DossierRefInput>): Promise<DossierView> {
    return client.send(DossierRpc.get, req);
  }

  @RpcHandler(DossierRpc.ping)
  ping(): { ok: true } {
    return { ok: true };
  }

  // @ts-expect-error dossier.get does not take a PaymentRefInput
  @RpcHandler(DossierRpc.get)
  wrongInput(req: RpcRequest<PaymentRefInput>): Promise<DossierView> {
    return client.send(DossierRpc.get, { ...req, data: { dossierId: req.data.paymentId } });
  }

  // @ts-expect-error dossier.get does not answer a PaymentView
  @RpcHandler(DossierRpc.get)
  wrongResult(req: RpcRequest<DossierRefInput>): Promise<PaymentView> {
    return Promise.reject(new Error(req.data.dossierId));
  }
}
