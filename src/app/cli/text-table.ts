/** Lays rows out as a plain-text table, cutting long cells to their column's width with "…". */
export function renderTable(columns: { title: string; width: number }[], rows: string[][]): string {
  const cut = (text: string, width: number) => {
    const flat = text.replace(/\s+/g, " ").trim();
    return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
  };
  const widths = columns.map((c, i) =>
    Math.min(
      c.width,
      Math.max(c.title.length, ...rows.map((r) => (r[i] ?? "").replace(/\s+/g, " ").trim().length)),
    ),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cut(cell, widths[i] ?? 10).padEnd(widths[i] ?? 10))
      .join("  ")
      .trimEnd();
  return [
    line(columns.map((c) => c.title)),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map(line),
  ].join("\n");
}
