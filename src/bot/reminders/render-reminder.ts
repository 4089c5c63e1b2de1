import {
  addDays,
  formatDay,
  isRegistrationTask,
  type ReminderPayload,
  type TaskRef,
} from "../../core/index.js";
import type { Translate } from "../i18n.js";
import type { Locale, Reply, ReplyBlock, ReplyChoice } from "../messages.js";

// A summary names this many units, then counts the rest: a message stays readable for a Sở of 600 schools.
const unitsNamed = 12;

function unitList(t: Translate, names: string[]): string {
  const shown = names.slice(0, unitsNamed).join(", ");
  return names.length > unitsNamed
    ? `${shown} ${t("reminders.more", { count: names.length - unitsNamed })}`
    : shown;
}

function source(t: Translate, task: TaskRef): ReplyBlock[] {
  return task.plan && task.deadlineRaw
    ? [{ kind: "paragraph", text: t("reminders.source", { plan: task.plan, words: task.deadlineRaw }) }]
    : [];
}

/**
 * The buttons under a reminder of one task: handed in, remind me later, what the dossier holds; a
 * registration task's reminder also opens the guided registration.
 */
function taskChoices(t: Translate, outboxId: number, task: TaskRef): ReplyChoice[] {
  return [
    ...(isRegistrationTask(task.text) ? [{ id: "/dangky", label: t("reminders.buttons.register") }] : []),
    { id: `/danop ${task.id}`, label: t("reminders.buttons.submitted") },
    { id: `/nhaclai ${outboxId}`, label: t("reminders.buttons.later") },
    { id: `/hoso ${task.id}`, label: t("reminders.buttons.dossier") },
  ];
}

/** A pushed message in the recipient's language, with its buttons. */
export function renderReminder(
  t: Translate,
  locale: Locale,
  outboxId: number,
  payload: ReminderPayload,
): Reply {
  const heading: ReplyBlock = { kind: "heading", text: t("reminders.heading") };
  const paragraph = (text: string): ReplyBlock => ({ kind: "paragraph", text });
  switch (payload.kind) {
    case "reminder":
    case "overdue":
    case "snoozed":
    case "one_off": {
      const { task } = payload;
      const due = formatDay(task.dueOn);
      const line =
        payload.kind === "reminder"
          ? payload.daysBefore === 0
            ? t("reminders.dueToday", { task: task.text, due })
            : t("reminders.dueIn", { task: task.text, due, count: payload.daysBefore })
          : payload.kind === "overdue"
            ? t("reminders.overdue", { task: task.text, due, count: payload.daysLate })
            : t(payload.kind === "snoozed" ? "reminders.snoozed" : "reminders.oneOff", {
                task: task.text,
                due,
              });
      return {
        locale,
        blocks: [
          heading,
          paragraph(line),
          paragraph(t("reminders.unit", { unit: payload.unit })),
          ...source(t, task),
        ],
        choices: taskChoices(t, outboxId, task),
      };
    }
    case "digest": {
      const items = payload.tasks.map((task) =>
        t("reminders.item", { due: formatDay(task.dueOn), task: task.text }),
      );
      return {
        locale,
        blocks: [
          heading,
          paragraph(
            t("reminders.digestTitle", {
              from: formatDay(payload.weekStart),
              to: formatDay(addDays(payload.weekStart, 6)),
              unit: payload.unit,
              count: payload.tasks.length,
            }),
          ),
          { kind: "list", items },
        ],
      };
    }
    case "officer_summary": {
      const blocks: ReplyBlock[] = [heading];
      if (payload.tasks.length)
        blocks.push(paragraph(t("reminders.summaryTitle", { day: formatDay(payload.day) })), {
          kind: "list",
          items: payload.tasks.map((entry) =>
            t("reminders.summaryItem", {
              task: entry.task.text,
              due: formatDay(entry.task.dueOn),
              count: entry.missing.length,
              units: unitList(t, entry.missing),
            }),
          ),
        });
      const { undelivered } = payload;
      if (undelivered.length)
        blocks.push(
          paragraph(
            t("reminders.undelivered", { count: undelivered.length, units: unitList(t, undelivered) }),
          ),
        );
      return { locale, blocks };
    }
    case "registration":
      if (payload.review)
        return {
          locale,
          blocks: [
            heading,
            paragraph(
              t("reminders.registrationReviewed", {
                unit: payload.unit,
                year: payload.schoolYear,
                status: t(`registration.status.${payload.review.status}`),
                note: payload.review.note ?? "",
              }),
            ),
          ],
          ...(payload.review.status === "returned"
            ? { choices: [{ id: "/dangky", label: t("reminders.buttons.resume") }] }
            : {}),
        };
      return {
        locale,
        blocks: [
          heading,
          paragraph(
            t(payload.amended ? "reminders.registrationAmended" : "reminders.registrationIn", {
              unit: payload.unit,
              year: payload.schoolYear,
              id: payload.registrationId,
            }),
          ),
        ],
        choices: [
          { id: `/dangky duyet ${payload.registrationId}`, label: t("reminders.buttons.approve") },
          { id: `/dangky xem ${payload.registrationId}`, label: t("reminders.buttons.view") },
        ],
      };
    case "draft":
      return {
        locale,
        blocks: [
          heading,
          paragraph(t("reminders.draft", { unit: payload.unit, expires: formatDay(payload.expires) })),
        ],
        choices: [
          { id: "/dangky", label: t("reminders.buttons.resume") },
          { id: "huy", label: t("registration.choices.cancel") },
        ],
      };
    case "non_submitters":
      return {
        locale,
        blocks: [
          heading,
          paragraph(
            t("reminders.nonSubmittersTitle", {
              due: formatDay(payload.task.dueOn),
              task: payload.task.text,
            }),
          ),
          paragraph(
            t("reminders.nonSubmittersLine", {
              count: payload.missing.length,
              units: unitList(t, payload.missing),
            }),
          ),
          ...source(t, payload.task),
        ],
      };
  }
}
