/**
 * The 26 indicators of annex 1 as checkboxes: level 1 (Р) and level 2 (С), each by category in
 * the order of the report form; the short wording is the label, the full wording the hover text
 * (and the checkbox's description for screen readers).
 *
 * Native `<input type="checkbox">` in a `<label>`, styled with Fluent tokens: 26 Fluent Checkbox
 * components cost most of the time the «Случай» form took to first show
 * (bench/taskpane-bench.ts); the native control is as keyboard- and screen-reader-friendly.
 * Memoized: typing in the form's other fields does not re-render the list.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { memo } from "react";
import { categoriesOf, INDICATORS, type Level } from "../../../core/indicators/catalog";
import { toggleIndicator } from "../../logic/caseForm";
import { useFormStyles } from "../styles";

const LEVEL_TITLES: Record<Level, string> = {
  1: "Уровень 1 — ранняя стадия семейного неблагополучия (Р1–Р11)",
  2: "Уровень 2 — социально опасное положение, СОП (С1–С15)",
};

/** The indicators of each level by category, computed once. */
const GROUPS = ([1, 2] as const).map((level) => ({
  level,
  categories: categoriesOf(level).map((category) => ({
    category,
    indicators: INDICATORS.filter((i) => i.level === level && i.category === category),
  })),
}));

const useStyles = makeStyles({
  item: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  box: {
    flexShrink: 0,
    width: "16px",
    height: "16px",
    // Centred on the first line of the label (20 px high).
    margin: "2px 0 0 0",
    accentColor: tokens.colorCompoundBrandBackground,
    cursor: "pointer",
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
});

export interface IndicatorChecklistProps {
  readonly codes: readonly string[];
  readonly onChange: (codes: string[]) => void;
}

export const IndicatorChecklist = memo(function IndicatorChecklist({
  codes,
  onChange,
}: IndicatorChecklistProps) {
  const s = useFormStyles();
  const c = useStyles();
  return (
    <fieldset className={s.fieldset}>
      <legend className={s.legend}>Показатели неблагополучия</legend>
      {GROUPS.map(({ level, categories }) => (
        <fieldset key={level} className={s.fieldset} data-level={level}>
          <legend className={s.legend}>{LEVEL_TITLES[level]}</legend>
          {categories.map(({ category, indicators }) => (
            <div key={category} role="group" aria-label={`${category} (уровень ${level})`}>
              <div className={s.muted}>{category}</div>
              {indicators.map((i) => (
                <label key={i.code} className={c.item} title={i.full}>
                  <input
                    type="checkbox"
                    className={c.box}
                    name={`indicator-${i.code}`}
                    checked={codes.includes(i.code)}
                    onChange={(e) => onChange(toggleIndicator(codes, i.code, e.target.checked))}
                    aria-description={i.full}
                  />
                  <span>{`${i.code}. ${i.short}`}</span>
                </label>
              ))}
            </div>
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
});
