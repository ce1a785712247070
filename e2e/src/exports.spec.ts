import { expect, test, type Download } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { signIn, web } from './sign-in';

/**
 * Issue 21 item 6: in French, the exports open as tables in French Excel — a UTF-8 BOM, `;` between
 * cells, decimal commas, CRLF — and show labels, never the codes the API stores.
 */
test.describe('locale-aware exports', () => {
  test.use({ locale: 'fr-FR', acceptDownloads: true });

  const BOM = [0xef, 0xbb, 0xbf];
  const bytesOf = async (download: Download): Promise<Buffer> => readFile(await download.path());

  test('the manager downloads the startup list and the funding rounds as French CSV', async ({ page }) => {
    await signIn(page, 'manager@demo.test');

    // 1. The startup list, through its CSV button.
    await page.goto(`${web()}/manage/startups`);
    const [startupsFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const startups = await bytesOf(startupsFile);
    expect([...startups.subarray(0, 3)]).toEqual(BOM);
    const text = startups.subarray(3).toString('utf8');
    const [header, ...lines] = text.split('\r\n');
    expect(header).toMatch(/^Raison sociale;Pays;SIREN;Secteur;Création;Stade;/);
    expect(header).not.toContain(',');
    expect(lines.length).toBeGreaterThan(0);
    const canopee = lines.find((line) => line.startsWith('Canopée Data SAS;'));
    expect(canopee).toBeDefined();
    expect(canopee?.split(';')[3]).toBe('Intelligence artificielle');
    expect(text).toContain(';Industrie;');
    // The sector, stage and status columns hold labels: no stored code anywhere.
    const cells = lines.map((line) => line.split(';'));
    const codes = ['ai', 'industry', 'healthtech', 'mobility', 'foodtech', 'idea', 'prototype', 'mvp', 'revenue', 'scale', 'applied', 'admitted', 'active', 'graduated', 'withdrawn'];
    for (const row of cells) for (const column of [3, 5, 9]) expect(codes).not.toContain(row[column]);

    // 2. The funding rounds, through the KPI page's CSV button: amounts with a decimal comma.
    await page.goto(`${web()}/manage/kpis`);
    const [roundsFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rounds-export-csv').click()]);
    const rounds = await bytesOf(roundsFile);
    expect([...rounds.subarray(0, 3)]).toEqual(BOM);
    const [roundsHeader, ...roundLines] = rounds.subarray(3).toString('utf8').split('\r\n');
    expect(roundsHeader).toMatch(/^Startup;Type;Statut;Devise;Montant;/);
    const seed = roundLines.find((line) => line.startsWith('Canopée Data SAS;Amorçage;'));
    expect(seed).toBeDefined();
    expect(seed).toMatch(/;EUR;1200000,00;/);
    expect(seed).not.toMatch(/\d\.\d/);
    expect(roundLines.join('\n')).not.toMatch(/;(seed|pre_seed|grant|closed|announced);/);
  });
});
