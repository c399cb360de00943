export * from './errors';
export * from './events';
export * from './rpc';
export * from './identity.dto';
export * from './catalogue.dto';
