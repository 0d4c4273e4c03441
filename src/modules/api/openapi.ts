/**
 * The OpenAPI 3.1 description of the citizen API, served at `/api/docs`. Service data schemas
 * differ per service and version, so the document points to `GET …/services/{service}`, whose
 * `dataSchema` (JSON Schema 2020-12) is the contract of the submission body.
 */
const problem = {
  description: 'RFC 9457 problem document',
  content: {
    'application/problem+json': {
      schema: {
        type: 'object',
        required: ['type', 'title', 'status'],
        properties: {
          type: { type: 'string', examples: ['urn:rathaus:error:validation.failed'] },
          title: { type: 'string' },
          status: { type: 'integer' },
          instance: { type: 'string' },
          errors: {
            type: 'array',
            items: {
              type: 'object',
              properties: { path: { type: 'string', examples: ['address.postalCode'] }, pointer: { type: 'string', examples: ['/address/postalCode'] }, code: { type: 'string' }, detail: { type: 'string' } },
            },
          },
        },
      },
    },
  },
};

const tenant = { name: 'tenant', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]+$' }, example: 'wurzen' };
const service = { name: 'service', in: 'path', required: true, schema: { type: 'string' }, example: 'gewerbe-anmeldung' };
const lang = { name: 'lang', in: 'query', required: false, schema: { enum: ['de', 'en'] }, description: 'Language of messages (default de).' };

/** The OpenAPI document. */
export function openApiDocument(baseUrl: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rathaus Cloud – Bürger-API',
      version: '1.0.0',
      description: 'Submit applications to a municipality and follow them. The same validation as the online forms applies.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: baseUrl }],
    paths: {
      '/api/v1/{tenant}/services': {
        get: { summary: 'Services the municipality offers online', parameters: [tenant, lang], responses: { 200: { description: 'List of services' }, 404: problem } },
      },
      '/api/v1/{tenant}/services/{service}': {
        get: { summary: 'A service and the JSON Schema of its application data', parameters: [tenant, service, lang], responses: { 200: { description: 'Service with dataSchema' }, 404: problem } },
      },
      '/api/v1/{tenant}/services/{service}/attachments': {
        post: {
          summary: 'Upload a file for a file field; put the answer into the application data',
          parameters: [tenant, service, { name: 'field', in: 'query', required: true, schema: { type: 'string' } }, lang],
          requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } },
          responses: { 201: { description: 'File reference {id, name, size, mediaType}' }, 400: problem, 413: problem, 415: problem, 422: problem, 503: problem },
        },
      },
      '/api/v1/{tenant}/services/{service}/applications': {
        post: {
          summary: 'Submit an application',
          parameters: [tenant, service, lang, { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 8, maxLength: 200 } }],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', description: 'Valid against the service’s dataSchema' } } } },
          responses: {
            201: { description: 'Created: reference number and the secret status token' },
            200: { description: 'The case created earlier under the same Idempotency-Key' },
            400: problem,
            404: problem,
          },
        },
      },
      '/api/v1/{tenant}/status/{token}': {
        get: { summary: 'Status of an application by its secret token', parameters: [tenant, { name: 'token', in: 'path', required: true, schema: { type: 'string' } }, lang], responses: { 200: { description: 'Status' }, 404: problem } },
      },
    },
  };
}
