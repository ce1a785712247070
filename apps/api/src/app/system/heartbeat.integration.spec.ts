import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HeartbeatService } from '@incubator/api/system';
import type { ApiErrorResponse, HeartbeatRequestedResponse, HeartbeatResponse } from '@incubator/contracts';
import { pollUntil, signIn, startTestApi, startTestWorker } from '../../test/test-app';

describe('heartbeat job: API → Redis → worker → PostgreSQL', () => {
  let app: INestApplication;
  let api: string;
  let worker: INestApplicationContext | undefined;
  let operator: { authorization: string };

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    // The heartbeats are the platform's: only the platform operator reads and requests them.
    operator = await signIn(api, 'operator@demo.test');
  });

  afterAll(async () => {
    await worker?.close();
    await app.close();
  });

  const requestHeartbeat = async () => {
    const response = await fetch(`${api}/system/heartbeats`, { method: 'POST', headers: operator });
    expect(response.status).toBe(202);
    return ((await response.json()) as HeartbeatRequestedResponse).jobId;
  };

  let queuedJobId = '';

  it('leaves the job queued while no worker runs: the API never writes the row itself', async () => {
    queuedJobId = await requestHeartbeat();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await fetch(`${api}/system/heartbeats/${queuedJobId}`, { headers: operator })).status).toBe(404);
  });

  it('is processed by the worker, which records it once', async () => {
    worker = await startTestWorker();
    const jobId = await requestHeartbeat();

    const response = await pollUntil(`${api}/system/heartbeats/${jobId}`, 200, operator);
    const heartbeat = (await response.json()) as HeartbeatResponse;
    expect(response.status).toBe(200);
    expect(heartbeat).toMatchObject({ jobId, source: 'api' });
    expect(heartbeat.processedBy).toMatch(new RegExp(`:${process.pid}$`));
    expect(Date.parse(heartbeat.processedAt)).toBeGreaterThanOrEqual(Date.parse(heartbeat.requestedAt));

    const list = await (await fetch(`${api}/system/heartbeats?limit=100`, { headers: operator })).json();
    expect(list.items.filter((item: HeartbeatResponse) => item.jobId === jobId)).toHaveLength(1);
  });

  it('picks up the job that waited in Redis while no worker ran', async () => {
    const response = await pollUntil(`${api}/system/heartbeats/${queuedJobId}`, 200, operator);
    expect(response.status).toBe(200);
    expect(((await response.json()) as HeartbeatResponse).jobId).toBe(queuedJobId);
  });

  it('records a retried job only once (idempotent on the job id)', async () => {
    const service = app.get(HeartbeatService);
    const job = { id: `retry-${Date.now()}`, source: 'api' as const, requestedAt: new Date() };
    await service.record(job, 'first-attempt');
    await service.record(job, 'second-attempt');
    const rows = await app.get(DataSource).query('SELECT processed_by FROM heartbeats WHERE job_id = $1', [job.id]);
    expect(rows).toEqual([{ processed_by: 'first-attempt' }]);
  });

  it('refuses bad paging input with field-level messages in the caller’s language', async () => {
    const english = await fetch(`${api}/system/heartbeats?limit=0&offset=-1&colour=red`, {
      headers: { ...operator, 'Accept-Language': 'en-GB,en;q=0.9' },
    });
    const body = (await english.json()) as ApiErrorResponse;
    expect(english.status).toBe(400);
    expect(body.fields?.['limit']).toEqual(['limit must not be less than 1']);
    expect(body.fields?.['offset']).toEqual(['offset must not be less than 0']);
    expect(body.fields?.['colour']).toEqual(['property colour should not exist']);

    const french = await fetch(`${api}/system/heartbeats?limit=500`, { headers: { ...operator, 'Accept-Language': 'fr-FR' } });
    const frenchBody = (await french.json()) as ApiErrorResponse;
    expect(french.status).toBe(400);
    expect(frenchBody.message).toBe('La requête contient des champs invalides.');
    expect(frenchBody.fields?.['limit']).toEqual(['le champ limit ne doit pas être supérieur à 100']);
  });
});
