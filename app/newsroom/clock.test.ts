import { describe, expect, it } from "vitest";
import { addDays, calendarDayOf, endOfDay, instantOf, isCalendarDay, isOverdue, newsroomClock, startOfDay, today } from "./clock";

describe("deadlines: the end of a calendar day in the newsroom's zone", () => {
  it.each([
    ["Asia/Jakarta", "2026-12-05", "2026-12-04T17:00:00.000Z", "2026-12-05T16:59:59.999Z"],
    ["Europe/Berlin", "2026-12-05", "2026-12-04T23:00:00.000Z", "2026-12-05T22:59:59.999Z"],
    ["UTC", "2026-12-05", "2026-12-05T00:00:00.000Z", "2026-12-05T23:59:59.999Z"],
    // Berlin's daylight-saving edges: 29 March 2026 has 23 hours (02:00 → 03:00), 25 October 25 hours.
    ["Europe/Berlin", "2026-03-28", "2026-03-27T23:00:00.000Z", "2026-03-28T22:59:59.999Z"],
    ["Europe/Berlin", "2026-03-29", "2026-03-28T23:00:00.000Z", "2026-03-29T21:59:59.999Z"],
    ["Europe/Berlin", "2026-03-30", "2026-03-29T22:00:00.000Z", "2026-03-30T21:59:59.999Z"],
    ["Europe/Berlin", "2026-10-25", "2026-10-24T22:00:00.000Z", "2026-10-25T22:59:59.999Z"],
    ["Europe/Berlin", "2026-10-26", "2026-10-25T23:00:00.000Z", "2026-10-26T22:59:59.999Z"],
    // A day whose midnight never happens (Santiago jumps from 00:00 to 01:00) starts at 01:00.
    ["America/Santiago", "2026-09-06", "2026-09-06T04:00:00.000Z", "2026-09-07T02:59:59.999Z"],
  ])("%s %s runs from %s to %s", (zone, day, start, end) => {
    expect(startOfDay(day, zone).toISOString()).toBe(start);
    expect(endOfDay(day, zone).toISOString()).toBe(end);
    expect(calendarDayOf(start, zone)).toBe(day);
    expect(calendarDayOf(end, zone)).toBe(day);
    expect(calendarDayOf(new Date(new Date(end).getTime() + 1), zone)).toBe(addDays(day, 1));
    expect(calendarDayOf(new Date(new Date(start).getTime() - 1), zone)).toBe(addDays(day, -1));
  });

  it("is overdue only once that instant has passed", () => {
    const due = endOfDay("2026-12-05", "Asia/Jakarta");
    expect(isOverdue(due, new Date("2026-12-05T16:00:00Z"))).toBe(false);
    expect(isOverdue(due, new Date("2026-12-05T16:59:59.999Z"))).toBe(false);
    expect(isOverdue(due, new Date("2026-12-05T17:00:01Z"))).toBe(true);
    expect(isOverdue(null, new Date("2099-01-01T00:00:00Z"))).toBe(false);
  });

  it("knows today in the newsroom, not on the server", () => {
    // 17:30 UTC on 5 December is already 6 December in Jakarta and still 5 December in Berlin.
    const now = new Date("2026-12-05T17:30:00Z");
    expect(today("Asia/Jakarta", now)).toBe("2026-12-06");
    expect(today("Europe/Berlin", now)).toBe("2026-12-05");
    expect(today("UTC", now)).toBe("2026-12-05");
    expect(today("Europe/Berlin", new Date("2026-03-29T22:30:00Z"))).toBe("2026-03-30");
  });

  it("reads a wall-clock time on a day in the zone, across Berlin's daylight-saving jumps", () => {
    expect(instantOf("2024-10-28", "21:05", "Asia/Jakarta").toISOString()).toBe("2024-10-28T14:05:00.000Z");
    expect(instantOf("2026-03-29", "01:59:59.5", "Europe/Berlin").toISOString()).toBe("2026-03-29T00:59:59.500Z");
    // 02:30 never happens on 29 March in Berlin: the time after the jump.
    expect(instantOf("2026-03-29", "02:30", "Europe/Berlin").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(instantOf("2026-03-29", "03:00", "Europe/Berlin").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(instantOf("2026-10-25", "04:00", "Europe/Berlin").toISOString()).toBe("2026-10-25T03:00:00.000Z");
    expect(instantOf("2026-12-05", "23:59", "UTC").toISOString()).toBe("2026-12-05T23:59:00.000Z");
    for (const bad of ["24:00", "21:60", "9:05", "21"]) expect(() => instantOf("2026-12-05", bad, "UTC")).toThrow(RangeError);
  });

  it("reads only real calendar days", () => {
    expect(isCalendarDay("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-29", "2026-13-01", "2026-12-5", "5/12/2026", "2026-12-05T00:00", ""])
      expect(isCalendarDay(bad)).toBe(false);
    expect(() => endOfDay("2026-02-30", "Asia/Jakarta")).toThrow(RangeError);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });
});

describe("newsroomClock: dates and times in the newsroom's zone and the reader's language", () => {
  const due = endOfDay("2026-12-05", "Asia/Jakarta");

  it("shows a deadline on its own calendar day, whatever zone the process runs in", () => {
    expect(newsroomClock("Asia/Jakarta", "en").date(due)).toBe("5 Dec 2026");
    expect(newsroomClock("Asia/Jakarta", "id").date(due)).toBe("5 Des 2026");
    expect(newsroomClock("Europe/Berlin", "en").date(endOfDay("2026-12-05", "Europe/Berlin"))).toBe("5 Dec 2026");
    expect(newsroomClock("UTC", "en").date(endOfDay("2026-12-05", "UTC"))).toBe("5 Dec 2026");
    expect(newsroomClock("Asia/Jakarta", "en").dayOf(due)).toBe("2026-12-05");
  });

  it("shows moments in the newsroom's zone, named", () => {
    const moment = new Date("2026-03-29T00:30:00Z");
    expect(newsroomClock("Asia/Jakarta", "en").dateTime(moment)).toBe("29 Mar 2026, 07:30 GMT+7");
    expect(newsroomClock("Asia/Jakarta", "id").dateTime(moment)).toBe("29 Mar 2026, 07.30 WIB");
    expect(newsroomClock("Europe/Berlin", "en").dateTime(moment)).toBe("29 Mar 2026, 01:30 CET");
    expect(newsroomClock("Europe/Berlin", "en").dateTime(new Date("2026-03-29T01:30:00Z"))).toBe("29 Mar 2026, 03:30 CEST");
    expect(newsroomClock("UTC", "en").dateTime(moment)).toBe("29 Mar 2026, 00:30 UTC");
    expect(newsroomClock("Asia/Jakarta", "en").time(moment)).toBe("07:30");
    expect(newsroomClock("Europe/Berlin", "en").preciseDateTime(moment)).toContain("01:30:00");
    expect(newsroomClock("Asia/Jakarta", "en").longDate(new Date("2026-12-04T17:00:00Z"))).toBe("5 December 2026");
  });

  it("shows a calendar date stored as UTC midnight as that day in every zone", () => {
    for (const zone of ["Asia/Jakarta", "Europe/Berlin", "America/Los_Angeles", "UTC"]) {
      expect(newsroomClock(zone, "en").calendarDate("2024-10-28T00:00:00.000Z")).toBe("28 October 2024");
      expect(newsroomClock(zone, "id").calendarDate(new Date("2024-10-28"))).toBe("28 Oktober 2024");
    }
  });

  it("says how long ago, against the now it is given", () => {
    const now = new Date("2026-12-05T12:00:00Z");
    const en = newsroomClock("Asia/Jakarta", "en");
    expect(en.relative(new Date("2026-12-05T11:59:30Z"), now)).toBe("this minute");
    expect(en.relative(new Date("2026-12-05T11:15:00Z"), now)).toBe("45 minutes ago");
    expect(en.relative(new Date("2026-12-05T09:00:00Z"), now)).toBe("3 hours ago");
    expect(en.relative(new Date("2026-12-03T12:00:00Z"), now)).toBe("2 days ago");
    expect(newsroomClock("Asia/Jakarta", "id").relative(new Date("2026-12-05T09:00:00Z"), now)).toBe("3 jam yang lalu");
  });

  it("falls back to UTC for a zone the runtime does not know, instead of failing the page", () => {
    expect(newsroomClock("Mars/Olympus_Mons", "en").timeZone).toBe("UTC");
    expect(endOfDay("2026-12-05", "Mars/Olympus_Mons").toISOString()).toBe("2026-12-05T23:59:59.999Z");
  });
});
