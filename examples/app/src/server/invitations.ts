// Invited users sign up through the invitation link; the controller reports it through the service.
import type { AnalyticsService } from './analytics-service.js';

export class InvitationsController {
  constructor(private readonly analyticsService: AnalyticsService) {}

  accept(userId: string, email: string): void {
    this.analyticsService.track('user_sign_up', userId, { email, first_login: true, signup_method: 'email' });
  }

  acceptWithGoogle(userId: string, email: string): void {
    // Wrong on purpose: signup_method is required (missing-required-property).
    this.analyticsService.track('user_sign_up', userId, { email, first_login: true });
  }
}
