export * from './data-source';
export * from './redis.module';
export * from './statement-counter';
export * from './kysely';
