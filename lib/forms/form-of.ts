/**
 * A server action's arguments are whatever the client encoded, not what its type says: a form action can be called
 * with a string, an object or nothing where the form goes. Anything but a form reads as an empty form, which each
 * action already answers with its own "required" message, instead of a 500 from calling .get on it.
 */
export function formOf(sent: unknown): FormData {
  return sent instanceof FormData ? sent : new FormData();
}
