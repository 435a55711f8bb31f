/** Calls back when the user selects a row of «Учёт» in the workbook. */
import { useEffect, useRef } from "react";
import type { RegisterGateway } from "../../excel/gateway";

export function useCaseSelection(gateway: RegisterGateway, onSelect: (code: string) => void): void {
  const latest = useRef(onSelect);
  latest.current = onSelect;
  useEffect(() => {
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
  }, [gateway]);
}
