import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { ReadinessCheck } from './health';

export function postgresCheck(dataSource: DataSource): ReadinessCheck {
  return { name: 'postgres', check: async () => void (await dataSource.query('SELECT 1')) };
}

export function redisCheck(redis: Redis): ReadinessCheck {
  return {
    name: 'redis',
    check: async () => {
      if ((await redis.ping()) !== 'PONG') throw new Error('unexpected PING answer');
    },
  };
}

export function amqpCheck(isConnected: () => boolean): ReadinessCheck {
  return {
    name: 'rabbitmq',
    check: async () => {
      if (!isConnected()) throw new Error('not connected');
    },
  };
}
