import type { Channel, ProcessingTime, TimeUnit } from '../../seed.types';

/** Every channel a procedure is offered on. */
export const ALL: Channel[] = ['online', 'post', 'desk'];

export const AFTER_15H =
  'Hồ sơ tiếp nhận sau 15 giờ được trả kết quả trong ngày làm việc tiếp theo';

/** Same processing time on each listed channel. */
export function times(
  channels: Channel[],
  value: number,
  unit: TimeUnit = 'working_day',
  note?: string,
): ProcessingTime[] {
  return channels.map((channel) => ({ channel, value, unit, ...(note ? { note } : {}) }));
}
