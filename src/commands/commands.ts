/*
 * Ribbon commands (ExecuteFunction buttons). In the shared runtime they run in the task pane
 * page, so there is no commands.html. The ids passed to Office.actions.associate must match
 * the <FunctionName> elements in manifest.xml.
 *
 * Placeholders: the add-in issue fills in the handlers. Every handler must call
 * event.completed(), even on failure, or Office keeps the button busy.
 */

async function buildReport(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // Filled in by the add-in issue: build the report sheet from the register.
  } finally {
    event.completed();
  }
}

async function refreshDeadlines(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // Filled in by the add-in issue: recompute deadline columns in the register.
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  // Nothing to initialise yet; the handlers below are registered at load, as in Microsoft's template.
});

Office.actions.associate("buildReport", buildReport);
Office.actions.associate("refreshDeadlines", refreshDeadlines);
