import type { ApiError, ApiResult } from '../electron/api/contract';
import type { JobStatus } from '../electron/api/schemas/jobs';
import { call } from './api';

const POLL_MS = 150;

/** Starts a background job and follows it until it ends, reporting each status (for a progress bar). */
export async function followJob(
  start: () => Promise<ApiResult<{ jobId: string }>>,
  onStatus: (status: JobStatus) => void,
): Promise<{ status: JobStatus } | { error: ApiError }> {
  const started = await start();
  if (!started.ok) return { error: started.error };
  for (;;) {
    const result = await call('getJob', { jobId: started.value.jobId });
    if (!result.ok) return { error: result.error };
    onStatus(result.value);
    if (result.value.state !== 'running') return { status: result.value };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
