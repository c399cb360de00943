import { Caller, RpcQueues } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { DossierConfig } from '../dossier.config';

/** Injection tokens of the RpcClient of each service the dossier service calls. */
export const CATALOGUE_RPC = Symbol('CATALOGUE_RPC');
export const IDENTITY_RPC = Symbol('IDENTITY_RPC');
export const STORAGE_RPC = Symbol('STORAGE_RPC');

const clientFor = (token: symbol, service: 'catalogue' | 'identity' | 'storage') => ({
  provide: token,
  inject: [DossierConfig],
  useFactory: (config: DossierConfig) =>
    new RpcClient(service, RpcQueues[service], config.AMQP_URL, config.RPC_TIMEOUT_MS),
});

/** One RpcClient (own AMQP connection, a deadline on every call) per neighbour. */
export const neighbourClients = [
  clientFor(CATALOGUE_RPC, 'catalogue'),
  clientFor(IDENTITY_RPC, 'identity'),
  clientFor(STORAGE_RPC, 'storage'),
];

/** Who a call to a neighbour is made for: the caller travels on, so it can check access too. */
export interface OnBehalfOf {
  caller: Caller | null;
  correlationId: string | null;
}
