/** The profile's name and email, checked as the server checks them (`PATCH /api/account/profile`). */

export interface ProfileProblems {
  name?: string;
  email?: string;
}

/** Problems of a profile draft; blank fields are fine (they clear the value). */
export function profileProblems(name: string, email: string): ProfileProblems {
  const problems: ProfileProblems = {};
  const n = name.trim();
  if (n && n.length < 2) problems.name = 'Your name needs at least 2 characters.';
  else if (n.length > 60) problems.name = 'Your name must be at most 60 characters.';
  else if (/[\u0000-\u001f\u007f<>]/.test(n)) problems.name = 'Your name has characters a name cannot have.';
  const e = email.trim();
  if (e && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) problems.email = 'Enter an email address like name@example.com.';
  else if (e.length > 254) problems.email = 'This email address is too long.';
  return problems;
}
