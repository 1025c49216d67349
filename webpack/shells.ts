/**
 * Level 1 of the two-level templating: React renders every route type of an app with no data, and
 * Handlebars puts it into `shells/index.hbs`. Level-2 placeholders (`\{{nonce}}`, bundle URLs) are
 * escaped in the template, so they survive into the shell files for the server to fill per request;
 * a loading layout's lead picture slot (`LEAD_PICTURE_SLOT`) becomes the level-2 `{{{lead}}}`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { ShellRenderer } from '../apps/kit/src/server/render-shell';
import { LEAD_PICTURE_SLOT } from '../shared/first-visible-images';
import { shellsOf } from '../shared/route-table';
import { shellTemplate } from './paths';

const require = createRequire(import.meta.url);

export interface RenderedShell {
  shell: string;
  title: string;
  status: number;
}

/** Renders every shell of the app whose shell renderer bundle is `rendererFile` into `outDir`. */
export async function renderShells(rendererFile: string, outDir: string): Promise<RenderedShell[]> {
  delete require.cache[rendererFile];
  const { shellRenderer } = require(rendererFile) as { shellRenderer: ShellRenderer };
  const template = compileShellTemplate(fs.readFileSync(shellTemplate, 'utf8'));
  fs.mkdirSync(outDir, { recursive: true });
  const rendered: RenderedShell[] = [];
  for (const { shell, title, status } of shellsOf(shellRenderer.table)) {
    const output = template({ content: await shellRenderer.render(shell), title, shell });
    fs.writeFileSync(path.join(outDir, `${shell}.hbs`), output);
    rendered.push({ shell, title, status });
  }
  return rendered;
}

/** The level-1 template as a function of one route type's rendered markup; its output is a level-2 template. */
export function compileShellTemplate(source: string): (values: { content: string; title: string; shell: string }) => string {
  const template = Handlebars.compile(source, { strict: true });
  return (values) => {
    // One picture per page: a second slot would show it twice.
    if (values.content.split(LEAD_PICTURE_SLOT).length > 2) throw new Error(`shell ${values.shell} has more than one lead picture slot`);
    // Markup that happens to contain "{{" must stay text at level 2; the lead slot is the one placeholder React writes.
    const content = values.content.replaceAll('{{', '\\{{').replace(LEAD_PICTURE_SLOT, '{{{lead}}}');
    return template({ ...values, content });
  };
}
