/**
 * Unhashed files at fixed URLs (favicon, robots.txt), cached for a day. The folder is listed once at
 * start, so page requests never cost a file-system lookup here.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler } from 'express';
import { rootDir } from './root-dir';

export function publicFiles(): RequestHandler {
  const dir = path.join(rootDir, 'public');
  const names = new Set(fs.readdirSync(dir).map((name) => `/${name}`));
  const files = express.static(dir, { index: false, redirect: false, dotfiles: 'ignore', maxAge: '1d' });
  return (req, res, next) => (names.has(req.path) ? files(req, res, next) : next());
}
