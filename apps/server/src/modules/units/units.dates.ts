const VN_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar date in Việt Nam (UTC+7), whatever the server's time zone. */
export function todayInVietnam(now = new Date()): string {
  return VN_DATE.format(now);
}
