/**
 * The message catalogue of the whole application: every module's messages merged. A key
 * declared twice is a start-up error.
 */
import { dashboardMessages } from '../../modules/backoffice/dashboard-messages.js';
import { backOfficeMessages } from '../../modules/backoffice/messages.js';
import { apiMessages } from '../../modules/api/messages.js';
import { catalogMessages } from '../../modules/catalog/messages.js';
import { deliveryMessages } from '../../modules/deliveries/messages.js';
import { devMessages } from '../../modules/dev/messages.js';
import { documentMessages } from '../../modules/documents/messages.js';
import { notificationMessages } from '../../modules/notifications/messages.js';
import { requestMessages } from '../../modules/requests/messages.js';
import { statusMessages } from '../../modules/status/messages.js';
import { runnerMessages } from '../../modules/submissions/messages.js';
import { staffMessages } from '../../modules/staff/messages.js';
import { layoutMessages } from '../views/messages.js';
import { gewerbeMessages } from '../../services/gewerbe/messages.js';
import { trafficMessages } from '../../services/verkehr/messages.js';
import { trafficRuleMessages } from '../../services/verkehr/rules/rule-messages.js';
import { afterApprovalMessages } from '../../services/verkehr/after-approval/messages.js';
import type { MessageCatalogue } from './i18n.js';

const parts: MessageCatalogue[] = [layoutMessages, catalogMessages, staffMessages, devMessages, deliveryMessages, documentMessages, notificationMessages, requestMessages, statusMessages, runnerMessages, apiMessages, backOfficeMessages, dashboardMessages, gewerbeMessages, trafficMessages, trafficRuleMessages, afterApprovalMessages];

/** Merges the module catalogues, refusing duplicate keys. */
export function buildMessageCatalogue(extra: MessageCatalogue[] = []): MessageCatalogue {
  const all: MessageCatalogue = {};
  for (const part of [...parts, ...extra]) {
    for (const [key, value] of Object.entries(part)) {
      if (key in all) throw new Error(`Message key "${key}" is declared twice`);
      all[key] = value;
    }
  }
  return all;
}
