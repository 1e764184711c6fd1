// A stand-in for the part of GitHub's REST API the action uses — a pull request's comments:
// list (in pages, with Link headers as GitHub sends them), create, update — on 127.0.0.1. It
// records every request. `forbidWrites` answers writes as GitHub does for a token without
// `pull-requests: write`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';

interface RecordedRequest {
  method: string;
  /** Path and query, as requested. */
  url: string;
  authorization: string | undefined;
  body?: unknown;
}

export interface StubComment {
  id: number;
  body: string;
}

export interface GitHubApiStub {
  url: string;
  requests: RecordedRequest[];
  comments: StubComment[];
  forbidWrites: boolean;
  close(): Promise<void>;
}

/** Comments per page: small, so that a few comments make several pages. */
const STUB_PAGE_SIZE = 2;

/**
 * Starts stand-in APIs for one test file, each closed when the file ends. Called at the top of
 * the file: a worker runs many files in one module graph, so a hook here would register once.
 */
export function apiStubsOfFile(): (comments?: StubComment[]) => Promise<GitHubApiStub> {
  const stubs: GitHubApiStub[] = [];
  afterAll(async () => {
    await Promise.all(stubs.splice(0).map((stub) => stub.close()));
  });
  return async (comments = []) => {
    const stub = await startGitHubApiStub(comments);
    stubs.push(stub);
    return stub;
  };
}

async function startGitHubApiStub(comments: StubComment[] = []): Promise<GitHubApiStub> {
  let nextId = 1000;
  const stub: GitHubApiStub = { url: '', requests: [], comments, forbidWrites: false, close: () => Promise.resolve() };
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      stub.requests.push({ method: request.method!, url: request.url!, authorization: request.headers.authorization, ...(body === undefined ? {} : { body }) });
      answer(request, response, body);
    });
  });

  function answer(request: IncomingMessage, response: ServerResponse, body: unknown): void {
    const url = new URL(request.url!, stub.url);
    const list = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname);
    const one = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if ((request.method === 'POST' || request.method === 'PATCH') && stub.forbidWrites) {
      return send(response, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' });
    }
    if (list && request.method === 'GET') {
      const page = Number(url.searchParams.get('page') ?? '1');
      const slice = stub.comments.slice((page - 1) * STUB_PAGE_SIZE, page * STUB_PAGE_SIZE);
      const headers: Record<string, string> = {};
      if (page * STUB_PAGE_SIZE < stub.comments.length) {
        const next = new URL(url);
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${next.href}>; rel="next"`;
      }
      return send(response, 200, slice.map(asGitHubComment), headers);
    }
    if (list && request.method === 'POST') {
      const comment = { id: nextId++, body: (body as { body: string }).body };
      stub.comments.push(comment);
      return send(response, 201, asGitHubComment(comment));
    }
    if (one && request.method === 'PATCH') {
      const comment = stub.comments.find((c) => c.id === Number(one[1]));
      if (!comment) return send(response, 404, { message: 'Not Found' });
      comment.body = (body as { body: string }).body;
      return send(response, 200, asGitHubComment(comment));
    }
    send(response, 404, { message: 'Not Found' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.close = () => new Promise((resolve) => server.close(() => resolve()));
  return stub;
}

function asGitHubComment(comment: StubComment) {
  return { id: comment.id, body: comment.body, user: { login: 'github-actions[bot]', type: 'Bot' } };
}

function send(response: ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(json));
}

function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text === '' ? undefined : JSON.parse(text)));
  });
}
