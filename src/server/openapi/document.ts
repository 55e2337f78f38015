import { z } from 'zod';
import { ApiErrorSchema } from '../../shared/api/auth';
import { SERVER_NAME, SERVER_VERSION } from '../version';
import { API_OPERATIONS, type ApiOperation, type Caller } from './operations';

/*
 * The OpenAPI 3.1 document of the HTTP API, generated from the zod schemas of src/shared/api
 * (z.toJSONSchema, JSON Schema 2020-12, which is OpenAPI 3.1's schema dialect). Requests are
 * described as the server accepts them (zod's input side), answers as it sends them (output).
 */

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

/** `/api/x/:id` → `/api/x/{id}` */
export function openApiPath(fastifyPath: string): string {
  return fastifyPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(object: z.ZodObject | undefined, where: 'query' | 'path'): Json[] {
  if (!object) return [];
  return Object.entries(object.shape).map(([name, field]) => ({
    name,
    in: where,
    required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
    schema: jsonSchema(field as z.ZodType, 'input'),
  }));
}

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } });

/** The failures every route may answer with (docs/sync-protocol.md, Errors), by who may call it. */
function failures(op: ApiOperation): Json {
  const common: Json = { 400: error('invalid input; `message` names the field'), 500: error('unexpected failure (logged without personal data)') };
  if (op.caller === 'public') return common;
  return { ...common, 401: error('missing, expired or revoked token'), 403: error('not allowed for this caller'), 404: error('not found or not visible to this caller') };
}

const SECURITY: Record<Caller, Json[]> = { user: [{ userToken: [] }], customer: [{ customerToken: [] }], public: [] };

function operation(op: ApiOperation): Json {
  const responses: Json = failures(op);
  for (const [status, answer] of Object.entries(op.responses)) {
    responses[status] =
      typeof answer === 'string'
        ? { description: answer }
        : { description: 'success', content: { 'application/json': { schema: jsonSchema(answer, 'output') } } };
  }
  const requestBody = op.body
    ? { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } }
    : op.rawBody
      ? { required: true, content: { [op.rawBody]: { schema: { type: 'string', contentMediaType: op.rawBody } } } }
      : undefined;
  return {
    summary: op.summary,
    security: SECURITY[op.caller],
    parameters: [...parameters(op.params, 'path'), ...parameters(op.query, 'query')],
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

export function buildOpenApiDocument(operations: readonly ApiOperation[] = API_OPERATIONS): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations) {
    const path = openApiPath(op.path);
    paths[path] = { ...paths[path], [op.method]: operation(op) };
  }
  return {
    openapi: '3.1.0',
    info: { title: `${SERVER_NAME} HTTP API`, version: SERVER_VERSION, description: 'Rows, cursors and mutations are described in docs/sync-protocol.md.' },
    paths,
    components: {
      schemas: { ApiError: jsonSchema(ApiErrorSchema, 'output') },
      securitySchemes: {
        userToken: { type: 'http', scheme: 'bearer', description: 'a session token from POST /api/auth/login' },
        customerToken: { type: 'http', scheme: 'bearer', description: 'a customer token from POST /api/customer/sessions' },
      },
    },
  };
}
