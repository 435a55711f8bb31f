/** «Настройки»: the sheet «Настройки» as a form, and «Создать книгу учёта». */
import { Button, Spinner } from "@fluentui/react-components";
import { SaveRegular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import type { IsoDate } from "../../../core/dates/isoDate";
import type { RegisterGateway } from "../../../excel/gateway";
import { useAction } from "../../hooks/useAction";
import { errorText } from "../../hooks/errorText";
import { checkSettings, SETTING_GROUPS, settingsToForm } from "../../logic/settingsForm";
import { ActionMessageBar } from "../common/ActionMessageBar";
import { useFormStyles } from "../styles";
import { CreateRegisterPanel } from "./CreateRegisterPanel";
import { SettingsGroup } from "./SettingsGroup";
import { upgradeNote } from "../../logic/upgradeText";

export interface SettingsTabProps {
  readonly gateway: RegisterGateway;
  readonly today: IsoDate;
  readonly onChanged: () => Promise<void>;
}

export function SettingsTab({ gateway, today, onChanged }: SettingsTabProps) {
  const s = useFormStyles();
  const [values, setValues] = useState<Record<string, string> | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const action = useAction();
  const { setMessage } = action;

  useEffect(() => {
    let alive = true;
    gateway.readSettings().then(
      (v) => alive && setValues(settingsToForm(v)),
      (e: unknown) => {
        if (alive) {
          setValues(settingsToForm({}));
          setMessage({ intent: "error", text: `Настройки не прочитаны: ${errorText(e)}` });
        }
      }
    );
    return () => {
      alive = false;
    };
  }, [gateway, setMessage]);

  if (values === null) {
    return <Spinner label="Чтение настроек…" />;
  }
  const save = (): void => {
    const found = checkSettings(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setMessage({
        intent: "error",
        text: `Настройки не сохранены: исправьте поля (${Object.keys(found).length}).`,
      });
      return;
    }
    void action.run("Настройки не сохранены", async () => {
      const outcome = await gateway.writeSettings(values);
      await onChanged();
      return `${upgradeNote(outcome)}Настройки сохранены на листе «Настройки».`;
    });
  };

  return (
    <div className={s.form}>
      {SETTING_GROUPS.map((group) => (
        <SettingsGroup
          key={group.title}
          group={group}
          values={values}
          errors={errors}
          onChange={(name, value) => setValues((v) => ({ ...(v ?? {}), [name]: value }))}
        />
      ))}
      <ActionMessageBar message={action.message} />
      <div className={s.actions}>
        <Button appearance="primary" icon={<SaveRegular />} disabled={action.busy} onClick={save}>
          Сохранить настройки
        </Button>
      </div>
      <CreateRegisterPanel
        gateway={gateway}
        today={today}
        missing={[]}
        initial={values}
        onCreated={onChanged}
      />
    </div>
  );
}
