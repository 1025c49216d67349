/**
 * Entry of the vendors bundle: every shared module, exposed on one global that app builds
 * declare as their externals (see webpack/client-config.ts). React Router is exposed by name, so
 * the parts no app uses (data routers, server handlers) stay out of the bundle; an app build that
 * uses a name not listed here fails with that name.
 */
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as ReactDOMClient from 'react-dom/client';
import * as JsxRuntime from 'react/jsx-runtime';
import {
  BrowserRouter,
  Link,
  Navigate,
  NavLink,
  Outlet,
  Route,
  Routes,
  createSearchParams,
  generatePath,
  matchPath,
  useHref,
  useInRouterContext,
  useLocation,
  useMatch,
  useNavigate,
  useNavigationType,
  useParams,
  useResolvedPath,
  useSearchParams,
} from 'react-router';
import * as Kit from './index';

declare global {
  // eslint-disable-next-line no-var
  var __SF_VENDORS__: Record<string, unknown>;
}

const ReactRouter = {
  BrowserRouter,
  Link,
  Navigate,
  NavLink,
  Outlet,
  Route,
  Routes,
  createSearchParams,
  generatePath,
  matchPath,
  useHref,
  useInRouterContext,
  useLocation,
  useMatch,
  useNavigate,
  useNavigationType,
  useParams,
  useResolvedPath,
  useSearchParams,
};

globalThis.__SF_VENDORS__ = {
  react: React,
  'react/jsx-runtime': JsxRuntime,
  'react-dom': ReactDOM,
  'react-dom/client': ReactDOMClient,
  'react-router': ReactRouter,
  '@storefront/kit': Kit,
};
