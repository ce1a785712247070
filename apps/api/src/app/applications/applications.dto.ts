import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateNested,
} from 'class-validator';
import {
  APPLICATION_STATUSES,
  ASSIGNMENT_MODES,
  CALL_STATUSES,
  DECISIONS,
  QUESTION_KINDS,
  SUPPORTED_LOCALES,
  WEIGHT_MAX,
  WEIGHT_MIN,
} from '@incubator/contracts';
import type {
  AnswerValue,
  ApplicationListQuery,
  ApplicationStatus,
  AssignmentMode,
  CallStatus,
  ChangeApplicationStatusRequest,
  ChoiceOption,
  CreateCallRequest,
  CriterionInput,
  DeclareConflictRequest,
  DecideApplicationRequest,
  Decision,
  ExchangeMagicLinkRequest,
  LocalisedText,
  Locale,
  QuestionInput,
  QuestionKind,
  ResumeApplicationRequest,
  SaveDraftRequest,
  SaveReviewRequest,
  ScoreInput,
  SetCallReviewersRequest,
  StartApplicationRequest,
  UpdateCallRequest,
} from '@incubator/contracts';
import { Clearable, DateField, ExportLocaleField, EmailField, IntField, isWellFormedText, Optional, TextField, TokenField, UniqueItems } from '../common/dto';

const uuid = { message: '$property must be a UUID' };
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Text of several lines (descriptions, comments): line breaks and tabs allowed, no other control character. */
function MultilineTextField(maxLength: number): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ maxLength })(target, key);
    Transform(trim)(target, key);
    IsString()(target, key);
    // eslint-disable-next-line no-control-regex
    Matches(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/u, { message: '$property must not contain control characters' })(target, key);
    register('isWellFormedText', '$property must be well-formed Unicode text', isWellFormedText)(target, key);
    MaxLength(maxLength)(target, key);
  };
}

function register(name: string, message: string, validate: (value: unknown) => boolean): PropertyDecorator {
  return (target, key) => registerDecorator({ name, target: target.constructor, propertyName: key as string, options: { message }, validator: { validate } });
}

export class LocalisedTextDto implements LocalisedText {
  @TextField(300) fr!: string;
  @TextField(300) en!: string;
}

export class LocalisedLongTextDto implements LocalisedText {
  @MultilineTextField(10_000) fr!: string;
  @MultilineTextField(10_000) en!: string;
}

export class ChoiceOptionDto implements ChoiceOption {
  @ApiProperty({ pattern: '^[a-z0-9_-]{1,40}$' })
  @IsString()
  @Matches(/^[a-z0-9_-]{1,40}$/, { message: '$property must be 1–40 lowercase letters, digits, - or _' })
  value!: string;

  @ApiProperty({ type: LocalisedTextDto }) @ValidateNested() @Type(() => LocalisedTextDto) label!: LocalisedTextDto;
}

export class QuestionDto implements QuestionInput {
  @Optional() @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) id?: string;
  @ApiProperty({ enum: QUESTION_KINDS }) @IsIn(QUESTION_KINDS) kind!: QuestionKind;
  @ApiProperty({ type: LocalisedTextDto }) @ValidateNested() @Type(() => LocalisedTextDto) label!: LocalisedTextDto;
  @Clearable() @ApiProperty({ type: LocalisedLongTextDto }) @ValidateNested() @Type(() => LocalisedLongTextDto) help?: LocalisedLongTextDto | null;
  @ApiProperty() @IsBoolean() required!: boolean;
  @ApiProperty() @IsBoolean() eligibility!: boolean;

  @Optional()
  @ApiProperty({ type: [ChoiceOptionDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ChoiceOptionDto)
  options?: ChoiceOptionDto[];

  @Optional()
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  @UniqueItems()
  eligibleValues?: string[];

  @Clearable() @IntField(1, 20_000) maxLength?: number | null;
}

export class CriterionDto implements CriterionInput {
  @Optional() @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) id?: string;
  @ApiProperty({ type: LocalisedTextDto }) @ValidateNested() @Type(() => LocalisedTextDto) label!: LocalisedTextDto;
  @Clearable() @ApiProperty({ type: LocalisedLongTextDto }) @ValidateNested() @Type(() => LocalisedLongTextDto) description?: LocalisedLongTextDto | null;
  @IntField(WEIGHT_MIN, WEIGHT_MAX, { description: 'Weight on a 1–5 scale' }) weight!: number;
}

class CallFieldsDto {
  @ApiProperty({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 })
  @IsString()
  @MaxLength(80)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: '$property must be lowercase letters and digits separated by dashes' })
  slug!: string;

  @ApiProperty({ type: LocalisedTextDto }) @ValidateNested() @Type(() => LocalisedTextDto) title!: LocalisedTextDto;
  @ApiProperty({ type: LocalisedLongTextDto }) @ValidateNested() @Type(() => LocalisedLongTextDto) description!: LocalisedLongTextDto;
  @DateField('First day applications are accepted (organisation time zone, inclusive)') opensOn!: string;
  @DateField('Last day applications are accepted (organisation time zone, inclusive)') closesOn!: string;

  @ApiProperty({ type: [QuestionDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => QuestionDto)
  questions!: QuestionDto[];

  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria!: CriterionDto[];

  @ApiProperty({ enum: ASSIGNMENT_MODES }) @IsIn(ASSIGNMENT_MODES) assignmentMode!: AssignmentMode;
  @Clearable() @IntField(1, 20, { description: "'balanced' only: reviewers per application" }) reviewersPerApplication?: number | null;
}

export class CreateCallDto extends CallFieldsDto implements CreateCallRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) cohortId!: string;
}

export class UpdateCallDto implements UpdateCallRequest {
  @Optional()
  @IsString()
  @MaxLength(80)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: '$property must be lowercase letters and digits separated by dashes' })
  slug?: string;

  @Optional() @ApiProperty({ type: LocalisedTextDto }) @ValidateNested() @Type(() => LocalisedTextDto) title?: LocalisedTextDto;
  @Optional() @ApiProperty({ type: LocalisedLongTextDto }) @ValidateNested() @Type(() => LocalisedLongTextDto) description?: LocalisedLongTextDto;
  @Optional() @DateField('First day (inclusive)') opensOn?: string;
  @Optional() @DateField('Last day (inclusive)') closesOn?: string;

  @Optional()
  @ApiProperty({ type: [QuestionDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => QuestionDto)
  questions?: QuestionDto[];

  @Optional()
  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria?: CriterionDto[];

  @Optional() @ApiProperty({ enum: ASSIGNMENT_MODES }) @IsIn(ASSIGNMENT_MODES) assignmentMode?: AssignmentMode;
  @Clearable() @IntField(1, 20) reviewersPerApplication?: number | null;
}

export class CallQueryDto {
  @Optional() @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) cohortId?: string;
  @Optional() @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) programId?: string;
  @Optional() @ApiProperty({ enum: CALL_STATUSES }) @IsIn(CALL_STATUSES) status?: CallStatus;
}

export class SetCallReviewersDto implements SetCallReviewersRequest {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: '$property must hold UUIDs' })
  userIds!: string[];

  @Optional() @ApiProperty({ enum: ASSIGNMENT_MODES }) @IsIn(ASSIGNMENT_MODES) assignmentMode?: AssignmentMode;
  @Clearable() @IntField(1, 20) reviewersPerApplication?: number | null;
}

const toBoolean = Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class ApplicationQueryDto implements ApplicationListQuery {
  @Optional() @ApiProperty({ enum: APPLICATION_STATUSES }) @IsIn(APPLICATION_STATUSES) status?: ApplicationStatus;
  @Optional() @TextField(100) q?: string;
  @Optional() @ApiProperty({ type: Boolean }) @toBoolean @IsBoolean() disagreement?: boolean;
  @Optional() @ApiProperty({ enum: ['rank', 'submitted'] }) @IsIn(['rank', 'submitted']) sort?: 'rank' | 'submitted';
}

export class ApplicationExportQueryDto extends ApplicationQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] }) @IsIn(['csv', 'xlsx']) format!: 'csv' | 'xlsx';
  @ExportLocaleField() locale?: Locale;
}

export class ChangeApplicationStatusDto implements ChangeApplicationStatusRequest {
  @ApiProperty({ enum: ['submitted', 'in_review', 'shortlisted', 'pitch'] })
  @IsIn(['submitted', 'in_review', 'shortlisted', 'pitch'])
  status!: ChangeApplicationStatusRequest['status'];

  @Clearable() @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 instant' }) pitchAt?: string | null;
}

export class DecideApplicationDto implements DecideApplicationRequest {
  @ApiProperty({ enum: DECISIONS }) @IsIn(DECISIONS) decision!: Decision;
  @Optional() @ApiProperty() @IsBoolean() useExistingStartup?: boolean;
}

export class ScoreDto implements ScoreInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) criterionId!: string;
  @IntField(1, 5) score!: number;
}

export class SaveReviewDto implements SaveReviewRequest {
  @ApiProperty({ type: [ScoreDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ScoreDto)
  scores!: ScoreDto[];

  @Clearable() @MultilineTextField(5000) comment?: string | null;
}

export class DeclareConflictDto implements DeclareConflictRequest {
  @Clearable() @MultilineTextField(1000) reason?: string | null;
}

export class ApplicationIdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) applicationId!: string;
}

export class FileParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) id!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) questionId!: string;
}

export class ReviewFileParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) applicationId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) questionId!: string;
}

export class QuestionIdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) questionId!: string;
}

export class CohortIdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', uuid) cohortId!: string;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class PublicCallParams {
  @ApiProperty({ maxLength: 80 }) @IsString() @MaxLength(80) @Matches(SLUG, { message: '$property is not an address' }) organisationSlug!: string;
  @ApiProperty({ maxLength: 80 }) @IsString() @MaxLength(80) @Matches(SLUG, { message: '$property is not an address' }) callSlug!: string;
}

export class PublicCallQueryDto {
  @Optional() @ApiProperty({ enum: SUPPORTED_LOCALES }) @IsIn(SUPPORTED_LOCALES) lang?: Locale;
}

export class StartApplicationDto implements StartApplicationRequest {
  @EmailField() email!: string;
  @TextField(200) startupName!: string;
  @Clearable() @ApiProperty({ pattern: '^\\d{9}$' }) @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s/g, '') : value)) @IsString() @Matches(/^\d{9}$/, { message: '$property must be 9 digits' }) siren?: string | null;
  @Optional() @ApiProperty({ enum: SUPPORTED_LOCALES }) @IsIn(SUPPORTED_LOCALES) locale?: Locale;
}

export class ResumeApplicationDto implements ResumeApplicationRequest {
  @EmailField() email!: string;
  @Optional() @ApiProperty({ enum: SUPPORTED_LOCALES }) @IsIn(SUPPORTED_LOCALES) locale?: Locale;
}

export class ExchangeMagicLinkDto implements ExchangeMagicLinkRequest {
  @TokenField() token!: string;
}

/** Answers keyed by question id: text, a number, a list of choice values, or null to clear. */
export function isAnswers(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 100) return false;
  return entries.every(([key, answer]) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key) && isAnswer(answer as AnswerValue));
}

function isAnswer(value: AnswerValue): boolean {
  if (value === null) return true;
  if (typeof value === 'string') return value.length <= 20_000 && isWellFormedText(value);
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.length <= 20 && value.every((v) => typeof v === 'string' && v.length <= 40);
  return false;
}

export class SaveDraftDto implements SaveDraftRequest {
  @Optional() @TextField(200) startupName?: string;
  @Clearable() @ApiProperty({ pattern: '^\\d{9}$' }) @IsString() @Matches(/^\d{9}$/, { message: '$property must be 9 digits' }) siren?: string | null;
  @Optional() @ApiProperty({ enum: SUPPORTED_LOCALES }) @IsIn(SUPPORTED_LOCALES) locale?: Locale;

  @Optional()
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Answers keyed by question id' })
  @IsObject()
  @(register('isAnswers', '$property must map question ids to text, a number, a list of choices or null (at most 100)', isAnswers))
  answers?: Record<string, AnswerValue>;
}
