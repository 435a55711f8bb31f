/**
 * Expected failures of the command line: the user is told why and the process exits with
 * the code given. Everything else is a bug and is reported as an internal error.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1
  ) {
    super(message);
    this.name = "UserError";
  }
}
