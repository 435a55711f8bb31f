/**
 * The dialog page's view (dialog.html): a ribbon command's Russian message with a heading by
 * its kind and a «Закрыть» button. DOM only; dialog.ts wires it to Office.
 */
import type { CommandMessage } from "./runtimeState";

const HEADINGS: Record<CommandMessage["intent"], string> = {
  success: "Готово",
  warning: "Обратите внимание",
  error: "Команда не выполнена",
};

/** Shows `message` in the page (elements #heading, #text, and the intent on <body>). */
export function renderDialogMessage(doc: Document, message: CommandMessage): void {
  const heading = doc.getElementById("heading");
  const text = doc.getElementById("text");
  if (heading) {
    heading.textContent = HEADINGS[message.intent];
  }
  if (text) {
    text.textContent = message.text;
  }
  doc.body.dataset["intent"] = message.intent;
}
