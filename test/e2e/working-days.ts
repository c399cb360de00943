/** 09:00 in Vietnam on the n-th weekday after `from`: working time unless a holiday. */
export function weekdayMorningAfter(from: Date, n: number): string {
  const day = new Date(from.getTime() + 7 * 3_600_000);
  let left = n;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) left -= 1;
  }
  return `${day.toISOString().slice(0, 10)}T09:00:00+07:00`;
}
