/**
 * Saving a file the pane made (the result workbook, the Word brief): a download through a blob link.
 * In a browser tab it works and the browser shows it. Inside Excel the pane is a webview that often
 * cannot save files (Windows and the web block or drop the download, Mac never saves), and the pane
 * cannot tell whether it did: so there the outcome is only 'attempted', and the pane says how else
 * to get the file. Never a silent failure.
 */

/** 'saved': the browser took the download; 'attempted': it may have been dropped (inside Excel). */
export type SaveOutcome = 'saved' | 'attempted';

export type FileSaver = (bytes: Uint8Array, fileName: string, mimeType: string) => SaveOutcome;

/** Starts a download of `bytes` as `fileName` through a temporary blob link. */
export function downloadBytes(bytes: Uint8Array, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytes.slice().buffer], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The browser mode's saver: a plain download. */
export const browserSaver: FileSaver = (bytes, fileName, mimeType) => {
  downloadBytes(bytes, fileName, mimeType);
  return 'saved';
};

/** Inside Excel: the download is tried, but the pane cannot know it arrived. */
export const excelSaver: FileSaver = (bytes, fileName, mimeType) => {
  try {
    downloadBytes(bytes, fileName, mimeType);
  } catch {
    // A webview without blob URLs: the pane's message says what to do instead.
  }
  return 'attempted';
};

export const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
