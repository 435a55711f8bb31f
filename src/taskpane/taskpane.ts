/*
 * Task pane entry point. A later issue replaces the placeholder with the real UI.
 */

Office.onReady((info) => {
  const root = document.getElementById("root");
  if (root === null) {
    return;
  }
  const text =
    info.host === Office.HostType.Excel
      ? "ВШУ: книга учёта профилактической работы. Панель в разработке."
      : "ВШУ работает только в Excel.";
  const paragraph = document.createElement("p");
  paragraph.textContent = text;
  root.replaceChildren(paragraph);
});
