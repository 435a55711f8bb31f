/** The child: surname, name, patronymic, date of birth, class. */
import type { CaseErrors, CaseFormState } from "../../logic/caseForm";
import { DateField } from "../common/DateField";
import { TextField } from "../common/TextField";
import { useFormStyles } from "../styles";

export interface ChildFieldsProps {
  readonly form: CaseFormState;
  readonly errors: CaseErrors;
  readonly update: (patch: Partial<CaseFormState>) => void;
}

export function ChildFields({ form, errors, update }: ChildFieldsProps) {
  const s = useFormStyles();
  return (
    <fieldset className={s.fieldset}>
      <legend className={s.legend}>Ребёнок</legend>
      <TextField
        label="Фамилия"
        name="lastName"
        required
        value={form.lastName}
        error={errors.lastName}
        onChange={(lastName) => update({ lastName })}
      />
      <div className={s.row}>
        <TextField
          label="Имя"
          name="firstName"
          required
          value={form.firstName}
          error={errors.firstName}
          onChange={(firstName) => update({ firstName })}
        />
        <TextField
          label="Отчество"
          name="patronymic"
          value={form.patronymic}
          onChange={(patronymic) => update({ patronymic })}
        />
      </div>
      <div className={s.row}>
        <DateField
          label="Дата рождения"
          name="birthDate"
          value={form.birthDate}
          error={errors.birthDate}
          onChange={(birthDate) => update({ birthDate })}
        />
        <TextField
          label="Класс"
          name="className"
          value={form.className}
          hint="Например, 5А"
          onChange={(className) => update({ className })}
        />
      </div>
    </fieldset>
  );
}
