/**
 * "Now" as China wall-clock text (`2021-10-11 09:00`), whatever the computer's time zone: the builds'
 * `builtAt`. The clock is a parameter; the pane passes `new Date()`.
 */

const chinaFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * @example chinaWallClockText(new Date('2021-10-11T01:00:00Z')) // '2021-10-11 09:00'
 */
export function chinaWallClockText(instant: Date): string {
  const parts = Object.fromEntries(chinaFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
