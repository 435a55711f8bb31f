/**
 * Calls back when the user selects a row of «Учёт» in the workbook. Subscribes only once the
 * register has been read (`ready`): before that the workbook may be no register at all, and the
 * subscription would read it a second time beside the pane's first read.
 */
import { useEffect, useRef } from "react";
import type { RegisterGateway } from "../../excel/gateway";

export function useCaseSelection(
  gateway: RegisterGateway,
  ready: boolean,
  onSelect: (code: string) => void
): void {
  const latest = useRef(onSelect);
  latest.current = onSelect;
  useEffect(() => {
    if (!ready) {
      return;
    }
    let unsubscribe: (() => Promise<void>) | null = null;
    let alive = true;
    gateway
      .onCaseSelected((code) => latest.current(code))
      .then(
        (off) => {
          if (alive) {
            unsubscribe = off;
          } else {
            void off();
          }
        },
        () => undefined
      );
    return () => {
      alive = false;
      if (unsubscribe) {
        void unsubscribe();
      }
    };
  }, [gateway, ready]);
}
