import { beforeEach, describe, expect, it } from "vitest";
import { createAssistant, replyToPlainText } from "../../src/bot/index.js";
import { createSchoolCalendar, createUnit, silentLogger } from "../../src/core/index.js";
import { testConfig } from "../support/config.js";
import { type TestDatabase, useTestDatabase } from "../support/engines.js";
import { seatPerson } from "../support/people.js";

describe("an invite made in chat", () => {
  const fixture = useTestDatabase("pglite");
  let database: TestDatabase;
  beforeEach(async () => {
    database = fixture.database;
    const phong = await createUnit(database.db, { code: "PGD-Q3", name: "Phòng GDĐT Quận 3", kind: "phong" });
    await createUnit(database.db, {
      code: "THCS-LQD",
      name: "Trường THCS Lê Quý Đôn",
      kind: "thcs",
      parentId: phong.id,
    });
    await seatPerson(database.db, { platform: "telegram", externalId: "cb-q3" }, "officer", phong.id);
  });

  async function inviteAt(instant: string) {
    const at = new Date(instant);
    const assistant = createAssistant({
      db: database.db,
      clock: { now: () => at },
      config: testConfig(),
      log: silentLogger(),
      calendar: createSchoolCalendar(),
    });
    const reply = await assistant.handle({
      platform: "telegram",
      userId: "cb-q3",
      chatId: "cb-q3",
      text: "/moi THCS Lê Quý Đôn",
      receivedAt: at,
    });
    // The chat's context is written after the reply: done before the next test empties the tables.
    await assistant.settled();
    return replyToPlainText(reply);
  }

  it("shows the day it expires in Vietnam, also when made before 07:00 (still yesterday in UTC)", async () => {
    // 06:30 on 10/05 in Hà Nội is 23:30 on 09/05 in UTC: seven days on, the code lasts until 17/05.
    expect(await inviteAt("2023-05-10T06:30:00+07:00")).toContain("17/05/2023");
    expect(await inviteAt("2023-05-10T21:00:00+07:00")).toContain("17/05/2023");
  });
});
