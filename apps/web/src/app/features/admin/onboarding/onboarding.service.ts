import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { OnboardingResponse } from '@incubator/contracts';
import { Observable } from 'rxjs';

/** The organisation's set-up checklist, ticked by the API from the data itself. */
@Injectable({ providedIn: 'root' })
export class OnboardingService {
  private readonly http = inject(HttpClient);

  progress(): Observable<OnboardingResponse> {
    return this.http.get<OnboardingResponse>('/api/onboarding');
  }
}
