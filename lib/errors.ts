/** A domain failure with a code the caller maps to a message; never carries secrets. */
export class AppError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = "AppError";
  }
}
