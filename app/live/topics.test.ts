import { describe, expect, it } from "vitest";
import { concerns, everyTopic, topic } from "./topics";

describe("live topics", () => {
  it("are built the way /events and the bus name them", () => {
    expect([topic.article("a1"), topic.claim("c1"), topic.queue("u1"), topic.notifications("u1"), topic.factCheck("banjir")]).toEqual([
      "article:a1",
      "claim:c1",
      "queue:u1",
      "notifications:u1",
      "factcheck:banjir",
    ]);
    expect([topic.desk, topic.decisions, topic.newsroom, topic.factChecks, topic.knownFactChecks, topic.myQueue, topic.myNotifications]).toEqual([
      "desk",
      "decisions",
      "newsroom",
      "fact-checks",
      "known-fact-checks",
      "queue:me",
      "notifications:me",
    ]);
  });

  it("concern a watcher of the same topic, of its family, or of every topic", () => {
    expect(concerns(topic.article("a1"), topic.article("a1"))).toBe(true);
    expect(concerns(topic.article("a1"), topic.article("a2"))).toBe(false);
    expect(concerns(topic.anyArticle, topic.article("a2"))).toBe(true);
    expect(concerns(topic.anyArticle, topic.claim("a2"))).toBe(false);
    expect(concerns(everyTopic, topic.desk)).toBe(true);
    expect(concerns(topic.desk, everyTopic)).toBe(true);
    expect(concerns(topic.desk, topic.decisions)).toBe(false);
  });
});
