import { DOCUMENT, Injectable, inject } from '@angular/core';
import { DraftSessionResponse } from '@incubator/contracts';

export const DRAFT_SESSION_STORAGE_KEY = 'incubator.applicationDraft';

export interface StoredDraftSession {
  draftSession: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  organisationSlug: string;
  callSlug: string;
}

/**
 * The applicant's draft session, in sessionStorage: it survives a reload of the tab but not the
 * browser, and another tab needs its own magic link.
 */
@Injectable({ providedIn: 'root' })
export class DraftSessionStore {
  private readonly document = inject(DOCUMENT);
  /** Where the session lives when storage is disabled. */
  private memory: StoredDraftSession | null = null;

  save(session: DraftSessionResponse, now = Date.now()): void {
    const stored: StoredDraftSession = {
      draftSession: session.draftSession,
      expiresAt: now + session.expiresIn * 1000,
      organisationSlug: session.organisationSlug,
      callSlug: session.callSlug,
    };
    try {
      this.storage()?.setItem(DRAFT_SESSION_STORAGE_KEY, JSON.stringify(stored));
    } catch {
      // Storage disabled: the session lasts as long as the page.
      this.memory = stored;
    }
  }

  /** Null when there is none or it has expired. */
  current(now = Date.now()): StoredDraftSession | null {
    const stored = this.read();
    return stored && stored.expiresAt > now ? stored : null;
  }

  /** The last session even when expired: its call says where to ask for a new link. */
  last(): StoredDraftSession | null {
    return this.read();
  }

  clear(): void {
    this.memory = null;
    try {
      this.storage()?.removeItem(DRAFT_SESSION_STORAGE_KEY);
    } catch {
      // See save.
    }
  }

  private read(): StoredDraftSession | null {
    try {
      const raw = this.storage()?.getItem(DRAFT_SESSION_STORAGE_KEY);
      if (!raw) {
        return this.memory;
      }
      const parsed = JSON.parse(raw) as Partial<StoredDraftSession>;
      return typeof parsed.draftSession === 'string' && typeof parsed.expiresAt === 'number'
        ? (parsed as StoredDraftSession)
        : null;
    } catch {
      return this.memory;
    }
  }

  private storage(): Storage | null {
    return this.document.defaultView?.sessionStorage ?? null;
  }
}
