import { convertToParamMap } from '@angular/router';
import { CohortResponse, ProgramResponse } from '@incubator/contracts';
import {
  changeFilter,
  DEFAULT_FILTER,
  filterFromParams,
  filterToParams,
  sortFrom,
  sortState,
  StartupFilter,
  toExportQuery,
  toListQuery,
} from './startup-filter';

const SITE_LILLE = '11111111-1111-4111-8111-111111111111';
const SITE_CALAIS = '22222222-2222-4222-8222-222222222222';
const PROGRAM_LILLE = '33333333-3333-4333-8333-333333333333';
const PROGRAM_CALAIS = '44444444-4444-4444-8444-444444444444';
const COHORT_LILLE = '55555555-5555-4555-8555-555555555555';

const programs = [
  { id: PROGRAM_LILLE, siteId: SITE_LILLE },
  { id: PROGRAM_CALAIS, siteId: SITE_CALAIS },
] as ProgramResponse[];
const cohorts = [{ id: COHORT_LILLE, programId: PROGRAM_LILLE }] as CohortResponse[];

const full: StartupFilter = {
  q: 'robot',
  siteId: SITE_LILLE,
  programId: PROGRAM_LILLE,
  cohortId: COHORT_LILLE,
  status: 'active',
  sector: 'industry',
  stage: 'mvp',
  sort: '-createdAt',
  pageIndex: 2,
  pageSize: 50,
};

describe('startup filter in the address', () => {
  it('writes nothing for the default list', () => {
    expect(filterToParams(DEFAULT_FILTER)).toEqual({});
    expect(filterFromParams(convertToParamMap({}))).toEqual(DEFAULT_FILTER);
  });

  it('writes every filter, with pages counted from 1', () => {
    expect(filterToParams(full)).toEqual({
      q: 'robot',
      site: SITE_LILLE,
      program: PROGRAM_LILLE,
      cohort: COHORT_LILLE,
      status: 'active',
      sector: 'industry',
      stage: 'mvp',
      sort: '-createdAt',
      page: '3',
      size: '50',
    });
  });

  it('reads back what it wrote', () => {
    expect(filterFromParams(convertToParamMap(filterToParams(full)))).toEqual(full);
  });

  it('ignores what it cannot read, so that an edited link still opens', () => {
    const filter = filterFromParams(
      convertToParamMap({
        status: 'sleeping',
        sector: 'AI',
        sort: 'siren',
        page: '0',
        size: '7',
        site: 'lille',
        q: '  acme ',
      }),
    );

    expect(filter).toEqual({ ...DEFAULT_FILTER, q: 'acme' });
  });

  it('asks the API for the page shown, and the export for every page with the same filters', () => {
    expect(toListQuery(full)).toEqual({
      q: 'robot',
      siteId: SITE_LILLE,
      programId: PROGRAM_LILLE,
      cohortId: COHORT_LILLE,
      status: 'active',
      sector: 'industry',
      stage: 'mvp',
      sort: '-createdAt',
      limit: 50,
      offset: 100,
    });
    expect(toExportQuery(full)).not.toHaveProperty('limit');
    expect(toExportQuery(full)).not.toHaveProperty('offset');
    expect(toExportQuery({ ...DEFAULT_FILTER, q: '   ' })).toEqual({ sort: 'name' });
  });

  it('goes back to the first page when a filter changes, not when the page changes', () => {
    expect(changeFilter(full, { stage: 'scale' }, programs, cohorts).pageIndex).toBe(0);
    expect(changeFilter(full, { pageIndex: 4 }, programs, cohorts).pageIndex).toBe(4);
  });

  it('drops a program and a cohort that are not on the chosen site', () => {
    const next = changeFilter(full, { siteId: SITE_CALAIS }, programs, cohorts);

    expect(next.programId).toBeNull();
    expect(next.cohortId).toBeNull();
    const anySite = { ...full, siteId: null };
    expect(changeFilter(anySite, { programId: PROGRAM_CALAIS }, programs, cohorts).cohortId).toBeNull();
    expect(changeFilter(full, { programId: PROGRAM_CALAIS }, programs, cohorts).programId).toBeNull();
    expect(changeFilter(full, { status: 'graduated' }, programs, cohorts).cohortId).toBe(COHORT_LILLE);
  });

  it('maps the table sort to the API sort and back', () => {
    expect(sortFrom('createdAt', 'desc')).toBe('-createdAt');
    expect(sortFrom('foundedOn', 'asc')).toBe('foundedOn');
    expect(sortFrom('createdAt', '')).toBe('name');
    expect(sortState('-foundedOn')).toEqual({ active: 'foundedOn', direction: 'desc' });
    expect(sortState('name')).toEqual({ active: 'name', direction: 'asc' });
  });
});
