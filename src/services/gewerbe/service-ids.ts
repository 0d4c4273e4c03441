/** The ids of the three Gewerbe services (GewA1, GewA2, GewA3), as in the catalogue. */
export const GEWERBE_SERVICE_IDS = ['gewerbe-anmeldung', 'gewerbe-ummeldung', 'gewerbe-abmeldung'] as const;

export type GewerbeServiceId = (typeof GEWERBE_SERVICE_IDS)[number];
