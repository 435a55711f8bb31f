/**
 * The one error the custom-function helpers throw: bad input, with a Russian message for the
 * user. functions.ts turns it into `CustomFunctions.Error` — #VALUE! for bad input, #N/A when
 * the input is valid but has no answer (a date outside every quarter). Excel shows a custom
 * message only for these two codes (guide §2.3).
 */
export type FunctionErrorKind = "invalidValue" | "notAvailable";

export class FunctionInputError extends Error {
  override readonly name = "FunctionInputError";
  constructor(
    message: string,
    readonly kind: FunctionErrorKind = "invalidValue"
  ) {
    super(message);
  }
}

/** Shorthand: a #VALUE! error with a Russian message. */
export function invalidInput(message: string): FunctionInputError {
  return new FunctionInputError(message, "invalidValue");
}

/** Shorthand: a #N/A error with a Russian message. */
export function noAnswer(message: string): FunctionInputError {
  return new FunctionInputError(message, "notAvailable");
}
