import { enqueueMessage, type NewMessage } from "@/lib/messaging/enqueue-message";

/**
 * Sends a notification about a change that has already been committed: a messaging failure must not undo or hide
 * the change (the outbox retries what it queued). Logs only the error's code, never the message body.
 */
export async function sendNotice(message: NewMessage) {
  try {
    await enqueueMessage(message);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    console.error(`[notice] could not queue a ${message.channel} notice: ${typeof code === "string" ? code : "error"}`);
  }
}
