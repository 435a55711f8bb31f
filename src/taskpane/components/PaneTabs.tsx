/**
 * The five tabs. The tab list, «Случай» (the default tab) and «Сроки» are in the first bundle;
 * «Записи», «Отчёт», «Документы», «Импорт», «Настройки» are fetched when first opened (React.lazy). «Случай» is not lazy:
 * its chunk would arrive after the register is read, and React holds back content that replaces
 * a Suspense fallback for up to 300 ms — the form would show that much later
 * (bench/taskpane-bench.ts).
 */
import { Spinner, Tab, TabList } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import type { IsoDate } from "../../core/dates/isoDate";
import type { Register } from "../../core/register/model";
import type { HostCapabilities, RegisterGateway } from "../../excel/gateway";
import type { RibbonBridge } from "../ribbonBridge";
import { CaseTab } from "./case/CaseTab";
import { DeadlinesTab } from "./deadlines/DeadlinesTab";

const EntriesTab = lazy(() =>
  import("./entries/EntriesTab").then((m) => ({ default: m.EntriesTab }))
);
const ReportTab = lazy(() => import("./report/ReportTab").then((m) => ({ default: m.ReportTab })));
const DocumentsTab = lazy(() =>
  import("./documents/DocumentsTab").then((m) => ({ default: m.DocumentsTab }))
);
const ImportTab = lazy(() => import("./import/ImportTab").then((m) => ({ default: m.ImportTab })));
const SettingsTab = lazy(() =>
  import("./settings/SettingsTab").then((m) => ({ default: m.SettingsTab }))
);

export type TabId =
  "case" | "deadlines" | "entries" | "report" | "documents" | "import" | "settings";

const TABS: readonly { id: TabId; title: string }[] = [
  { id: "case", title: "Случай" },
  { id: "deadlines", title: "Сроки" },
  { id: "entries", title: "Записи" },
  { id: "report", title: "Отчёт" },
  { id: "documents", title: "Документы" },
  { id: "import", title: "Импорт" },
  { id: "settings", title: "Настройки" },
];

export interface CaseView {
  readonly code: string;
  /** Changes whenever the form must start over (another case, a new case, after a save). */
  readonly serial: number;
  readonly notice: string | null;
}

export interface PaneTabsProps {
  readonly gateway: RegisterGateway;
  readonly today: IsoDate;
  /** Null while the register is being read: the tabs show, their content waits. */
  readonly register: Register | null;
  readonly refresh: () => Promise<void>;
  readonly capabilities: HostCapabilities | null;
  readonly tab: TabId;
  readonly onTab: (tab: TabId) => void;
  readonly caseView: CaseView;
  readonly openCase: (code: string, notice?: string | null) => void;
  readonly ribbon: RibbonBridge;
}

export function PaneTabs(props: PaneTabsProps) {
  const { gateway, today, register, refresh, tab } = props;
  return (
    <>
      <TabList
        selectedValue={tab}
        onTabSelect={(_, d) => props.onTab(d.value as TabId)}
        size="small"
        style={{ flexWrap: "wrap" }}
        aria-label="Разделы"
      >
        {TABS.map((t) => (
          <Tab key={t.id} id={`tab-${t.id}`} value={t.id} aria-controls={`panel-${t.id}`}>
            {t.title}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        <Suspense fallback={<Spinner label="Загрузка…" />}>
          {register === null && <Spinner label="Чтение книги учёта…" />}
          {register !== null && tab === "case" && (
            <CaseTab
              key={`${props.caseView.code}#${props.caseView.serial}`}
              gateway={gateway}
              register={register}
              today={today}
              code={props.caseView.code}
              notice={props.caseView.notice}
              onPick={(code) => props.openCase(code)}
              onSaved={async (code, message) => {
                await refresh();
                props.openCase(code, message);
              }}
            />
          )}
          {register !== null && tab === "deadlines" && (
            <DeadlinesTab gateway={gateway} register={register} today={today} onChanged={refresh} />
          )}
          {register !== null && tab === "entries" && (
            <EntriesTab gateway={gateway} register={register} today={today} onChanged={refresh} />
          )}
          {register !== null && tab === "report" && (
            <ReportTab
              ribbon={props.ribbon}
              gateway={gateway}
              register={register}
              today={today}
              capabilities={props.capabilities}
            />
          )}
          {register !== null && tab === "documents" && (
            <DocumentsTab
              gateway={gateway}
              register={register}
              today={today}
              caseCode={props.caseView.code}
            />
          )}
          {register !== null && tab === "import" && (
            <ImportTab gateway={gateway} onChanged={refresh} />
          )}
          {tab === "settings" && (
            <SettingsTab gateway={gateway} today={today} onChanged={refresh} />
          )}
        </Suspense>
      </div>
    </>
  );
}
