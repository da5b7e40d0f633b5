/**
 * Copying a field's text (the share link, the embed snippets): selected first, so where the clipboard is refused
 * (an insecure page, a denied permission) Ctrl/⌘+C still copies it. `said` reports what happened.
 */
export function copyOnClick(button: HTMLElement, field: HTMLInputElement | HTMLTextAreaElement, said: (copied: boolean) => void): void {
  button.addEventListener('click', async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      said(true);
    } catch {
      said(false);
    }
  });
}
