/**
 * The pull request a merge group was made for: GitHub names the group's branch
 * `gh-readonly-queue/<base>/pr-<number>-<base sha>`.
 */
export function pullNumberFromQueueRef(ref: string): number | null {
  const m = /gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]+$/.exec(ref);
  return m ? Number(m[1]) : null;
}
