import { defineMessages } from '../../platform/i18n/i18n.js';

/** Strings of the JSON API. */
export const apiMessages = defineMessages({
  'api.validationFailed': { de: 'Bitte prüfen Sie Ihre Angaben.', en: 'Please check your entries.' },
});
