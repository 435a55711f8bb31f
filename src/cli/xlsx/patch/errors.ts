/** Errors of the package editor. */

/** A change the program cannot make to this workbook; the message is for the user (Russian). */
export class PatchError extends Error {
  override readonly name = "PatchError";
}
