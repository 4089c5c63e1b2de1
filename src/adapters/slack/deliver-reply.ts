import { createHash } from "node:crypto";
import type { RespondFn, webApi } from "@slack/bolt";
import type { Reply, ReplyChoice } from "../../bot/index.js";
import type { PlatformAdapterDeps } from "../platform-adapter.js";
import { renderSlackReply, slackLimits } from "./render-reply.js";

/** Where a reply goes: a channel or DM (a thread in it), or a command's or ephemeral button's response_url. */
export type Destination =
  | { kind: "channel"; channel: string; threadTs?: string | undefined }
  | { kind: "respond"; respond: RespondFn; userId: string };

// A choice id too long for a button's value is kept in the database under this prefix + its hash.
const keptPrefix = "slack-kept:";

export interface SlackDelivery {
  /** Posts a reply; returns the ts of the last message posted to a channel, if any. */
  deliver(to: Destination, reply: Reply): Promise<string | undefined>;
  /** The text a pressed button stands for; undefined when a kept choice is gone. */
  choiceText(value: string): Promise<string | undefined>;
}

export function createSlackDelivery(
  client: webApi.WebClient,
  deps: Pick<PlatformAdapterDeps, "state">,
): SlackDelivery {
  async function keepLongChoices(choices: ReplyChoice[] | undefined): Promise<ReplyChoice[] | undefined> {
    if (!choices) return choices;
    return Promise.all(
      choices.map(async (choice) => {
        if (choice.id.length <= slackLimits.buttonValue) return choice;
        const value = `${keptPrefix}${createHash("sha256").update(choice.id).digest("hex")}`;
        await deps.state.put(`slack:choice:${value}`, choice.id);
        return { ...choice, id: value };
      }),
    );
  }

  async function uploadFiles(to: Destination, reply: Reply): Promise<void> {
    if (!reply.files?.length) return;
    const file_uploads = reply.files.map((file) => ({ file: Buffer.from(file.data), filename: file.name }));
    if (to.kind === "channel") {
      await client.files.uploadV2(
        to.threadTs
          ? { channel_id: to.channel, thread_ts: to.threadTs, file_uploads }
          : { channel_id: to.channel, file_uploads },
      );
      return;
    }
    // A response_url takes no files, and the command's channel may not have the app in it: the
    // file goes to the person's DM with the app.
    const opened = await client.conversations.open({ users: to.userId });
    const channel = opened.channel?.id;
    if (!channel) throw new Error("conversations.open returned no channel for the file");
    await client.files.uploadV2({ channel_id: channel, file_uploads });
  }

  return {
    async deliver(to, reply) {
      const choices = await keepLongChoices(reply.choices);
      const messages = renderSlackReply({ ...reply, ...(choices ? { choices } : {}) });
      let ts: string | undefined;
      for (const message of messages) {
        if (to.kind === "channel") {
          const posted = await client.chat.postMessage({
            channel: to.channel,
            text: message.text,
            blocks: message.blocks,
            ...(to.threadTs ? { thread_ts: to.threadTs } : {}),
          });
          ts = posted.ts;
        } else {
          await to.respond({
            text: message.text,
            blocks: message.blocks,
            response_type: "ephemeral",
            replace_original: false,
          });
        }
      }
      await uploadFiles(to, reply);
      return ts;
    },
    async choiceText(value) {
      if (!value.startsWith(keptPrefix)) return value;
      return deps.state.get(`slack:choice:${value}`);
    },
  };
}
