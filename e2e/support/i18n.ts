import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './server';

/** The web app's own texts, so the journeys assert what the user reads in either language. */

type Messages = { [key: string]: string | Messages };

function load(lang: 'vi' | 'en'): Messages {
  return JSON.parse(fs.readFileSync(path.join(ROOT, `apps/web/src/i18n/${lang}.json`), 'utf8')) as Messages;
}

const messages = { vi: load('vi'), en: load('en') };

/** `text('en', 'home.welcome', { name })`: the string the UI shows; throws on a missing key. */
export function text(lang: 'vi' | 'en', key: string, vars: Record<string, string> = {}): string {
  let node: string | Messages | undefined = messages[lang];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no "${key}" text in ${lang}.json`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => vars[name] ?? `{{${name}}}`);
}
