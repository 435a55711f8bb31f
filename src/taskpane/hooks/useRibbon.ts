/**
 * Listens to the ribbon commands: «Обновить сроки», «Документы» (useDocumentsButton) and the
 * commands' messages.
 */
import { useEffect, useRef, useState } from "react";
import type { CommandMessage, RibbonBridge } from "../ribbonBridge";

export function useRibbon(ribbon: RibbonBridge, onRefresh: () => void): CommandMessage | null {
  const [message, setMessage] = useState<CommandMessage | null>(() => ribbon.lastMessage());
  const latest = useRef(onRefresh);
  latest.current = onRefresh;
  useEffect(() => {
    const offRefresh = ribbon.onRefresh(() => latest.current());
    const offMessage = ribbon.onMessage(setMessage);
    return () => {
      offRefresh();
      offMessage();
    };
  }, [ribbon]);
  return message;
}

/** The ribbon's «Документы» (pressed now, or before the pane was on screen): show that tab. */
export function useDocumentsButton(ribbon: RibbonBridge, onDocuments: () => void): void {
  const latest = useRef(onDocuments);
  latest.current = onDocuments;
  useEffect(() => ribbon.onDocuments?.(() => latest.current()), [ribbon]);
}
