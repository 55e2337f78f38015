import { z } from 'zod';
import { UploadResponseSchema } from '../../shared/api/attachments';
import { ApiErrorSchema, HealthResponseSchema, LoginRequestSchema, LoginResponseSchema, MeResponseSchema } from '../../shared/api/auth';
import {
  CustomerMessageRequestSchema,
  CustomerMessageResponseSchema,
  CustomerMessagesResponseSchema,
  CustomerQueuesResponseSchema,
  CustomerRatingRequestSchema,
  CustomerRatingResponseSchema,
  CustomerSessionRequestSchema,
  CustomerSessionResponseSchema,
} from '../../shared/api/customerChat';
import { RevealRequestSchema, RevealResponseSchema } from '../../shared/api/customers';
import { EscalationStatusSchema } from '../../shared/api/escalation';
import { KbImportFailureSchema, KbImportRequestSchema, KbImportResponseSchema, KbSearchQuerySchema, KbSearchResponseSchema } from '../../shared/api/kb';
import { MutationRequestSchema, MutationResponseSchema, PullQuerySchema, PullResponseSchema } from '../../shared/api/sync';
import { IdSchema } from '../../shared/domain/ids';
import { MONITOR_OPERATIONS } from '../monitor/openapi';
import { AUDIT_OPERATIONS } from '../audit/openapi';
import { REVIEW_OPERATIONS } from '../reviews/openapi';

/*
 * Every HTTP route under /api, described with the zod schemas the routes validate with
 * (src/shared/api), so the OpenAPI document (document.ts) cannot drift from what is enforced.
 * openapi.test.ts fails when a route is registered without an entry here.
 */

export type HttpMethod = 'get' | 'post';
/** Who may call: a workstation user's bearer token, a customer's token, or anyone. */
export type Caller = 'user' | 'customer' | 'public';

export interface ApiOperation {
  method: HttpMethod;
  /** fastify's form, `/api/customers/:id/reveal` */
  path: string;
  summary: string;
  caller: Caller;
  query?: z.ZodObject;
  params?: z.ZodObject;
  body?: z.ZodType;
  /** a raw body (uploads) instead of JSON */
  rawBody?: string;
  /** success status → its JSON schema, or a description when the answer is not JSON */
  responses: Record<number, z.ZodType | string>;
}

const ById = z.object({ id: IdSchema });

export const API_OPERATIONS: readonly ApiOperation[] = [
  { method: 'get', path: '/api/health', summary: 'Liveness probe', caller: 'public', responses: { 200: HealthResponseSchema } },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', caller: 'public', responses: { 200: 'the OpenAPI 3.1 document' } },
  { method: 'post', path: '/api/auth/login', summary: 'Sign in with username and password (throttled)', caller: 'public', body: LoginRequestSchema, responses: { 200: LoginResponseSchema } },
  { method: 'post', path: '/api/auth/logout', summary: 'Revoke the session token', caller: 'user', responses: { 204: 'signed out' } },
  { method: 'get', path: '/api/me', summary: 'The signed-in user and when the session expires', caller: 'user', responses: { 200: MeResponseSchema } },
  { method: 'get', path: '/api/sync/pull', summary: "One page of the caller's rows after the cursor (headers Sync-Cursor and Sync-Has-More repeat cursor and hasMore)", caller: 'user', query: PullQuerySchema, responses: { 200: PullResponseSchema } },
  {
    method: 'post', path: '/api/mutations', summary: 'Apply a batch of mutations at most once, answered after commit', caller: 'user',
    body: MutationRequestSchema, responses: { 200: MutationResponseSchema, 503: 'a temporary failure: send the same mutation ids again' },
  },
  { method: 'get', path: '/api/ws', summary: 'WebSocket for live rows, events and mutations (docs/sync-protocol.md)', caller: 'user', responses: { 101: 'switching protocols' } },
  { method: 'post', path: '/api/customers/:id/reveal', summary: "A customer's clear contact field (leads and admins, audited)", caller: 'user', params: ById, body: RevealRequestSchema, responses: { 200: RevealResponseSchema } },
  { method: 'get', path: '/api/kb/search', summary: 'Ranked search over the KB articles the caller may see', caller: 'user', query: KbSearchQuerySchema, responses: { 200: KbSearchResponseSchema } },
  {
    method: 'post', path: '/api/kb/import', summary: 'Import Markdown or CSV articles, all or nothing (leads and admins)', caller: 'user',
    body: KbImportRequestSchema, responses: { 200: KbImportResponseSchema, 400: KbImportFailureSchema },
  },
  {
    method: 'post', path: '/api/attachments', summary: 'Upload a file (name in the x-filename header)', caller: 'user', rawBody: 'application/octet-stream',
    responses: { 201: UploadResponseSchema },
  },
  { method: 'get', path: '/api/attachments/:id', summary: 'Download an attachment of a visible message', caller: 'user', params: ById, responses: { 200: 'the file, as a download' } },
  { method: 'post', path: '/api/customer/sessions', summary: 'Start or resume a customer session', caller: 'public', body: CustomerSessionRequestSchema, responses: { 200: CustomerSessionResponseSchema } },
  { method: 'get', path: '/api/customer/queues', summary: 'Queues a customer may write to', caller: 'public', responses: { 200: CustomerQueuesResponseSchema } },
  { method: 'post', path: '/api/customer/messages', summary: "A customer's message, acknowledged after commit", caller: 'customer', body: CustomerMessageRequestSchema, responses: { 200: CustomerMessageResponseSchema } },
  { method: 'get', path: '/api/customer/conversations/:id/messages', summary: 'The messages a customer sees in their conversation', caller: 'customer', params: ById, responses: { 200: CustomerMessagesResponseSchema } },
  {
    method: 'post', path: '/api/customer/conversations/:id/rating', summary: 'Rate a resolved conversation once (CSAT 1-5)', caller: 'customer', params: ById,
    body: CustomerRatingRequestSchema, responses: { 200: CustomerRatingResponseSchema },
  },
  { method: 'get', path: '/api/customer/conversations/:id/escalation', summary: 'Whether the customer may ask for the platform', caller: 'customer', params: ById, responses: { 200: EscalationStatusSchema } },
  {
    method: 'post', path: '/api/customer/conversations/:id/escalate', summary: 'Move the conversation to the platform escalation queue', caller: 'customer', params: ById,
    responses: { 200: EscalationStatusSchema, 409: ApiErrorSchema },
  },
  { method: 'get', path: '/api/customer/ws', summary: 'WebSocket for a customer: their messages, typing and read state', caller: 'customer', responses: { 101: 'switching protocols' } },
  // Features with many routes describe them beside the routes.
  ...MONITOR_OPERATIONS,
  ...REVIEW_OPERATIONS,
  ...AUDIT_OPERATIONS,
];
