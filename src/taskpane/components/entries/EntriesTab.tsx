/** «Записи»: quick entries — assistance, activity, service log, removal, transfer to level 2. */
import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import { useState } from "react";
import type { IsoDate } from "../../../core/dates/isoDate";
import type { Register } from "../../../core/register/model";
import type { RegisterGateway } from "../../../excel/gateway";
import { useFormStyles } from "../styles";
import { ActivityForm } from "./ActivityForm";
import { AssistanceForm } from "./AssistanceForm";
import { RemovalForm } from "./RemovalForm";
import { ServiceForm } from "./ServiceForm";
import { TransferForm } from "./TransferForm";

type EntryKind = "assistance" | "activity" | "service" | "removal" | "transfer";

const KINDS: readonly { value: EntryKind; label: string }[] = [
  { value: "assistance", label: "Помощь семье" },
  { value: "activity", label: "Занятость ребёнка" },
  { value: "service", label: "Журнал службы" },
  { value: "removal", label: "Снятие с учёта" },
  { value: "transfer", label: "Перевод с уровня 1 на уровень 2 (СОП)" },
];

export interface EntryFormProps {
  readonly gateway: RegisterGateway;
  readonly register: Register;
  readonly today: IsoDate;
  readonly onChanged: () => Promise<void>;
}

export function EntriesTab(props: EntryFormProps) {
  const s = useFormStyles();
  const [kind, setKind] = useState<EntryKind>("assistance");
  return (
    <div className={s.form}>
      <Field label="Что записать">
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as EntryKind)}>
          {KINDS.map((k) => (
            <Radio key={k.value} value={k.value} label={k.label} />
          ))}
        </RadioGroup>
      </Field>
      {kind === "assistance" && <AssistanceForm {...props} />}
      {kind === "activity" && <ActivityForm {...props} />}
      {kind === "service" && <ServiceForm {...props} />}
      {kind === "removal" && <RemovalForm {...props} />}
      {kind === "transfer" && <TransferForm {...props} />}
    </div>
  );
}
