import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/** Thrown by the global ValidationPipe; the exception filter renders it with field messages. */
export class RequestValidationError extends BadRequestException {
  constructor(readonly errors: ValidationError[]) {
    super('Validation failed');
  }
}
