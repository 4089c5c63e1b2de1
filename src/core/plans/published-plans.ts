import { count, eq, inArray, max, sum } from "drizzle-orm";
import type { Db } from "../storage/open-database.js";
import { channels, contacts, planSections, plans, requirements, tasks } from "../storage/schema.js";
import type { ExtractedGroup, PlanExtraction } from "./extraction.js";
import { requirementItemsOf } from "./plan-store.js";

export interface PublishedPlan {
  id: number;
  number: string | null;
  title: string | null;
  docKind: string | null;
  issuer: string | null;
  signer: string | null;
  schoolYear: string | null;
  groups: ExtractedGroup[];
}

/** Everything the published plans say, loaded together for answering questions. */
export interface PublishedKnowledge {
  plans: PublishedPlan[];
  tasks: (typeof tasks.$inferSelect)[];
  requirements: (typeof requirements.$inferSelect & { items: string[] })[];
  channels: (typeof channels.$inferSelect)[];
  contacts: (typeof contacts.$inferSelect)[];
  sections: (typeof planSections.$inferSelect)[];
}

/** Loads the tasks, dossier lists, channels, contacts, groups and sections of every published plan. */
export async function loadPublishedKnowledge(db: Db): Promise<PublishedKnowledge> {
  const planRows = await db.select().from(plans).where(eq(plans.status, "published")).orderBy(plans.id);
  const ids = planRows.map((p) => p.id);
  if (!ids.length)
    return { plans: [], tasks: [], requirements: [], channels: [], contacts: [], sections: [] };
  const [taskRows, requirementRows, channelRows, contactRows, sectionRows] = await Promise.all([
    db.select().from(tasks).where(inArray(tasks.planId, ids)).orderBy(tasks.id),
    db.select().from(requirements).where(inArray(requirements.planId, ids)).orderBy(requirements.id),
    db.select().from(channels).where(inArray(channels.planId, ids)).orderBy(channels.id),
    db.select().from(contacts).where(inArray(contacts.planId, ids)).orderBy(contacts.id),
    db.select().from(planSections).where(inArray(planSections.planId, ids)).orderBy(planSections.id),
  ]);
  const itemRows = await requirementItemsOf(
    db,
    requirementRows.map((r) => r.id),
  );
  return {
    plans: planRows.map((p) => ({
      id: p.id,
      number: p.number,
      title: p.title,
      docKind: p.docKind,
      issuer: p.issuer,
      signer: p.signer,
      schoolYear: p.schoolYear,
      groups: (p.extraction as PlanExtraction | null)?.groups ?? [],
    })),
    tasks: taskRows,
    requirements: requirementRows.map((r) => ({
      ...r,
      items: itemRows.filter((i) => i.requirementId === r.id).map((i) => i.text),
    })),
    channels: channelRows,
    contacts: contactRows,
    sections: sectionRows,
  };
}

/** A value that changes whenever a plan is published, archived, re-published or revised: a cache key. */
export async function publishedVersion(db: Db): Promise<string> {
  const [row] = await db
    .select({
      n: count(),
      last: max(plans.publishedAt),
      revisions: sum(plans.revision),
      id: max(plans.id),
    })
    .from(plans)
    .where(eq(plans.status, "published"));
  const time = (d: Date | string | null | undefined) => (d ? new Date(d).getTime() : 0);
  return `${row?.n ?? 0}:${row?.id ?? 0}:${time(row?.last)}:${row?.revisions ?? 0}`;
}
