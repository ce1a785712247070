import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@incubator/api/config';

/**
 * What an access token carries: who, in which organisation, through which session. Nothing else.
 * `org` is null for a platform operator's session, which is in no organisation.
 */
export interface AccessTokenClaims {
  sub: string;
  org: string | null;
  sid: string;
}

@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  sign(claims: AccessTokenClaims): Promise<string> {
    return this.jwt.signAsync(claims, {
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      algorithm: 'HS256',
    });
  }

  /** The claims of a valid, unexpired token; null for anything else. */
  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        algorithms: ['HS256'],
      });
      return typeof claims.sub === 'string' && (typeof claims.org === 'string' || claims.org === null) && typeof claims.sid === 'string' ? claims : null;
    } catch {
      return null;
    }
  }
}
