/**
 * State of the «Случай» form: the fields, the errors shown after the first attempt to save
 * (then rechecked as the user corrects them), and the live deadline preview.
 */
import { useCallback, useMemo, useState } from "react";
import type { IsoDate } from "../../core/dates/isoDate";
import type { Register } from "../../core/register/model";
import { registerCalendar } from "../../excel/writeCase";
import {
  caseFormFromEpisode,
  checkCaseForm,
  emptyCaseForm,
  type CaseCheck,
  type CaseErrors,
  type CaseFormState,
} from "../logic/caseForm";
import { previewDeadlines, type PreviewRow } from "../logic/casePreview";
import { readDateInput } from "../logic/dateInput";

export function useCaseForm(
  register: Register,
  code: string,
  today: IsoDate
): {
  form: CaseFormState;
  errors: CaseErrors;
  preview: PreviewRow[];
  update: (patch: Partial<CaseFormState>) => void;
  check: () => CaseCheck;
} {
  const [form, setForm] = useState<CaseFormState>(() => {
    const episode = register.episodes.find((e) => e.code === code);
    return episode ? caseFormFromEpisode(episode) : emptyCaseForm(today);
  });
  const [attempted, setAttempted] = useState(false);
  const calendar = useMemo(() => registerCalendar(register), [register]);
  const result = useMemo(() => checkCaseForm(form, register, today), [form, register, today]);
  const preview = useMemo(() => {
    const identified = readDateInput(form.identified);
    const registered = readDateInput(form.registered);
    return previewDeadlines(
      identified.ok ? identified.value : null,
      form.level !== "" && registered.ok ? registered.value : null,
      calendar,
      register.regulation,
      form.level === "" ? null : form.level === "2" ? 2 : 1
    );
  }, [form.identified, form.registered, form.level, calendar, register.regulation]);
  // Stable, so the memoized parts of the form (the indicator list) skip re-rendering.
  const update = useCallback(
    (patch: Partial<CaseFormState>) => setForm((f) => ({ ...f, ...patch })),
    []
  );
  return {
    form,
    errors: attempted && !result.ok ? result.errors : {},
    preview,
    update,
    check: () => {
      setAttempted(true);
      return result;
    },
  };
}
