// The newsroom's clock: every date and time on the desk is shown in the newsroom's time zone (admin
// settings), and deadlines are calendar days of that zone. Pure and deterministic — given the same zone and
// language, the server render and the browser's hydration produce the same text, whatever zone either of
// them runs in (decision 0012).
import { isTimeZone } from "./time-zone";

/** A calendar day, "2026-12-05", as an `<input type="date">` sends it. */
export type CalendarDay = string;
export type DateLike = Date | string | number;

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

/** Whether `value` is a real calendar day written as YYYY-MM-DD (not "2026-02-30"). */
export function isCalendarDay(value: string): value is CalendarDay {
  const match = dayPattern.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return (
    date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3])
  );
}

function dayStart(day: CalendarDay): number {
  if (!isCalendarDay(day)) throw new RangeError(`Not a calendar day: ${day}`);
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date);
}

function dayOfUtc(time: number): CalendarDay {
  return new Date(time).toISOString().slice(0, 10);
}

/** The day `days` after (or before) `day`. */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  return dayOfUtc(dayStart(day) + days * dayMs);
}

function time(value: DateLike): number {
  return value instanceof Date ? value.getTime() : new Date(value).getTime();
}

/** A zone the runtime knows, else UTC (a zone name saved before validation must not break every page). */
const zoneChecks = new Map<string, boolean>();
function knownZone(timeZone: string): string {
  let known = zoneChecks.get(timeZone);
  if (known === undefined) {
    known = isTimeZone(timeZone);
    if (zoneChecks.size < 1000) zoneChecks.set(timeZone, known);
  }
  return known ? timeZone : "UTC";
}

// ---------------------------------------------------------------------------------------------------------
// Calendar arithmetic in a zone

const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock in `timeZone` at an instant, as if it were UTC (milliseconds dropped). */
function wallClock(instant: number, timeZone: string): number {
  let format = wallFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    wallFormats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
  const year = parts.era === "BC" || parts.era === "B" ? 1 - Number(parts.year) : Number(parts.year);
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  return wall.getTime();
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const seconds = Math.floor(instant / 1000) * 1000;
  return wallClock(seconds, timeZone) - seconds;
}

/**
 * The instant the zone's wall clock reads `wall` (a wall-clock time written as if UTC). A time skipped by a
 * daylight-saving jump resolves to the instant just after the jump, so a day that starts at 01:00 because
 * midnight never happened starts then.
 */
function instantAt(wall: number, timeZone: string): number {
  const before = offsetAt(wall, timeZone);
  const first = wall - before;
  const after = offsetAt(first, timeZone);
  if (after === before) return first;
  const second = wall - after;
  if (offsetAt(second, timeZone) === after) return second;
  return Math.max(first, second);
}

/** The first instant of a calendar day in the zone. */
export function startOfDay(day: CalendarDay, timeZone: string): Date {
  return new Date(instantAt(dayStart(day), knownZone(timeZone)));
}

const timePattern = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;

/**
 * The instant the zone's clock reads `time` ("21:05", "21:05:30.250") on `day` — a date and time written
 * without an offset, as people type them, read on the newsroom's clock rather than the server's.
 */
export function instantOf(day: CalendarDay, time: string, timeZone: string): Date {
  const match = timePattern.exec(time);
  const [hour, minute, second, fraction] = [match?.[1], match?.[2], match?.[3] ?? "0", (match?.[4] ?? "0").padEnd(3, "0")].map(Number) as [
    number,
    number,
    number,
    number,
  ];
  if (!match || hour > 23 || minute > 59 || second > 59) throw new RangeError(`Not a time of day: ${time}`);
  const wall = dayStart(day) + ((hour * 60 + minute) * 60 + second) * 1000;
  return new Date(instantAt(wall, knownZone(timeZone)) + fraction);
}

/** The last instant (millisecond) of a calendar day in the zone: what "due on 5 December" means. */
export function endOfDay(day: CalendarDay, timeZone: string): Date {
  return new Date(startOfDay(addDays(day, 1), timeZone).getTime() - 1);
}

/** The calendar day an instant falls on in the zone. */
export function calendarDayOf(value: DateLike, timeZone: string): CalendarDay {
  return dayOfUtc(wallClock(time(value), knownZone(timeZone)));
}

/** Today in the zone. */
export function today(timeZone: string, now: DateLike = new Date()): CalendarDay {
  return calendarDayOf(now, timeZone);
}

/** Overdue: the deadline (an instant, e.g. an `endOfDay`) has passed. */
export function isOverdue(dueAt: DateLike | null | undefined, now: DateLike = new Date()): boolean {
  return dueAt !== null && dueAt !== undefined && time(dueAt) < time(now);
}

// ---------------------------------------------------------------------------------------------------------
// Formatting

/** The locale each interface language formats dates in (day before month, 24-hour clock — as the public pages). */
const locales: Record<string, string> = { en: "en-GB", id: "id-ID" };

export function dateLocale(language: string): string {
  return locales[language] ?? language;
}

export type Clock = {
  timeZone: string;
  /** "5 Dec 2026": the day an instant falls on in the newsroom (a due date, a creation date). */
  date: (value: DateLike) => string;
  /** "5 December 2026". */
  longDate: (value: DateLike) => string;
  /** "5 Dec 2026, 14:05 GMT+7": a moment, with the zone named (people may sit elsewhere). */
  dateTime: (value: DateLike) => string;
  /** "5 December 2026 at 14:05 GMT+7": a moment in full (the public pages' publication and correction times). */
  longDateTime: (value: DateLike) => string;
  /** "5 December 2026 at 14:05:09 GMT+7": a moment to the second (an archive copy's time). */
  preciseDateTime: (value: DateLike) => string;
  /** "14:05". */
  time: (value: DateLike) => string;
  /**
   * A calendar date stored as UTC midnight (when a claim was made, an article's date): that same day, in
   * any zone — "5 December 2026".
   */
  calendarDate: (value: DateLike) => string;
  /** "3 hours ago", "in 2 days": how far `value` is from `now` (pass the server's `now` to render it on both sides). */
  relative: (value: DateLike, now: DateLike) => string;
  /** The calendar day of an instant, "2026-12-05" (for a date input's value). */
  dayOf: (value: DateLike) => CalendarDay;
};

const clocks = new Map<string, Clock>();

/** Dates and times in `timeZone`, worded in `language` ("en", "id"). */
export function newsroomClock(timeZone: string, language: string): Clock {
  const zone = knownZone(timeZone);
  const key = `${zone}|${language}`;
  const known = clocks.get(key);
  if (known) return known;
  const locale = dateLocale(language);
  const format = (options: Intl.DateTimeFormatOptions) => {
    const formatter = new Intl.DateTimeFormat(locale, { timeZone: zone, ...options });
    return (value: DateLike) => formatter.format(time(value));
  };
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const clock: Clock = {
    timeZone: zone,
    date: format({ day: "numeric", month: "short", year: "numeric" }),
    longDate: format({ day: "numeric", month: "long", year: "numeric" }),
    dateTime: format({
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    }),
    longDateTime: format({ day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }),
    preciseDateTime: format({
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    }),
    time: format({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    calendarDate: (() => {
      const formatter = new Intl.DateTimeFormat(locale, { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
      return (value: DateLike) => formatter.format(time(value));
    })(),
    relative: (value, now) => {
      const seconds = Math.round((time(value) - time(now)) / 1000);
      const size = Math.abs(seconds);
      if (size < 60) return relativeFormat.format(0, "minute");
      if (size < 3600) return relativeFormat.format(Math.trunc(seconds / 60), "minute");
      if (size < 86_400) return relativeFormat.format(Math.trunc(seconds / 3600), "hour");
      if (size < 30 * 86_400) return relativeFormat.format(Math.trunc(seconds / 86_400), "day");
      if (size < 365 * 86_400) return relativeFormat.format(Math.trunc(seconds / (30 * 86_400)), "month");
      return relativeFormat.format(Math.trunc(seconds / (365 * 86_400)), "year");
    },
    dayOf: (value) => calendarDayOf(value, zone),
  };
  clocks.set(key, clock);
  return clock;
}
