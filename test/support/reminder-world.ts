import { sql } from "drizzle-orm";
import { createUnit, type Db, type ReminderPolicy } from "../../src/core/index.js";
import { testConfig } from "./config.js";
import { queryRows, type TestDatabase } from "./engines.js";
import { seatPerson } from "./people.js";
import { publishPlans } from "./plans-fixture.js";

/** The Hà Nội plan 4582/KH-SGDĐT (2023), whose timeline the reminders are replayed on. */
export const hanoiPlan = "000_31ba9c53447dfa3c.txt";

/** The office's default policy, as configuration gives it. */
export const defaultPolicy = (env: Record<string, string> = {}): ReminderPolicy =>
  testConfig(env).reminders.policy;

/**
 * The Sở of Hà Nội with two Phòng, a THPT and a unit directly under it, each with a focal person on
 * Telegram (Đông Anh's also on the Zalo Bot Platform, which they chose for reminders), and an officer
 * at the Sở; the 4582 plan published.
 */
export async function seedHanoi(db: Db) {
  const so = await createUnit(db, { code: "SO", name: "Sở Giáo dục và Đào tạo Hà Nội", kind: "so" });
  const under = (code: string, name: string, kind: "phong" | "thpt" | "truc_thuoc") =>
    createUnit(db, { code, name, kind, parentId: so.id });
  const badinh = await under("BD", "Phòng GDĐT quận Ba Đình", "phong");
  const donganh = await under("DA", "Phòng GDĐT huyện Đông Anh", "phong");
  const chuvanan = await under("CVA", "Trường THPT Chu Văn An", "thpt");
  const kthn = await under("KTHN", "Trung tâm Kỹ thuật tổng hợp - Hướng nghiệp Hà Nội", "truc_thuoc");
  for (const [id, unit] of [
    ["focal-bd", badinh],
    ["focal-da", donganh],
    ["focal-cva", chuvanan],
    ["focal-kthn", kthn],
  ] as const)
    await seatPerson(db, { platform: "telegram", externalId: id }, "focal", unit.id);
  await seatPerson(db, { platform: "telegram", externalId: "officer-so" }, "officer", so.id);
  // Đông Anh's focal person also talks on the Zalo Bot Platform and wants reminders there.
  await db.execute(sql`
    insert into chat_identities (platform, external_id, person_id)
    select 'zalo-bot', 'zalo-da', person_id from chat_identities where external_id = 'focal-da'`);
  await db.execute(sql`
    update people set reminder_platform = 'zalo-bot'
    where id = (select person_id from chat_identities where external_id = 'focal-da')`);
  await publishPlans(db, [hanoiPlan]);
  return { so, badinh, donganh, chuvanan, kthn };
}

/** The id of the plan's task whose text starts so. */
export async function taskStarting(database: TestDatabase, words: string): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    database,
    sql`select id from tasks where text like ${`${words}%`} order by id limit 1`,
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`no task starting ${words}`);
  return id;
}
