/** Problems found while reading the register, located by sheet, row and column. */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { RegisterIssue } from "../../core/register/model";
import { useFormStyles } from "./styles";

const SHOWN = 5;

export function IssuesBar({ issues }: { readonly issues: readonly RegisterIssue[] }) {
  const s = useFormStyles();
  if (issues.length === 0) {
    return null;
  }
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="issues">
      <MessageBarBody>
        <MessageBarTitle>Ошибок в книге учёта: {issues.length}</MessageBarTitle>
        <ul className={s.bullets}>
          {issues.slice(0, SHOWN).map((i, n) => (
            <li key={n}>
              «{i.sheet}»{i.row > 0 ? `, строка ${i.row}` : ""}
              {i.column !== "" ? `, «${i.column}»` : ""}: {i.message}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
