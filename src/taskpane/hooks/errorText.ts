/** A thrown value as text for the user (Office errors carry a message, sometimes in English). */
export function errorText(e: unknown): string {
  if (e instanceof Error && e.message !== "") {
    return e.message;
  }
  return typeof e === "string" && e !== "" ? e : "неизвестная ошибка";
}
