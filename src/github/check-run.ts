import { batches, type CheckAnnotation } from '../report/annotations.js';
import type { GitHub } from './client.js';
import { call, OPS } from './errors.js';
import { ANNOTATIONS_PER_REQUEST } from './limits.js';
import type { RepoRef } from './pull.js';

export const CHECK_RUN_NAME = 'two-key findings';

export interface CheckRunInput {
  headSha: string;
  title: string;
  summary: string;
  /** The check run carries the annotations; the commit status is the gate, so findings are `neutral`. */
  conclusion: 'success' | 'neutral';
  annotations: CheckAnnotation[];
  detailsUrl: string | null;
}

/** Creates the check run with the first 50 annotations, then adds the rest 50 at a time. */
export async function publishCheckRun(gh: GitHub, repo: RepoRef, input: CheckRunInput): Promise<string> {
  const [first = [], ...rest] = batches(input.annotations, ANNOTATIONS_PER_REQUEST);
  const output = { title: input.title, summary: input.summary };
  const { data } = await call(OPS.checkRun, () =>
    gh.rest.checks.create({
      ...repo,
      name: CHECK_RUN_NAME,
      head_sha: input.headSha,
      status: 'completed',
      conclusion: input.conclusion,
      ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
      output: first.length > 0 ? { ...output, annotations: first } : output,
    }),
  );
  for (const batch of rest) {
    await call(OPS.checkRun, () => gh.rest.checks.update({ ...repo, check_run_id: data.id, output: { ...output, annotations: batch } }));
  }
  return data.html_url ?? '';
}
