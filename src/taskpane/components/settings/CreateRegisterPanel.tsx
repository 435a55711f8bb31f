/**
 * «Создать книгу учёта»: lays out every sheet of the register in this workbook (the same as
 * `vshu init`); existing sheets and anything typed outside the tables are kept.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { TableAddRegular } from "@fluentui/react-icons";
import { useState } from "react";
import type { IsoDate } from "../../../core/dates/isoDate";
import { parseSchoolYear, schoolYearOf } from "../../../core/register/defaults";
import { SETTING } from "../../../core/register/schema";
import type { CreateRegisterResult, RegisterGateway } from "../../../excel/gateway";
import { useAction } from "../../hooks/useAction";
import { ActionMessageBar } from "../common/ActionMessageBar";
import { TextField } from "../common/TextField";
import { useFormStyles } from "../styles";

export interface CreateRegisterPanelProps {
  readonly gateway: RegisterGateway;
  readonly today: IsoDate;
  /** Sheets the workbook lacks; empty when the register is complete. */
  readonly missing: readonly string[];
  readonly initial?: Readonly<Record<string, string>>;
  readonly onCreated: () => Promise<void>;
}

/** What «Создать книгу учёта» did, in one Russian message. */
export function describeCreated(result: CreateRegisterResult): string {
  const list = (names: readonly string[]): string => names.map((n) => `«${n}»`).join(", ");
  const parts: string[] = [];
  parts.push(
    result.created.length > 0
      ? `Созданы листы: ${list(result.created)}.`
      : "Все листы книги учёта уже были на месте."
  );
  for (const s of result.skipped) {
    parts.push(`Лист «${s.sheet}» не тронут: ${s.reason}`);
  }
  if (result.created.length > 0) {
    parts.push("Проверьте даты четвертей на вкладке «Настройки».");
  }
  return parts.join(" ");
}

export function CreateRegisterPanel({
  gateway,
  today,
  missing,
  initial,
  onCreated,
}: CreateRegisterPanelProps) {
  const s = useFormStyles();
  const [school, setSchool] = useState(initial?.[SETTING.school] ?? "");
  const [district, setDistrict] = useState(initial?.[SETTING.district] ?? "");
  const [year, setYear] = useState(initial?.[SETTING.schoolYear] || schoolYearOf(today));
  const [yearError, setYearError] = useState<string | undefined>(undefined);
  const action = useAction();

  const create = (): void => {
    const parsed = parseSchoolYear(year);
    setYearError(parsed === null ? "Учебный год в виде 2026/2027" : undefined);
    if (parsed === null) {
      return;
    }
    void action.run("Книга учёта не создана", async () => {
      const result = await gateway.createRegister({
        school: school.trim(),
        district: district.trim(),
        schoolYear: parsed.label,
        today,
      });
      await onCreated();
      return describeCreated(result);
    });
  };

  return (
    <section className={s.fieldset} aria-labelledby="create-register">
      <h3 id="create-register" className={s.legend}>
        Создать книгу учёта
      </h3>
      {missing.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>В этой книге нет листов книги учёта</MessageBarTitle>
            Не хватает: {missing.map((m) => `«${m}»`).join(", ")}. Создайте их — данные вне таблиц
            останутся на месте.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <p className={s.muted}>
          Добавляет недостающие листы книги учёта (как команда vshu init). Существующие листы и
          записи не меняются.
        </p>
      )}
      <TextField label="Образовательная организация" value={school} onChange={setSchool} />
      <TextField label="Район" value={district} onChange={setDistrict} />
      <TextField label="Учебный год" required value={year} onChange={setYear} error={yearError} />
      <ActionMessageBar message={action.message} />
      <div className={s.actions}>
        <Button
          appearance={missing.length > 0 ? "primary" : "secondary"}
          icon={<TableAddRegular />}
          disabled={action.busy}
          onClick={create}
        >
          Создать книгу учёта
        </Button>
      </div>
    </section>
  );
}
