/** The regulated steps' due dates, recomputed while the dates are typed. */
import { Caption1 } from "@fluentui/react-components";
import type { PreviewRow } from "../../logic/casePreview";
import { useFormStyles } from "../styles";

export function DeadlinePreview({ rows }: { readonly rows: readonly PreviewRow[] }) {
  const s = useFormStyles();
  return (
    <section aria-labelledby="preview-title" aria-live="polite" data-testid="deadline-preview">
      <h3 id="preview-title" className={s.legend}>
        Сроки по этому случаю
      </h3>
      {rows.length === 0 ? (
        <Caption1 className={s.muted}>Укажите дату выявления — появятся сроки.</Caption1>
      ) : (
        <ul className={s.list}>
          {rows.map((r) => (
            <li key={r.step} data-step={r.step}>
              {r.name}: <strong>{r.dueText}</strong>
              {r.reason !== null && (
                <>
                  <br />
                  <Caption1 className={s.muted}>{r.reason}</Caption1>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
