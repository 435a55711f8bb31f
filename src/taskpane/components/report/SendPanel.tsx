/**
 * «Отправка в министерство»: the report due today, built and checked as `vshu send` checks it
 * (counts only, the sheets «Отчёт» and «Данные»), its figures shown, opened as a new workbook
 * where Excel can (else saved as a file), and the letter's address, subject, body and file
 * name to copy into the user's mail program. The add-in sends no mail itself.
 */
import { Body1, Button, Caption1, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { ArrowDownloadRegular, WindowNewRegular } from "@fluentui/react-icons";
import { useEffect, useMemo, useState } from "react";
import type { IsoDate } from "../../../core/dates/isoDate";
import type { Register } from "../../../core/register/model";
import type { HostCapabilities, RegisterGateway } from "../../../excel/gateway";
import { prepareReportWorkbook, type PreparedReport } from "../../../excel/reportFiles";
import { saveFile } from "../../browserFiles";
import { errorText } from "../../hooks/errorText";
import { useAction } from "../../hooks/useAction";
import { MONTHLY_COMMAND, sendPlan } from "../../logic/sendReport";
import { ActionMessageBar } from "../common/ActionMessageBar";
import { useFormStyles } from "../styles";
import { CopyField } from "./CopyField";
import { ReportFigures } from "./ReportFigures";

export interface SendPanelProps {
  readonly gateway: RegisterGateway;
  readonly register: Register;
  readonly today: IsoDate;
  readonly capabilities: HostCapabilities | null;
}

type Prepared =
  | { readonly state: "building" }
  | { readonly state: "ready"; readonly file: PreparedReport }
  | { readonly state: "failed"; readonly message: string };

export function SendPanel({ gateway, register, today, capabilities }: SendPanelProps) {
  const s = useFormStyles();
  const plan = useMemo(() => sendPlan(register, today), [register, today]);
  const [prepared, setPrepared] = useState<Prepared>({ state: "building" });
  const action = useAction();
  const canOpen = capabilities?.createWorkbook === true;

  useEffect(() => {
    let alive = true;
    setPrepared({ state: "building" });
    prepareReportWorkbook(
      plan.report,
      today,
      { ministryAddress: plan.address },
      plan.mail.attachmentName
    ).then(
      (file) => alive && setPrepared({ state: "ready", file }),
      (e: unknown) => alive && setPrepared({ state: "failed", message: errorText(e) })
    );
    return () => {
      alive = false;
    };
  }, [plan, today]);

  const file = prepared.state === "ready" ? prepared.file : null;
  const name = plan.mail.attachmentName;

  const open = (): void => {
    if (file === null) {
      return;
    }
    void action.run("Отчёт не открыт", async () => {
      const opened = await gateway.openReportWorkbook(file.report, { base64: file.base64 });
      if (!opened) {
        saveFile(name, file.bytes);
        return `Эта версия Excel не открывает новую книгу: файл «${name}» передан на сохранение (обычно в папку «Загрузки»). Приложите его к письму. Если файл не появился, запишите отчёт на лист (раздел «Построить»).`;
      }
      return `Отчёт открыт новой книгой. Сохраните её под именем «${name}» и приложите к письму.`;
    });
  };
  const download = (): void => {
    if (file === null) {
      return;
    }
    void action.run("Файл не сохранён", () => {
      saveFile(name, file.bytes);
      return Promise.resolve(
        `Файл «${name}» передан на сохранение (обычно в папку «Загрузки»). Если он не появился, откройте отчёт новой книгой или запишите его на лист (раздел «Построить»).`
      );
    });
  };

  return (
    <div className={s.form} data-testid="send-panel">
      <h3 className={s.legend} style={{ margin: 0 }}>
        Отправка в министерство
      </h3>
      <Body1>
        <strong data-testid="send-headline">{plan.headline}</strong>
      </Body1>
      {prepared.state === "building" && <Caption1>Проверка файла отчёта…</Caption1>}
      {prepared.state === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            Отчёт не прошёл проверку и не будет предложен: {prepared.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {file !== null && (
        <MessageBar intent="success" layout="multiline" data-testid="send-checked">
          <MessageBarBody>
            Проверено: в файле «{name}» только листы «Отчёт» и «Данные» и только числа — без имён,
            дат рождения и адресов. Из школы уходит только он.
          </MessageBarBody>
        </MessageBar>
      )}
      <ReportFigures report={plan.report} caption="Что уходит из школы: главные числа отчёта" />
      <div className={s.actions} data-testid="send-actions">
        {canOpen && (
          <Button
            appearance="primary"
            icon={<WindowNewRegular />}
            disabled={file === null || action.busy}
            onClick={open}
          >
            Открыть отчёт новой книгой
          </Button>
        )}
        <Button
          appearance={canOpen ? "secondary" : "primary"}
          icon={<ArrowDownloadRegular />}
          disabled={file === null || action.busy}
          onClick={download}
        >
          Сохранить файл отчёта
        </Button>
      </div>
      <ActionMessageBar message={action.message} />
      <fieldset className={s.fieldset}>
        <legend className={s.legend}>Письмо в министерство</legend>
        <CopyField label="Кому" value={plan.address} />
        <CopyField label="Тема" value={plan.mail.subject} rows={3} />
        <CopyField label="Текст письма" value={plan.mail.text} multiline />
        <CopyField label="Имя файла вложения" value={name} />
      </fieldset>
      <MessageBar intent="info" layout="multiline" data-testid="send-note">
        <MessageBarBody>
          Надстройка не может отправить письмо сама: у неё нет доступа к вашей почте. Отправьте файл
          из своей почтовой программы — или поручите это команде
          <code style={{ display: "block", margin: "4px 0", overflowWrap: "anywhere" }}>
            {MONTHLY_COMMAND}
          </code>
          Запущенная по расписанию, она строит отчёт за нужный месяц и отправляет его один раз через
          почтовый ящик школы (как настроить — инструкция «Отправка отчёта в министерство» в
          документации ВШУ, docs/sending.md).
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
