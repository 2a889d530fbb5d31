// Server-side sign-up: creates the user (identify) and records the lead (user_sign_up).
import { rudder } from './client.js';

export type SignupMethod = 'email' | 'google' | 'github';

export interface NewUser {
  id: string;
  email: string;
  method: SignupMethod;
  campaign?: string;
}

export function recordSignup(user: NewUser): void {
  rudder.identify({ userId: user.id, traits: { email: user.email, first_login: true } });
  rudder.track({
    userId: user.id,
    event: 'user_sign_up',
    properties: { email: user.email, first_login: true, signup_method: user.method, utm_campaign: user.campaign },
  });
}

// Wrong on purpose:
export function recordLegacySignup(user: NewUser, logins: number): void {
  // The first app version's event, deprecated in favour of user_sign_up (deprecated-event).
  rudder.track({ userId: user.id, event: 'signup_completed', properties: { email: user.email } });
  // A number where the plan wants a boolean, and a method the plan does not know.
  rudder.track({
    userId: user.id,
    event: 'user_sign_up',
    properties: { email: user.email, first_login: logins, signup_method: 'password' },
  });
}
