// How a project's text is kept in browser storage. Storing a 10 MB string clones it into the database on the
// page's thread; a Blob is stored by reference, and a worker can make it where it costs the page nothing.

/** documents over this many characters are stored as a Blob */
export const BLOB_TEXT_FROM = 1 << 20;

export function storedText(text: string): string | Blob {
  return text.length > BLOB_TEXT_FROM ? new Blob([text], { type: 'application/json' }) : text;
}
