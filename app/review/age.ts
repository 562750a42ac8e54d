// How long something has waited, as the desk says it: minutes under an hour, hours under a day, then days.
// Pure: the server computes the minutes in the loader and the page words them, so the server's rendering
// and the browser's hydration agree.

export type WaitAge = { unit: "minutes" | "hours" | "days"; count: number };

export function waitAge(minutes: number): WaitAge {
  const whole = Math.max(0, Math.floor(minutes));
  if (whole < 60) return { unit: "minutes", count: whole };
  if (whole < 24 * 60) return { unit: "hours", count: Math.floor(whole / 60) };
  return { unit: "days", count: Math.floor(whole / (24 * 60)) };
}
