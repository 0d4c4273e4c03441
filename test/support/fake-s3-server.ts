/**
 * A tiny S3-compatible server on 127.0.0.1 for tests (path-style addressing, one bucket).
 * It checks AWS Signature Version 4 on every request with its own implementation of the
 * algorithm, independent of the SDK under test, and verifies the payload hash and the
 * x-amz-checksum-sha256 header against the body it received.
 */
import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';

export interface FakeS3Options {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface RecordedS3Request {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Outcome of the signature check. */
  signatureValid: boolean;
}

export interface FakeS3 {
  endpoint: string;
  objects: Map<string, { body: Buffer; metadata: Record<string, string> }>;
  requests: RecordedS3Request[];
  close(): Promise<void>;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
/** RFC 3986 encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
const strictEncode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Recomputes the SigV4 signature of a request and compares it with the one sent. */
function signatureMatches(req: http.IncomingMessage, opts: FakeS3Options): boolean {
  const auth = req.headers.authorization ?? '';
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
  const amzDate = req.headers['x-amz-date'];
  const payloadHash = req.headers['x-amz-content-sha256'];
  if (!m || typeof amzDate !== 'string' || typeof payloadHash !== 'string') return false;
  const [, keyId, date, region, signedHeaders, signature] = m as unknown as string[];
  if (keyId !== opts.accessKeyId || region !== opts.region || !amzDate.startsWith(date!)) return false;
  const url = new URL(req.url ?? '/', 'http://x');
  const query = [...url.searchParams].map(([k, v]) => `${strictEncode(k)}=${strictEncode(v)}`).sort().join('&');
  const headers = signedHeaders!.split(';').map((h) => {
    const value = req.headers[h];
    return `${h}:${(Array.isArray(value) ? value.join(',') : (value ?? '')).trim().replace(/\s+/g, ' ')}\n`;
  });
  const canonical = [req.method, url.pathname, query, headers.join(''), signedHeaders, payloadHash].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${opts.secretAccessKey}`, date!), region!), 's3'), 'aws4_request');
  return hmac(key, toSign).toString('hex') === signature;
}

function xmlError(res: http.ServerResponse, status: number, code: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
}

/** Starts the fake store on a free port of 127.0.0.1. */
export async function startFakeS3(opts: FakeS3Options): Promise<FakeS3> {
  const objects: FakeS3['objects'] = new Map();
  const requests: RecordedS3Request[] = [];
  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await buffer(req);
      const url = new URL(req.url ?? '/', 'http://x');
      const signatureValid = signatureMatches(req, opts);
      requests.push({ method: req.method ?? '', path: url.pathname, headers: req.headers, signatureValid });
      if (!signatureValid) return xmlError(res, 403, 'SignatureDoesNotMatch');
      const payloadHash = String(req.headers['x-amz-content-sha256']);
      if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256Hex(body)) return xmlError(res, 400, 'XAmzContentSHA256Mismatch');
      const [, bucket, ...rest] = url.pathname.split('/');
      const key = rest.map(decodeURIComponent).join('/');
      if (bucket !== opts.bucket) return xmlError(res, 404, 'NoSuchBucket');
      const object = objects.get(key);
      switch (req.method) {
        case 'PUT': {
          const checksum = req.headers['x-amz-checksum-sha256'];
          if (checksum !== undefined && checksum !== createHash('sha256').update(body).digest('base64')) return xmlError(res, 400, 'BadDigest');
          const metadata = Object.fromEntries(Object.entries(req.headers).filter(([h]) => h.startsWith('x-amz-meta-')).map(([h, v]) => [h.slice(11), String(v)]));
          objects.set(key, { body, metadata });
          res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
          return res.end();
        }
        case 'GET':
        case 'HEAD': {
          if (!object) return req.method === 'HEAD' ? (res.writeHead(404), res.end()) : xmlError(res, 404, 'NoSuchKey');
          const meta = Object.fromEntries(Object.entries(object.metadata).map(([k, v]) => [`x-amz-meta-${k}`, v]));
          res.writeHead(200, { 'content-length': object.body.length, 'content-type': 'application/octet-stream', ...meta });
          return res.end(req.method === 'GET' ? object.body : undefined);
        }
        case 'DELETE':
          objects.delete(key);
          res.writeHead(204);
          return res.end();
        default:
          return xmlError(res, 405, 'MethodNotAllowed');
      }
    })().catch(() => xmlError(res, 500, 'InternalError'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
