/**
 * The 26 indicators of annex 1 as checkboxes: level 1 (Р) and level 2 (С), each by category in
 * the order of the report form; the short wording is the label, the full wording the hover text.
 */
import { Checkbox } from "@fluentui/react-components";
import { categoriesOf, INDICATORS, type Level } from "../../../core/indicators/catalog";
import { toggleIndicator } from "../../logic/caseForm";
import { useFormStyles } from "../styles";

const LEVEL_TITLES: Record<Level, string> = {
  1: "Уровень 1 — ранняя стадия семейного неблагополучия (Р1–Р11)",
  2: "Уровень 2 — социально опасное положение, СОП (С1–С15)",
};

export interface IndicatorChecklistProps {
  readonly codes: readonly string[];
  readonly onChange: (codes: string[]) => void;
}

export function IndicatorChecklist({ codes, onChange }: IndicatorChecklistProps) {
  const s = useFormStyles();
  return (
    <fieldset className={s.fieldset}>
      <legend className={s.legend}>Показатели неблагополучия</legend>
      {([1, 2] as const).map((level) => (
        <fieldset key={level} className={s.fieldset} data-level={level}>
          <legend className={s.legend}>{LEVEL_TITLES[level]}</legend>
          {categoriesOf(level).map((category) => (
            <div key={category} role="group" aria-label={`${category} (уровень ${level})`}>
              <div className={s.muted}>{category}</div>
              {INDICATORS.filter((i) => i.level === level && i.category === category).map((i) => (
                <Checkbox
                  key={i.code}
                  name={`indicator-${i.code}`}
                  checked={codes.includes(i.code)}
                  onChange={(_, d) => onChange(toggleIndicator(codes, i.code, d.checked === true))}
                  root={{ title: i.full }}
                  label={`${i.code}. ${i.short}`}
                  aria-description={i.full}
                />
              ))}
            </div>
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
}
