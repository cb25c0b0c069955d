const VN_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The last date formatted, by minute: a request asks several times, and formatting shows in profiles. */
let formatted = { minute: Number.NaN, date: '' };

/**
 * Today's calendar date in Việt Nam (UTC+7), whatever the server's time zone. Việt Nam's offset is a
 * whole number of hours, so the date can only change on a minute boundary.
 */
export function todayInVietnam(now = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== formatted.minute) formatted = { minute, date: VN_DATE.format(now) };
  return formatted.date;
}
