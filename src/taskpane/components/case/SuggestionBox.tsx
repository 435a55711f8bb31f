/** The suggested target group, recomputed as indicators are ticked, with its reasons. */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { memo } from "react";
import { suggestTargetGroup } from "../../../core/indicators/targetGroup";
import { useFormStyles } from "../styles";

const TITLES = {
  0: "Рекомендация: без постановки на учёт",
  1: "Рекомендация: уровень 1 — ранняя стадия (Совет профилактики)",
  2: "Рекомендация: уровень 2 — СОП (КДН и ЗП)",
} as const;

export const SuggestionBox = memo(function SuggestionBox({
  codes,
}: {
  readonly codes: readonly string[];
}) {
  const s = useFormStyles();
  const suggestion = suggestTargetGroup(codes);
  return (
    <MessageBar intent="info" layout="multiline" politeness="polite" data-testid="suggestion">
      <MessageBarBody>
        <MessageBarTitle>{TITLES[suggestion.group]}</MessageBarTitle>
        <ul className={s.bullets}>
          {suggestion.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
});
