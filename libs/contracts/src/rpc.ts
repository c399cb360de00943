/**
 * RPC over RabbitMQ (Nest RMQ transport): one durable queue per service and typed pattern
 * constants. Every request travels as an RpcRequest: the caller first, then the input.
 */
export const RpcQueues = {
  identity: 'identity.rpc',
  catalogue: 'catalogue.rpc',
  notification: 'notification.rpc',
} as const;

export type Role = 'citizen' | 'officer' | 'admin';

/** Who is calling, as the gateway authenticated them. */
export interface Caller {
  accountId: string;
  roles: Role[];
  /** Agency codes an officer belongs to. */
  agencies: string[];
  /** Session (refresh-token family) id from the access token's `sid`, when the call carries one. */
  sessionId?: string;
}

export interface RpcRequest<T = unknown> {
  caller: Caller | null;
  correlationId: string | null;
  /** Client IP, for throttling and audit. */
  ip?: string;
  data: T;
}

export const IdentityRpc = {
  register: 'identity.register',
  activate: 'identity.activate',
  login: 'identity.login',
  refresh: 'identity.refresh',
  logout: 'identity.logout',
  captcha: 'identity.captcha',
  forgotPassword: 'identity.forgot_password',
  resetPassword: 'identity.reset_password',
  getProfile: 'identity.profile.get',
  updateProfile: 'identity.profile.update',
  changePassword: 'identity.password.change',
  ping: 'identity.ping',
} as const;

export const CatalogueRpc = {
  searchProcedures: 'catalogue.procedures.search',
  getProcedure: 'catalogue.procedures.get',
  upsertProcedure: 'catalogue.procedures.upsert',
  importProcedures: 'catalogue.procedures.import',
  listAgencies: 'catalogue.agencies.list',
  listFields: 'catalogue.fields.list',
  listHolidays: 'catalogue.holidays.list',
  ping: 'catalogue.ping',
} as const;

export const NotificationRpc = {
  ping: 'notification.ping',
} as const;
