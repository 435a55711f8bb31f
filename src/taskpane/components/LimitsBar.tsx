/** What this version of Excel cannot do, from feature detection. */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useFormStyles } from "./styles";

export function LimitsBar({ limits }: { readonly limits: readonly string[] }) {
  const s = useFormStyles();
  if (limits.length === 0) {
    return null;
  }
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="limits">
      <MessageBarBody>
        <MessageBarTitle>Ограничения этой версии Excel</MessageBarTitle>
        <ul className={s.bullets}>
          {limits.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
