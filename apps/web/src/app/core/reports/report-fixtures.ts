import { ReportFileResponse, ReportRunResponse } from '@incubator/contracts';

/** Test data: a board pack run of 2026-Q3, queued. */
export function reportRun(overrides: Partial<ReportRunResponse> = {}): ReportRunResponse {
  return {
    id: 'run-1',
    kind: 'board_pack',
    period: '2026-Q3',
    generation: 1,
    trigger: 'on_demand',
    requestedBy: 'user-board',
    status: 'queued',
    progress: 0,
    attempts: 0,
    error: null,
    createdAt: '2026-11-22T08:00:00Z',
    startedAt: null,
    finishedAt: null,
    files: [],
    ...overrides,
  };
}

export function reportFile(overrides: Partial<ReportFileResponse> = {}): ReportFileResponse {
  return {
    id: 'file-1',
    format: 'pdf',
    locale: 'en',
    filename: 'board-pack-2026-Q3-en.pdf',
    sizeBytes: 1000,
    createdAt: '2026-11-22T08:01:00Z',
    ...overrides,
  };
}
