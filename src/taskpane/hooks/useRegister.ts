/**
 * The register as the task pane sees it: whether the workbook has the register's sheets, the
 * parsed register and its issues, and a refresh after every write.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Register, RegisterIssue } from "../../core/register/model";
import type { RegisterGateway } from "../../excel/gateway";
import { errorText } from "./errorText";

export type RegisterState =
  | { readonly status: "loading" }
  | { readonly status: "missing"; readonly missing: readonly string[] }
  | { readonly status: "error"; readonly message: string }
  | {
      readonly status: "ready";
      readonly register: Register;
      readonly issues: readonly RegisterIssue[];
    };

export function useRegister(gateway: RegisterGateway): {
  state: RegisterState;
  refresh: () => Promise<void>;
} {
  const [state, setState] = useState<RegisterState>({ status: "loading" });
  const alive = useRef(true);
  const refresh = useCallback(async () => {
    try {
      const has = await gateway.hasRegister();
      if (!has.present) {
        if (alive.current) {
          setState({ status: "missing", missing: has.missing });
        }
        return;
      }
      const { register, issues } = await gateway.readRegister();
      performance.mark("vshu:register-read");
      if (alive.current) {
        setState({ status: "ready", register, issues });
      }
    } catch (e) {
      if (alive.current) {
        setState({ status: "error", message: errorText(e) });
      }
    }
  }, [gateway]);
  useEffect(() => {
    alive.current = true;
    void refresh();
    return () => {
      alive.current = false;
    };
  }, [refresh]);
  return { state, refresh };
}
