import { ParamMap, Params } from '@angular/router';
import {
  CohortResponse,
  ENROLLMENT_STATUSES,
  EnrollmentStatus,
  ProgramResponse,
  SECTORS,
  Sector,
  STAGES,
  Stage,
  STARTUP_SORTS,
  StartupSort,
} from '@incubator/contracts';
import { StartupExportQuery, StartupQuery } from '../../../core/startups/startups.service';

export const STARTUP_PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;
const DEFAULT_SORT: StartupSort = 'name';
const MAX_SEARCH_LENGTH = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the startups list shows; kept in the address so that it can be bookmarked, shared and gone back to. */
export interface StartupFilter {
  q: string;
  siteId: string | null;
  programId: string | null;
  cohortId: string | null;
  status: EnrollmentStatus | null;
  sector: Sector | null;
  stage: Stage | null;
  sort: StartupSort;
  pageIndex: number;
  pageSize: number;
}

export const DEFAULT_FILTER: StartupFilter = {
  q: '',
  siteId: null,
  programId: null,
  cohortId: null,
  status: null,
  sector: null,
  stage: null,
  sort: DEFAULT_SORT,
  pageIndex: 0,
  pageSize: DEFAULT_PAGE_SIZE,
};

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

function id(value: string | null): string | null {
  return value !== null && UUID.test(value) ? value : null;
}

/**
 * The filter of a query string such as `?q=acme&status=active&sort=-createdAt&page=2`. What it
 * cannot read (a mistyped status, page 0) falls back to the default, so an edited link still opens.
 */
export function filterFromParams(params: ParamMap): StartupFilter {
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_SEARCH_LENGTH),
    siteId: id(params.get('site')),
    programId: id(params.get('program')),
    cohortId: id(params.get('cohort')),
    status: oneOf(ENROLLMENT_STATUSES, params.get('status')),
    sector: oneOf(SECTORS, params.get('sector')),
    stage: oneOf(STAGES, params.get('stage')),
    sort: oneOf(STARTUP_SORTS, params.get('sort')) ?? DEFAULT_SORT,
    pageIndex: Number.isInteger(page) && page > 1 ? page - 1 : 0,
    pageSize: STARTUP_PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** The query string of a filter: only what differs from the defaults, pages counted from 1. */
export function filterToParams(filter: StartupFilter): Params {
  const params: Params = {};
  const set = (key: string, value: string | number | null, fallback: string | number | null = null) => {
    if (value !== null && value !== '' && value !== fallback) {
      params[key] = String(value);
    }
  };
  set('q', filter.q.trim());
  set('site', filter.siteId);
  set('program', filter.programId);
  set('cohort', filter.cohortId);
  set('status', filter.status);
  set('sector', filter.sector);
  set('stage', filter.stage);
  set('sort', filter.sort, DEFAULT_SORT);
  set('page', filter.pageIndex + 1, 1);
  set('size', filter.pageSize, DEFAULT_PAGE_SIZE);
  return params;
}

export function sameFilter(a: StartupFilter, b: StartupFilter): boolean {
  return (Object.keys(a) as (keyof StartupFilter)[]).every((key) => a[key] === b[key]);
}

/** The API's query for the page the filter shows. */
export function toListQuery(filter: StartupFilter): StartupQuery {
  return {
    ...toExportQuery(filter),
    limit: filter.pageSize,
    offset: filter.pageIndex * filter.pageSize,
  };
}

/** The same rows as the list, every page: what the export buttons download. */
export function toExportQuery(filter: StartupFilter): StartupExportQuery {
  const query: StartupExportQuery = { sort: filter.sort };
  if (filter.q.trim()) query.q = filter.q.trim();
  if (filter.siteId) query.siteId = filter.siteId;
  if (filter.programId) query.programId = filter.programId;
  if (filter.cohortId) query.cohortId = filter.cohortId;
  if (filter.status) query.status = filter.status;
  if (filter.sector) query.sector = filter.sector;
  if (filter.stage) query.stage = filter.stage;
  return query;
}

/**
 * A changed filter goes back to the first page, and a program or cohort that does not belong to the
 * chosen site or program is dropped, instead of a list that is always empty.
 */
export function changeFilter(
  current: StartupFilter,
  change: Partial<StartupFilter>,
  programs: readonly ProgramResponse[],
  cohorts: readonly CohortResponse[],
): StartupFilter {
  const next: StartupFilter = { ...current, pageIndex: 0, ...change };
  const program = programs.find((p) => p.id === next.programId);
  if (next.siteId && program && program.siteId !== next.siteId) {
    next.programId = null;
  }
  const cohort = cohorts.find((c) => c.id === next.cohortId);
  const cohortProgram = programs.find((p) => p.id === cohort?.programId);
  if (
    cohort &&
    ((next.programId && cohort.programId !== next.programId) ||
      (next.siteId && cohortProgram && cohortProgram.siteId !== next.siteId))
  ) {
    next.cohortId = null;
  }
  return next;
}

export type SortColumn = 'name' | 'createdAt' | 'foundedOn';

export function sortState(sort: StartupSort): { active: SortColumn; direction: 'asc' | 'desc' } {
  return sort.startsWith('-')
    ? { active: sort.slice(1) as SortColumn, direction: 'desc' }
    : { active: sort as SortColumn, direction: 'asc' };
}

/** Material's sort event as the API's sort; no direction means the default order. */
export function sortFrom(active: string, direction: 'asc' | 'desc' | ''): StartupSort {
  const sort = direction === 'desc' ? `-${active}` : active;
  return direction && (STARTUP_SORTS as readonly string[]).includes(sort) ? (sort as StartupSort) : DEFAULT_SORT;
}
