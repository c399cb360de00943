export * from './checks';
export * from './health';
export * from './logging';
export * from './metrics';
export * from './request-line';
