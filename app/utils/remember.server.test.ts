import { describe, expect, it } from "vitest";
import { remember } from "./remember.server";

describe("remember", () => {
  it("creates a process's value once, on first use, and returns that one to every later caller", () => {
    let created = 0;
    const name = `test.${Math.random().toString(36).slice(2)}`;
    const first = remember(name, () => ({ created: ++created }));
    expect(remember(name, () => ({ created: ++created }))).toBe(first);
    expect(created).toBe(1);
  });

  it("keeps it on globalThis under Symbol.for(\"factdesk.<name>\"), so every copy of a module shares it", () => {
    const name = `test.${Math.random().toString(36).slice(2)}`;
    const value = remember(name, () => new Map());
    expect((globalThis as Record<symbol, unknown>)[Symbol.for(`factdesk.${name}`)]).toBe(value);
  });
});
