// Shared by the rule tests (ChangedFile) and the fake GitHub (the files API `patch` field).

/** A unified-diff patch (GitHub's `patch` field) between two texts: common head and tail as context. */
export function makePatch(before: string | null, after: string | null): string {
  const a = before === null ? [] : before.replace(/\n$/, '').split('\n');
  const b = after === null ? [] : after.replace(/\n$/, '').split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ctxStart = Math.max(0, start - 3);
  const ctxEndA = Math.min(a.length, endA + 3);
  const ctxEndB = Math.min(b.length, endB + 3);
  const lines: string[] = [];
  for (let i = ctxStart; i < start; i++) lines.push(` ${a[i]}`);
  for (let i = start; i < endA; i++) lines.push(`-${a[i]}`);
  for (let i = start; i < endB; i++) lines.push(`+${b[i]}`);
  for (let i = endA; i < ctxEndA; i++) lines.push(` ${a[i]}`);
  const oldLen = ctxEndA - ctxStart;
  const newLen = ctxEndB - ctxStart;
  const oldStart = oldLen === 0 ? ctxStart : ctxStart + 1;
  const newStart = newLen === 0 ? ctxStart : ctxStart + 1;
  return [`@@ -${oldStart},${oldLen} +${newStart},${newLen} @@`, ...lines].join('\n');
}
