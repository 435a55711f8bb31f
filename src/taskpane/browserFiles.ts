/**
 * The browser's side of «Отправка в министерство»: copying a text for the user's mail program,
 * and saving the report file where Excel cannot open it as a new workbook. Office's webviews
 * differ: the asynchronous clipboard may be refused in the pane's frame (Excel on the web),
 * so the old `execCommand("copy")` on a hidden text area is tried next; a download may be
 * refused too, and the caller then says what else to do.
 */

/** Copies text; false when neither way works (the user selects the text and presses Ctrl+C). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard !== undefined && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused in this frame: the fallback below.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  const active = document.activeElement as HTMLElement | null;
  try {
    area.select();
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
    active?.focus();
  }
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Offers the bytes as a file download named `name`. */
export function saveFile(name: string, bytes: Uint8Array): void {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const url = URL.createObjectURL(new Blob([copy.buffer], { type: XLSX_TYPE }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some webviews start the download after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
