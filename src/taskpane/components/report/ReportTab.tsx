/**
 * «Отчёт»: three views — «Построить» (the report for a month, a quarter or any period, into a
 * sheet or a new workbook), «Отправка» (the report due, checked, and the letter to the
 * ministry: SendPanel) and «Свод района» (the coordinator's consolidation: ConsolidatePanel).
 */
import { Button, Field, Radio, RadioGroup, Tab, TabList } from "@fluentui/react-components";
import { DocumentTableRegular, WindowNewRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { formatDateRu, type IsoDate } from "../../../core/dates/isoDate";
import type { Register } from "../../../core/register/model";
import type { Quarter } from "../../../core/register/schema";
import { aggregateReport } from "../../../core/report/aggregate";
import type { ReportJson } from "../../../core/report/types";
import type { HostCapabilities, RegisterGateway } from "../../../excel/gateway";
import { useAction } from "../../hooks/useAction";
import type { RibbonBridge } from "../../ribbonBridge";
import {
  defaultPeriodChoice,
  periodOf,
  schoolYearMonths,
  settledQuarters,
  type PeriodChoice,
  type PeriodKind,
} from "../../logic/reportPeriod";
import { ActionMessageBar } from "../common/ActionMessageBar";
import { ConsolidatePanel } from "./ConsolidatePanel";
import { SendPanel } from "./SendPanel";
import { DateField } from "../common/DateField";
import { SelectField } from "../common/SelectField";
import { useFormStyles } from "../styles";
import { ReportSummary } from "./ReportSummary";

export interface ReportTabProps {
  readonly gateway: RegisterGateway;
  readonly register: Register;
  readonly today: IsoDate;
  readonly capabilities: HostCapabilities | null;
  /** Told the period, so the ribbon's «Отчёт» builds the same one next time. */
  readonly ribbon: RibbonBridge;
}

type ReportView = "build" | "send" | "district";

export function ReportTab(props: ReportTabProps) {
  const [view, setView] = useState<ReportView>("build");
  const { gateway, register, today, capabilities } = props;
  return (
    <>
      <TabList
        selectedValue={view}
        onTabSelect={(_, d) => setView(d.value as ReportView)}
        size="small"
        style={{ flexWrap: "wrap", marginBottom: 8 }}
        aria-label="Отчёт"
      >
        <Tab value="build" id="report-view-build">
          Построить
        </Tab>
        <Tab value="send" id="report-view-send">
          Отправка
        </Tab>
        <Tab value="district" id="report-view-district">
          Свод района
        </Tab>
      </TabList>
      <div role="tabpanel" aria-labelledby={`report-view-${view}`}>
        {view === "build" && <BuildReport {...props} />}
        {view === "send" && (
          <SendPanel
            gateway={gateway}
            register={register}
            today={today}
            capabilities={capabilities}
          />
        )}
        {view === "district" && (
          <ConsolidatePanel
            gateway={gateway}
            defaults={{ coordinator: register.settings.coordinator }}
          />
        )}
      </div>
    </>
  );
}

function BuildReport({ gateway, register, today, capabilities, ribbon }: ReportTabProps) {
  const s = useFormStyles();
  const [choice, setChoice] = useState<PeriodChoice>(() => defaultPeriodChoice(today));
  const [report, setReport] = useState<ReportJson | null>(null);
  const action = useAction();
  const months = useMemo(
    () => schoolYearMonths(register.settings, today),
    [register.settings, today]
  );
  const quarters = useMemo(() => settledQuarters(register.settings), [register.settings]);
  const set = (patch: Partial<PeriodChoice>): void => setChoice((c) => ({ ...c, ...patch }));

  const build = (target: "sheet" | "workbook"): void => {
    const p = periodOf(choice, register.settings);
    if (!p.ok) {
      action.setMessage({ intent: "error", text: p.message });
      return;
    }
    const period = `${formatDateRu(p.period.from)}–${formatDateRu(p.period.to)}`;
    void action.run("Отчёт не построен", async () => {
      const built = aggregateReport(register, p.period);
      await ribbon.rememberPeriod(p.period);
      setReport(built);
      if (target === "sheet") {
        const { sheet } = await gateway.writeReportSheet(built);
        return `Отчёт за ${period} записан на лист «${sheet}».`;
      }
      const opened = await gateway.openReportWorkbook(built);
      return opened
        ? `Отчёт за ${period} открыт в новой книге: сохраните её и отправьте в министерство.`
        : "Эта версия Excel не открывает новую книгу: отчёт можно записать на лист этой книги.";
    });
  };

  return (
    <div className={s.form}>
      <Field label="Период отчёта">
        <RadioGroup value={choice.kind} onChange={(_, d) => set({ kind: d.value as PeriodKind })}>
          <Radio value="month" label="Месяц" />
          <Radio value="quarter" label="Четверть" disabled={quarters.length === 0} />
          <Radio value="custom" label="Произвольный период" />
        </RadioGroup>
      </Field>
      {choice.kind === "month" && (
        <SelectField
          label="Месяц"
          value={choice.month}
          options={months}
          onChange={(month) => set({ month })}
        />
      )}
      {choice.kind === "quarter" && (
        <SelectField
          label="Четверть"
          value={choice.quarter}
          options={quarters}
          onChange={(q) => set({ quarter: q as Quarter })}
        />
      )}
      {choice.kind === "custom" && (
        <div className={s.row}>
          <DateField label="С" required value={choice.from} onChange={(from) => set({ from })} />
          <DateField label="По" required value={choice.to} onChange={(to) => set({ to })} />
        </div>
      )}
      <div className={s.actions}>
        <Button
          appearance="primary"
          icon={<DocumentTableRegular />}
          disabled={action.busy}
          onClick={() => build("sheet")}
        >
          Сформировать на листе
        </Button>
        {capabilities?.createWorkbook === true && (
          <Button
            icon={<WindowNewRegular />}
            disabled={action.busy}
            onClick={() => build("workbook")}
          >
            Открыть как новую книгу
          </Button>
        )}
      </div>
      <ActionMessageBar message={action.message} />
      {report !== null && <ReportSummary report={report} />}
    </div>
  );
}
