/** Input validation at the edge: zod schemas turned into `bad-request` errors that name each bad field. */
import type { z } from 'zod';
import { AppError } from '../errors/app-error';

/** Parses `input` with `schema`, or throws a 400 that lists every problem by path. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || what,
    problem: issue.message,
  }));
  const first = problems[0];
  const summary = first ? `Invalid ${what}: ${first.field}: ${first.problem}` : `Invalid ${what}.`;
  throw new AppError('bad-request', { problems }, summary);
}
