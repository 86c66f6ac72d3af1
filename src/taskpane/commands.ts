// FunctionFile required by the manifest's ribbon definition; the button opens the task
// pane directly, so there are no command functions yet.
const office = (globalThis as { Office?: { onReady?: () => Promise<unknown> } }).Office;
void office?.onReady?.();
