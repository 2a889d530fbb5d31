// An older chat widget in plain JavaScript that still uses the snippet's global.
const analytics = window.rudderanalytics;

export function onChatLead(email) {
  // Wrong on purpose: form_id is planned as a string (property-type-mismatch).
  analytics?.track('form_submit', { form_id: 42, email });
}

export function forward(eventName, properties) {
  // trackplan-ignore-next-line the host page validates these events before it hands them over
  window.rudderanalytics.track(eventName, properties);
}
