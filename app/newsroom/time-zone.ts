// Time zones for the newsroom's settings. Pure: the settings form validates with it in the browser too.

/** Whether `value` is a time zone this runtime knows (IANA names, e.g. "Asia/Jakarta"). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
