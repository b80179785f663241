/**
 * Hands a file to the browser as a download, through a Blob and an object URL: the desktop app asks where to
 * save it (electron/downloads.ts), a browser puts it in Downloads. The URL lives a minute, long enough for a
 * large database copy to be written.
 */
export function saveFile(fileName: string, content: string | Uint8Array<ArrayBuffer>, mimeType: string) {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const bytesOfBase64 = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
