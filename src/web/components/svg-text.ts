// Text inside server-rendered SVG charts: labels wrapped on word boundaries into as many lines as they need, so a
// label is never cut short (an over-long single word gets a line of its own).

/** Splits `label` into lines of at most about `width` characters, breaking only between words. */
export function wrapWords(label: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}
