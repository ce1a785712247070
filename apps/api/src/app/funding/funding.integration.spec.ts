import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import type { ApiErrorResponse, FundingRoundResponse, PageResponse, StartupResponse } from '@incubator/contracts';
import { freshSiren } from '../../test/fixtures';
import { signIn, startTestApi } from '../../test/test-app';

describe('funding errors answer with a code, in the caller’s language (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let api: string;
  let manager: Record<string, string>;
  let startupId: string;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    manager = { ...(await signIn(api, 'manager@demo.test')), 'Content-Type': 'application/json' };
    const startup = await send<StartupResponse>('POST', '/startups', { legalName: `Funded ${randomUUID()}`, country: 'FR', siren: freshSiren(), sector: 'fintech', stage: 'mvp', teamSize: 3 });
    expect(startup.status).toBe(201);
    startupId = startup.body.id;
  });

  afterAll(() => app.close());

  async function send<T>(method: string, path: string, body: unknown, headers = manager) {
    const response = await fetch(`${api}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  }

  const round = (fields: Record<string, unknown>, locale: 'fr' | 'en') =>
    send<ApiErrorResponse>('POST', '/funding-rounds', { startupId, kind: 'seed', status: 'closed', currency: 'EUR', amount: '1000', closedOn: '2025-02-01', ...fields }, { ...manager, 'Accept-Language': locale });

  it('names one wrong field with its own code', async () => {
    expect(await round({ closedOn: '2199-01-01' }, 'fr')).toMatchObject({
      status: 400,
      body: {
        code: 'funding.closing_date_in_future',
        message: 'La date de clôture ne peut pas être dans le futur.',
        fields: { closedOn: ['la date de clôture ne peut pas être dans le futur'] },
      },
    });
    expect((await round({ currency: 'USD' }, 'en')).body).toMatchObject({ code: 'funding.rate_required', message: 'The EUR exchange rate (at the closing date) is required.' });
  });

  it('names every wrong field at once with funding.round_invalid', async () => {
    const several = await round({ currency: 'JPY', amount: '10.5', closedOn: '2199-01-01', investorIds: [randomUUID()] }, 'fr');
    expect(several).toMatchObject({ status: 400, body: { code: 'funding.round_invalid', message: 'Le tour de financement contient des champs invalides.' } });
    expect(several.body.fields).toEqual({
      amount: ['montant positif avec au plus 0 décimales attendu'],
      eurRate: ['taux de change vers l’euro requis (date de clôture)'],
      closedOn: ['la date de clôture ne peut pas être dans le futur'],
      investorIds: ['investisseur inconnu dans l’annuaire'],
    });
    const listed = await send<PageResponse<FundingRoundResponse>>('GET', `/funding-rounds?startupId=${startupId}`, undefined);
    expect(listed.body.total).toBe(0);
  });

  it('refuses an investor name already in the directory, and an unknown round', async () => {
    const name = `Fund ${randomUUID()}`;
    expect((await send('POST', '/investors', { name, kind: 'fund' })).status).toBe(201);
    const twice = await send<ApiErrorResponse>('POST', '/investors', { name: name.toUpperCase(), kind: 'fund' }, { ...manager, 'Accept-Language': 'fr' });
    expect(twice).toMatchObject({ status: 409, body: { code: 'funding.investor_name_taken', message: 'Cet investisseur existe déjà dans l’annuaire.', fields: { name: ['nom déjà utilisé'] } } });
    expect(await send('GET', `/funding-rounds/${randomUUID()}`, undefined, { ...manager, 'Accept-Language': 'en' })).toMatchObject({
      status: 404,
      body: { code: 'funding.round_not_found', message: 'No such funding round.' },
    });
    expect((await send<ApiErrorResponse>('POST', '/funding-rounds', { startupId: randomUUID(), kind: 'seed', status: 'planned', currency: 'EUR', amount: '1' })).body).toMatchObject({
      code: 'startup.not_found',
      message: 'Startup introuvable.',
    });
  });
});
