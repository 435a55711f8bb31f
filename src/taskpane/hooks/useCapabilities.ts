/** What the host supports (for the limits bar and the «new workbook» button). */
import { useEffect, useState } from "react";
import type { HostCapabilities, RegisterGateway } from "../../excel/gateway";

export function useCapabilities(gateway: RegisterGateway): HostCapabilities | null {
  const [caps, setCaps] = useState<HostCapabilities | null>(null);
  useEffect(() => {
    let alive = true;
    gateway.capabilities().then(
      (c) => alive && setCaps(c),
      () =>
        alive &&
        setCaps({
          excelApi: 1,
          createWorkbook: false,
          pageLayout: false,
          dataValidation: false,
          multiRowAdd: false,
          formatting: false,
          nullObjects: false,
          freezePanes: false,
          selectionEvents: false,
          limits: ["Не удалось определить возможности Excel: часть функций может быть недоступна."],
        })
    );
    return () => {
      alive = false;
    };
  }, [gateway]);
  return caps;
}
