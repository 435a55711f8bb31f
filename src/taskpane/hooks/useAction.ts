/**
 * One write to the workbook started by a button: busy while it runs, then a Russian message
 * (success or the error), so every form shows its outcome the same way.
 */
import { useCallback, useState } from "react";
import { errorText } from "./errorText";

export interface ActionMessage {
  readonly intent: "success" | "error" | "warning" | "info";
  readonly text: string;
}

export function useAction(): {
  busy: boolean;
  message: ActionMessage | null;
  setMessage: (m: ActionMessage | null) => void;
  run: (what: string, work: () => Promise<string>) => Promise<boolean>;
} {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const run = useCallback(async (what: string, work: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      const text = await work();
      setMessage({ intent: "success", text });
      return true;
    } catch (e) {
      setMessage({ intent: "error", text: `${what}: ${errorText(e)}` });
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, message, setMessage, run };
}
