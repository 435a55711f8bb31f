/** Listens to the ribbon commands: «Обновить сроки» and the commands' messages. */
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
