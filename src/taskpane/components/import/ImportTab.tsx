/**
 * «Импорт»: a CSV file (a class list, last year's register, a table kept by hand) into a sheet of
 * the register. The pane checks it first — encoding, delimiter, the first rows, every error with
 * its row, column and value, the children already on the register — and writes only a file
 * without errors, all rows or none.
 */
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { ArrowImportRegular, DocumentArrowUpRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import { importIssueText, type ImportPlan } from "../../../core/import/plan";
import type { RegisterGateway } from "../../../excel/gateway";
import { useAction } from "../../hooks/useAction";
import { errorText } from "../../hooks/errorText";
import {
  formatText,
  IMPORT_SHEET_OPTIONS,
  importedMessage,
  ISSUES_SHOWN,
} from "../../logic/importView";
import { rowsWord } from "../../../excel/importWrites";
import { ActionMessageBar } from "../common/ActionMessageBar";
import { SelectField } from "../common/SelectField";
import { useFormStyles } from "../styles";

const useStyles = makeStyles({
  scroller: { overflowX: "auto", maxWidth: "100%" },
  hidden: { display: "none" },
  fileName: { alignSelf: "center", overflowWrap: "anywhere" },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      textAlign: "left",
      verticalAlign: "top",
      whiteSpace: "nowrap",
    },
    "& th": { backgroundColor: tokens.colorNeutralBackground3 },
  },
});

export interface ImportTabProps {
  readonly gateway: RegisterGateway;
  /** After the rows are written: the pane reads the register again. */
  readonly onChanged: () => Promise<void>;
}

interface Checked {
  readonly file: string;
  readonly plan: ImportPlan;
}

export function ImportTab({ gateway, onChanged }: ImportTabProps) {
  const s = useFormStyles();
  const t = useStyles();
  const [sheet, setSheet] = useState(IMPORT_SHEET_OPTIONS[0]?.value ?? "Учёт");
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [checking, setChecking] = useState(false);
  const [addDuplicates, setAddDuplicates] = useState(false);
  const action = useAction();
  const input = useRef<HTMLInputElement>(null);

  const check = async (f: File | null, target: string): Promise<void> => {
    setChecked(null);
    setAddDuplicates(false);
    action.setMessage(null);
    if (f === null) {
      return;
    }
    setChecking(true);
    try {
      const bytes = new Uint8Array(await f.arrayBuffer());
      const plan = await gateway.planImport({ bytes, sheet: target });
      setChecked({ file: f.name, plan });
    } catch (e) {
      action.setMessage({ intent: "error", text: `Файл не проверен: ${errorText(e)}` });
    } finally {
      setChecking(false);
    }
  };

  const write = (): void => {
    if (checked === null) {
      return;
    }
    void action
      .run("Строки не загружены", async () => {
        const result = await gateway.importRows(checked.plan, {
          duplicates: addDuplicates ? "add" : "skip",
        });
        return importedMessage(result, checked.file);
      })
      .then(async (ok) => {
        if (ok) {
          setChecked(null);
          setFile(null);
          await onChanged();
        }
      });
  };

  const plan = checked?.plan ?? null;
  const errors = plan?.errors ?? [];
  const duplicates = plan?.duplicates ?? [];
  const toWrite = plan === null ? 0 : plan.rows.length - (addDuplicates ? 0 : duplicates.length);

  return (
    <div className={s.form}>
      <Caption1 className={s.muted}>
        Загрузка строк из файла CSV (например, список класса или прошлогодний учёт): сначала
        проверка, затем все строки сразу — или ни одной.
      </Caption1>
      <SelectField
        label="Лист книги учёта"
        name="importSheet"
        value={sheet}
        options={IMPORT_SHEET_OPTIONS}
        onChange={(v) => {
          setSheet(v);
          void check(file, v);
        }}
      />
      <Field
        label="Файл CSV"
        hint="Excel: «Сохранить как» → «CSV (разделители - запятые)» (русский Excel ставит «;»). Кодировка UTF-8 или Windows-1251, даты ДД.ММ.ГГГГ."
      >
        <div className={s.actions}>
          <Button icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()}>
            Выбрать файл…
          </Button>
          <Caption1 className={t.fileName}>{file?.name ?? "файл не выбран"}</Caption1>
        </div>
      </Field>
      {/* The browser's own control speaks the browser's language: hidden behind the button. */}
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv,text/plain"
        data-testid="import-file"
        className={t.hidden}
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const f = e.target.files?.[0] ?? null;
          // The same file chosen again (after fixing it) must fire again.
          e.target.value = "";
          setFile(f);
          void check(f, sheet);
        }}
      />
      {checking && <Spinner size="tiny" label="Проверка файла…" />}
      {plan !== null && checked !== null && (
        <div className={s.form} data-testid="import-preview">
          <Caption1>
            «{checked.file}»: {formatText(plan)}, строк с данными: {plan.rows.length}.
          </Caption1>
          {plan.preview.headers.length > 0 && (
            <div className={t.scroller} tabIndex={0} aria-label="Первые строки файла">
              <table className={t.table}>
                <thead>
                  <tr>
                    <th>Строка</th>
                    {plan.preview.headers.map((h, i) => (
                      <th key={i}>{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {plan.preview.rows.map((r, i) => (
                    <tr key={i}>
                      <td>{plan.rows[i]?.row ?? ""}</td>
                      {plan.preview.headers.map((_, j) => (
                        <td key={j}>{r[j] ?? ""}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {errors.length > 0 && (
            <MessageBar intent="error" layout="multiline" data-testid="import-errors">
              <MessageBarBody>
                <MessageBarTitle>Ошибки в файле: {errors.length}.</MessageBarTitle>
                <div>Ничего не будет записано: исправьте файл и выберите его снова.</div>
                <ul className={s.bullets}>
                  {errors.slice(0, ISSUES_SHOWN).map((e, i) => (
                    <li key={i}>{importIssueText(e)}</li>
                  ))}
                  {errors.length > ISSUES_SHOWN && <li>… и ещё {errors.length - ISSUES_SHOWN}</li>}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {errors.length === 0 && duplicates.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="import-duplicates">
              <MessageBarBody>
                <MessageBarTitle>Уже в книге учёта: {duplicates.length}.</MessageBarTitle>
                <div>
                  Те же фамилия, имя и дата рождения. Без отметки ниже эти строки не добавляются.
                </div>
                <ul className={s.bullets}>
                  {duplicates.slice(0, ISSUES_SHOWN).map((d, i) => (
                    <li key={i}>{importIssueText(d)}</li>
                  ))}
                  {duplicates.length > ISSUES_SHOWN && (
                    <li>… и ещё {duplicates.length - ISSUES_SHOWN}</li>
                  )}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {errors.length === 0 && duplicates.length > 0 && (
            <Checkbox
              checked={addDuplicates}
              onChange={(_, d) => setAddDuplicates(d.checked === true)}
              label="Всё равно добавить и их"
            />
          )}
          <div className={s.actions}>
            <Button
              appearance="primary"
              icon={<ArrowImportRegular />}
              disabled={action.busy || errors.length > 0 || toWrite === 0}
              onClick={write}
            >
              Импортировать
            </Button>
            {errors.length === 0 && (
              <Caption1>
                {rowsWord(toWrite)} на лист «{plan.sheet}»
              </Caption1>
            )}
          </div>
        </div>
      )}
      <ActionMessageBar message={action.message} />
    </div>
  );
}
