/** The fields of a new row of «Семьи». */
import { Checkbox, Field } from "@fluentui/react-components";
import { FAMILY_STATUS_VALUES } from "../../../core/register/schema";
import { toggleIndicator, type FamilyFormState } from "../../logic/caseForm";
import { TextField } from "../common/TextField";
import { useFormStyles } from "../styles";

export interface NewFamilyFieldsProps {
  readonly family: FamilyFormState;
  readonly error: string | undefined;
  readonly onChange: (family: FamilyFormState) => void;
}

export function NewFamilyFields({ family, error, onChange }: NewFamilyFieldsProps) {
  const s = useFormStyles();
  const set = (patch: Partial<FamilyFormState>): void => onChange({ ...family, ...patch });
  return (
    <>
      <TextField
        label="Код семьи"
        name="newFamilyCode"
        required
        value={family.code}
        error={error}
        onChange={(code) => set({ code })}
      />
      <Field label="Социальный статус">
        <div className={s.row}>
          {FAMILY_STATUS_VALUES.map((status) => (
            <Checkbox
              key={status}
              label={status}
              checked={family.status.includes(status)}
              onChange={(_, d) =>
                set({ status: toggleIndicator(family.status, status, d.checked === true) })
              }
            />
          ))}
        </div>
      </Field>
      <TextField label="Мать (ФИО)" value={family.mother} onChange={(mother) => set({ mother })} />
      <TextField label="Отец (ФИО)" value={family.father} onChange={(father) => set({ father })} />
      <TextField
        label="Опекун (попечитель)"
        value={family.guardian}
        onChange={(guardian) => set({ guardian })}
      />
      <TextField
        label="Адрес проживания"
        value={family.address}
        onChange={(address) => set({ address })}
      />
      <TextField
        label="Адрес регистрации"
        value={family.registrationAddress}
        onChange={(registrationAddress) => set({ registrationAddress })}
      />
      <TextField
        label="Телефон"
        inputMode="tel"
        value={family.phone}
        onChange={(phone) => set({ phone })}
      />
    </>
  );
}
