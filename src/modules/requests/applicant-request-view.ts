/**
 * What the applicant sees of information requests, for the status page's section and the answer
 * page: open requests with the message, the deadline and the answer form; answered ones with the
 * date of the answer. Withdrawn requests are not shown — nothing is asked of the applicant any more.
 */
import { berlinDateOf } from '../../platform/calendar/calendar-date.js';
import { formatDate, formatDateTime, type Locale, type Translate } from '../../platform/i18n/i18n.js';
import { formatBytes } from '../../platform/uploads/upload-errors.js';
import { isOverdue, type InformationRequest } from './request-queries.js';
import { answerPath } from './request-paths.js';

/** Most files one answer takes. */
export const ANSWER_MAX_FILES = 5;
/** The types an answer's files may have (checked by content). */
export const ANSWER_FILE_TYPES = ['pdf', 'jpeg', 'png', 'docx', 'odt'] as const;

export interface ApplicantRequestView {
  id: string;
  heading: string;
  /** The caseworker's message, as lines. */
  lines: string[];
  open: boolean;
  /** Deadline text, for open requests ("Bitte antworten Sie bis …" or "Die Frist ist … abgelaufen"). */
  dueText?: string;
  overdue: boolean;
  answerUrl: string;
  /** For answered requests: "Ihre Antwort vom … ist eingegangen." */
  answeredText?: string;
  /** The answer form's field texts. */
  form: { answerLabel: string; answerHint: string; filesLabel: string; filesHint: string; submit: string; accept: string; maxFiles: number };
}

/** The form texts of the answer form (shared by the status page and the answer page). */
function formTexts(t: Translate, locale: Locale, maxFileBytes: number): ApplicantRequestView['form'] {
  return {
    answerLabel: t('requests.applicant.answer'),
    answerHint: t('requests.applicant.answerHint'),
    filesLabel: t('requests.applicant.files'),
    filesHint: t('requests.applicant.filesHint', { count: ANSWER_MAX_FILES, size: formatBytes(maxFileBytes)[locale] }),
    submit: t('requests.applicant.submit'),
    accept: '.pdf,.jpg,.jpeg,.png,.docx,.odt,application/pdf,image/jpeg,image/png',
    maxFiles: ANSWER_MAX_FILES,
  };
}

/** The applicant's view of a case's requests (open first, then answered; withdrawn left out). */
export function applicantRequestViews(
  requests: readonly InformationRequest[],
  ctx: { tenantSlug: string; token: string; locale: Locale; t: Translate; now: Date; maxFileBytes: number },
): ApplicantRequestView[] {
  const { t, locale } = ctx;
  const today = berlinDateOf(ctx.now);
  const form = formTexts(t, locale, ctx.maxFileBytes);
  const shown = requests.filter((r) => r.status !== 'withdrawn');
  const ordered = [...shown.filter((r) => r.status === 'open').reverse(), ...shown.filter((r) => r.status === 'answered')];
  return ordered.map((r) => {
    const date = formatDate(r.requestedAt, locale);
    const open = r.status === 'open';
    const overdue = isOverdue(r, today);
    const due = formatDate(r.dueDate, locale);
    return {
      id: r.id,
      heading: open ? t('requests.applicant.question', { date }) : t('requests.applicant.answeredQuestion', { date }),
      lines: r.message.split('\n'),
      open,
      ...(open ? { dueText: overdue ? t('requests.applicant.overdue', { date: due }) : t('requests.applicant.due', { date: due }) } : {}),
      overdue,
      answerUrl: answerPath(ctx.tenantSlug, ctx.token, r.id),
      ...(r.answeredAt ? { answeredText: t('requests.applicant.answered', { at: formatDateTime(r.answeredAt, locale) }) } : {}),
      form,
    };
  });
}
