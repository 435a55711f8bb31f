/**
 * The register as the task pane sees it: whether the workbook has the register's sheets, the
 * parsed register and its issues, and a refresh after every write.
 *
 * The first read is started by `mountTaskpane` before React renders (`startRegisterRead`), so it
 * runs while the pane is being rendered instead of after the first commit; if it has already
 * finished by the first render, the pane starts with the register (no «Чтение книги учёта…»).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Register, RegisterIssue } from "../../core/register/model";
import type { RegisterGateway, UpgradeStatus } from "../../excel/gateway";
import { errorText } from "./errorText";

export type RegisterState =
  | { readonly status: "loading" }
  | { readonly status: "missing"; readonly missing: readonly string[] }
  | { readonly status: "error"; readonly message: string }
  | {
      readonly status: "ready";
      readonly register: Register;
      readonly issues: readonly RegisterIssue[];
      /** The register's version and whether the pane offers to bring it to version 2. */
      readonly upgrade: UpgradeStatus;
    };

/** Reads the register once; never rejects (a failure is the "error" state). */
export async function readRegisterState(gateway: RegisterGateway): Promise<RegisterState> {
  try {
    const has = await gateway.hasRegister();
    if (!has.present) {
      return { status: "missing", missing: has.missing };
    }
    const read = await gateway.readRegister();
    const upgrade = await gateway.upgradeStatus(read);
    performance.mark("vshu:register-read");
    return { status: "ready", register: read.register, issues: read.issues, upgrade };
  } catch (e) {
    return { status: "error", message: errorText(e) };
  }
}

/** A read started ahead of the pane; `settled` is its outcome once known. */
export interface ReadAhead {
  readonly gateway: RegisterGateway;
  readonly promise: Promise<RegisterState>;
  settled: RegisterState | null;
}

export function startRegisterRead(gateway: RegisterGateway): ReadAhead {
  const read: ReadAhead = {
    gateway,
    promise: readRegisterState(gateway).then((state) => {
      read.settled = state;
      return state;
    }),
    settled: null,
  };
  return read;
}

export function useRegister(
  gateway: RegisterGateway,
  firstRead: ReadAhead | null = null
): {
  state: RegisterState;
  refresh: () => Promise<void>;
} {
  // The read started ahead is used once, and only for the gateway it was started on.
  const pending = useRef(firstRead !== null && firstRead.gateway === gateway ? firstRead : null);
  const [state, setState] = useState<RegisterState>(
    () => pending.current?.settled ?? { status: "loading" }
  );
  const startedReady = useRef(state.status !== "loading");
  const alive = useRef(true);
  const refresh = useCallback(async () => {
    const ahead = pending.current;
    pending.current = null;
    const next = await (ahead?.promise ?? readRegisterState(gateway));
    if (alive.current) {
      setState(next);
    }
  }, [gateway]);
  useEffect(() => {
    alive.current = true;
    if (startedReady.current) {
      // The first render already showed the read started ahead.
      startedReady.current = false;
      pending.current = null;
    } else {
      void refresh();
    }
    return () => {
      alive.current = false;
    };
  }, [refresh]);
  return { state, refresh };
}
