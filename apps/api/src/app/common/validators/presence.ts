import { ApiProperty } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';

/**
 * A field the client may leave out, but not send as `null`. class-validator's `@IsOptional()` skips
 * every validator for `null` too, so a PATCH `{ "legalName": null }` reached the database as a NULL in
 * a NOT NULL column (a 500). Here only `undefined` skips; `null` meets the field's own validators and
 * is refused by them. Put it first (above the field's decorators) so `required: false` wins in OpenAPI.
 */
export function Optional(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ required: false })(target, key);
    ValidateIf((_object, value) => value !== undefined)(target, key);
  };
}

/** A field the contract says may be cleared: `null` is accepted (and means "clear"), like absence. */
export function Clearable(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ required: false, nullable: true })(target, key);
    ValidateIf((_object, value) => value !== undefined && value !== null)(target, key);
  };
}
