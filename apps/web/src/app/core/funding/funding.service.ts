import { HttpClient, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CreateFundingRoundRequest,
  CreateInvestorRequest,
  FundingRoundListQuery,
  FundingRoundResponse,
  InvestorResponse,
  PageResponse,
  UpdateFundingRoundRequest,
} from '@incubator/contracts';
import { Observable } from 'rxjs';
import { toParams } from '../api/to-params';

export type FundingExportFormat = 'csv' | 'xlsx';

/** The filters of the list, without paging: an export takes every round. */
export type FundingRoundExportQuery = Omit<FundingRoundListQuery, 'limit' | 'offset'>;

/** Funding rounds of the startups and the directory of investors (a startup member: their own rounds only). */
@Injectable({ providedIn: 'root' })
export class FundingService {
  private readonly http = inject(HttpClient);

  /** `q` matches the investor's name. */
  investors(q?: string): Observable<InvestorResponse[]> {
    return this.http.get<InvestorResponse[]>('/api/investors', { params: toParams({ q }) });
  }

  /** 409 at `name` when the directory already has an investor of that name. */
  createInvestor(request: CreateInvestorRequest): Observable<InvestorResponse> {
    return this.http.post<InvestorResponse>('/api/investors', request);
  }

  /** Latest closing (or announcement) first; rounds still planned come first of all. */
  rounds(query: FundingRoundListQuery): Observable<PageResponse<FundingRoundResponse>> {
    return this.http.get<PageResponse<FundingRoundResponse>>('/api/funding-rounds', { params: toParams(query) });
  }

  createRound(startupId: string, request: CreateFundingRoundRequest): Observable<FundingRoundResponse> {
    return this.http.post<FundingRoundResponse>('/api/funding-rounds', { ...request, startupId });
  }

  updateRound(roundId: string, change: UpdateFundingRoundRequest): Observable<FundingRoundResponse> {
    return this.http.patch<FundingRoundResponse>(`/api/funding-rounds/${encodeURIComponent(roundId)}`, change);
  }

  /**
   * The filtered rounds as a file. Fetched here rather than by a plain link, so that the request
   * carries the access token; the response keeps its headers for the file name.
   */
  exportRounds(format: FundingExportFormat, query: FundingRoundExportQuery = {}): Observable<HttpResponse<Blob>> {
    return this.http.get('/api/funding-rounds/export', {
      params: toParams({ ...query, format }),
      responseType: 'blob',
      observe: 'response',
    });
  }
}
