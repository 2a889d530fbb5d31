// Form submissions of the marketing site: each one is a lead (the first column of the leads model).
import { rudderanalytics } from './rudder.js';

const FORM_SUBMIT = 'form_submit';

export interface Lead {
  formId: string;
  email: string;
  name?: string;
}

export function submitDemoRequest(lead: Lead, campaign: string | undefined): void {
  rudderanalytics.identify(lead.email, { email: lead.email, form_id: lead.formId, name: lead.name });
  rudderanalytics.track(FORM_SUBMIT, {
    form_id: lead.formId,
    email: lead.email,
    conversion_type: 'form_submit',
    utm_campaign: campaign,
  });
}

// Wrong on purpose, each one a finding of `trackplan lint`:
export function submitNewsletter(email: string): void {
  // A typo in the event name (unplanned-event, with a did-you-mean).
  rudderanalytics.track('form_submitted', { form_id: 'newsletter', email });
  // A misspelt property: unknown-property, and so missing-required-property for `email`.
  rudderanalytics.track('form_submit', { form_id: 'newsletter', emial: email });
  // A value outside the planned enum (invalid-property-value).
  rudderanalytics.track('form_submit', { form_id: 'newsletter', email, conversion_type: 'user_signed_up' });
}
