/**
 * «Свод района» for the municipal coordinator: pick the schools' report files, each is read in
 * the pane and checked (a file that is not a report, of another period, or a school given
 * twice is refused by name), and the district report is written as a sheet of the open
 * workbook (2 syncs, whatever the number of schools). Section VII from the fields here, filled
 * from «Настройки» when the workbook is a register; the district from the field, else the one
 * the reports name.
 */
import { Button, Caption1, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { DocumentAddRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import type { Coordinator } from "../../../core/report/district";
import type { ReportJson } from "../../../core/report/types";
import type { RegisterGateway } from "../../../excel/gateway";
import { useAction } from "../../hooks/useAction";
import { consolidateFiles } from "../../logic/consolidation";
import { ActionMessageBar } from "../common/ActionMessageBar";
import { TextField } from "../common/TextField";
import { useFormStyles } from "../styles";
import { ReportFigures } from "./ReportFigures";

export interface ConsolidatePanelProps {
  readonly gateway: RegisterGateway;
  /** The coordinator (VII) from «Настройки» when the open workbook is a register. */
  readonly defaults?: { readonly coordinator: Coordinator };
}

export function ConsolidatePanel({ gateway, defaults }: ConsolidatePanelProps) {
  const s = useFormStyles();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<readonly File[]>([]);
  // Empty: the district every report names (a register's own district is the school's).
  const [district, setDistrict] = useState("");
  const [coordinator, setCoordinator] = useState<Coordinator>(
    defaults?.coordinator ?? { name: "", position: "", phone: "" }
  );
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [report, setReport] = useState<ReportJson | null>(null);
  const action = useAction();
  const setC = (patch: Partial<Coordinator>): void => setCoordinator((c) => ({ ...c, ...patch }));

  const pick = (list: FileList | null): void => {
    setFiles(list === null ? [] : [...list]);
    setProblems([]);
    setReport(null);
    action.setMessage(null);
  };

  const build = (): void => {
    setProblems([]);
    setReport(null);
    void action.run("Сводный отчёт не построен", async () => {
      const result = await consolidateFiles(
        files.map((f) => ({ name: f.name, size: f.size, read: () => f.arrayBuffer() })),
        { district, coordinator }
      );
      if (!result.ok) {
        setProblems(result.problems);
        throw new Error(result.summary);
      }
      const { sheet } = await gateway.writeReportSheet(result.report, { kind: "district" });
      setReport(result.report);
      const note = result.noCoordinator
        ? " Раздел VII (координатор) не заполнен: впишите ФИО, должность и телефон и постройте снова."
        : "";
      return `Сводный отчёт района (${result.report.district}, школ: ${result.schools.length}) записан на лист «${sheet}».${note}`;
    });
  };

  return (
    <div className={s.form} data-testid="consolidate-panel">
      <Caption1>
        Для муниципального координатора: выберите файлы отчётов школ (.xlsx, как их построил ВШУ) —
        сводный отчёт района появится листом этой книги. Разделы I, II, IV, V, VI суммируются, в
        разделе III — строка каждой школы и итог.
      </Caption1>
      <input
        ref={input}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Отчёты школ"
        data-testid="report-files"
        style={{ display: "none" }}
        onChange={(e) => pick(e.target.files)}
      />
      <div className={s.actions}>
        <Button icon={<FolderOpenRegular />} onClick={() => input.current?.click()}>
          Выбрать отчёты школ…
        </Button>
      </div>
      <Caption1 data-testid="picked-files">
        {files.length === 0
          ? "Файлы не выбраны."
          : `Выбрано файлов: ${files.length} (${files
              .slice(0, 3)
              .map((f) => f.name)
              .join(", ")}${files.length > 3 ? " …" : ""})`}
      </Caption1>
      <TextField
        label="Район"
        value={district}
        onChange={setDistrict}
        hint="Пусто — район, который называют отчёты школ"
      />
      <fieldset className={s.fieldset}>
        <legend className={s.legend}>VII. Координатор</legend>
        <TextField label="ФИО" value={coordinator.name} onChange={(name) => setC({ name })} />
        <TextField
          label="Должность"
          value={coordinator.position}
          onChange={(position) => setC({ position })}
        />
        <TextField
          label="Телефон"
          value={coordinator.phone}
          inputMode="tel"
          onChange={(phone) => setC({ phone })}
        />
      </fieldset>
      <div className={s.actions}>
        <Button
          appearance="primary"
          icon={<DocumentAddRegular />}
          disabled={files.length === 0 || action.busy}
          onClick={build}
        >
          Построить сводный отчёт
        </Button>
      </div>
      <ActionMessageBar message={action.message} />
      {problems.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="consolidate-problems">
          <MessageBarBody>
            <ul className={s.bullets}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {report !== null && (
        <ReportFigures
          report={report}
          testId="district-figures"
          caption={`Свод района: ${report.district}`}
        />
      )}
    </div>
  );
}
