/**
 * The service-definition language: load and check definitions, validate answers (one entry
 * point for the form runner and the JSON API), navigate pages, and build view models and
 * answer summaries. Pure: no HTTP, no database. See docs/service-definitions.md.
 */
export type { Condition, FieldCondition, Scalar } from './conditions/condition.js';
export { evaluateCondition, isEmptyAnswer } from './conditions/evaluate.js';
export type { Choice, FieldIssue } from './core/field-type.js';
export type { FormInput } from './core/form-input.js';
export type { JsonObject, JsonSchema, JsonValue, SubmissionData } from './core/json.js';
export { fromJsonPointer, inputId, toJsonPointer } from './core/paths.js';
export type { ButtonView, ChoiceView, Control, FieldView, FileItemView, InputView, RowView } from './core/view-types.js';
export { fieldAtPath, valueAtPath, withValueAtPath } from './engine/data-paths.js';
export type { FileReference } from './fields/file.js';
export { fieldTypeNames } from './fields/index.js';
export { loadServiceDefinitionDirectory, loadServiceDefinitionFile } from './loader/load-definition-files.js';
export { DefinitionLoadError, type LoadIssue } from './loader/load-issues.js';
export { loadServiceDefinition } from './loader/load-service-definition.js';
export type { FieldSpec } from './model/field-spec.js';
export type { PageSpec, SchemaViolation, ServiceDefinition } from './model/service-definition.js';
export { createServiceRegistry, ImmutableVersionError, type ServiceRegistry } from './registry/service-registry.js';
export type { EvaluationOptions } from './validation/evaluation.js';
export { applyFormAction, parseFormAction, parseFormPage, type FormAction } from './validation/form-post.js';
export { findPage, firstPage, nextPage, pageOfField, pageStep, previousPage, visiblePages } from './validation/navigation.js';
export { addUploadedFile, fileLimits, type FileLimits } from './validation/uploads.js';
export { validatePage, validateSubmission, type ValidationError, type ValidationResult } from './validation/validate.js';
export { summarizeAnswers, type AnswerRow, type AnswerSection } from './view/answer-summary.js';
export { buildPageView, type ErrorSummaryItem, type PageView, type PageViewInput } from './view/page-view.js';
