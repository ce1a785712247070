/** Body of every 4xx/5xx answer of the API. */
export interface ApiErrorResponse {
  statusCode: number;
  error: string;
  message: string;
  /** Field-level messages for validation errors: field path → messages. */
  fields?: Record<string, string[]>;
  requestId?: string;
}
