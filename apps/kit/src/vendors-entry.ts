/**
 * Entry of the vendors bundle: every shared module, exposed on one global that app builds
 * declare as their externals (see webpack/client-config.ts). React Router is exposed by name
 * (react-router-exports.ts).
 */
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as ReactDOMClient from 'react-dom/client';
import * as JsxRuntime from 'react/jsx-runtime';
import * as ReactRouter from './react-router-exports';
import * as Kit from './index';

declare global {
  // eslint-disable-next-line no-var
  var __SF_VENDORS__: Record<string, unknown>;
}

globalThis.__SF_VENDORS__ = {
  react: React,
  'react/jsx-runtime': JsxRuntime,
  'react-dom': ReactDOM,
  'react-dom/client': ReactDOMClient,
  'react-router': ReactRouter,
  '@storefront/kit': Kit,
};
