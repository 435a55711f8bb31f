/** Which case the form shows: a new one or an episode of «Учёт». */
import { Button } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import type { CaseOption } from "../../logic/caseOptions";
import { SelectField } from "../common/SelectField";
import { useFormStyles } from "../styles";

export interface CasePickerProps {
  readonly code: string;
  readonly options: readonly CaseOption[];
  readonly onPick: (code: string) => void;
}

export function CasePicker({ code, options, onPick }: CasePickerProps) {
  const s = useFormStyles();
  return (
    <div className={s.form}>
      <SelectField
        label="Случай"
        name="case"
        value={code}
        hint="Или выделите строку на листе «Учёт»"
        options={[
          { value: "", label: "Новый случай" },
          ...options.map((o) => ({ value: o.code, label: o.label })),
        ]}
        onChange={onPick}
      />
      {code !== "" && (
        <div className={s.actions}>
          <Button icon={<AddRegular />} onClick={() => onPick("")}>
            Новый случай
          </Button>
        </div>
      )}
    </div>
  );
}
