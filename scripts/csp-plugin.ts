import type { Plugin } from 'vite';
import { CSP_META, CSP_REPORT_PATH } from './csp.ts';

/**
 * Puts the policy into the built index.html as its first <meta> (not in dev, where Vite injects
 * styles inline), and gives `vite preview` an endpoint that logs the violation reports.
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'resmo-csp',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (context.server) return [];
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use(CSP_REPORT_PATH, (request, response) => {
        let body = '';
        request.setEncoding('utf8');
        request.on('data', (chunk: string) => {
          if (body.length < 16_384) body += chunk;
        });
        request.on('end', () => {
          server.config.logger.warn(`Content-Security-Policy violation: ${body}`);
          response.statusCode = 204;
          response.end();
        });
      });
    },
  };
}
