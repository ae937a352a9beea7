import { describe, expect, it } from 'vitest';
import { ISOLATION_HEADERS, withIsolation } from '../../../src/sw/isolation';

describe("the service worker's isolation headers", () => {
  it('adds both headers and keeps the status, the other headers and the body', async () => {
    const original = new Response('<!doctype html>', {
      status: 200,
      statusText: 'OK',
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
    const isolated = withIsolation(original);
    expect(isolated.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(isolated.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(isolated.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(isolated.status).toBe(200);
    expect(await isolated.text()).toBe('<!doctype html>');
  });

  it('replaces weaker values a host may have sent', () => {
    const response = new Response('', {
      headers: { 'Cross-Origin-Embedder-Policy': 'unsafe-none' },
    });
    expect(withIsolation(response).headers.get('Cross-Origin-Embedder-Policy')).toBe(
      ISOLATION_HEADERS['Cross-Origin-Embedder-Policy'],
    );
  });

  it('passes on a response it cannot read (a network error) untouched', () => {
    const failed = Response.error();
    expect(withIsolation(failed)).toBe(failed);
  });

  it('keeps a 404 a 404', () => {
    expect(withIsolation(new Response('Not found', { status: 404 })).status).toBe(404);
  });
});
