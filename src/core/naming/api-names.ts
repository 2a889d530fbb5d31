/**
 * Names the generated modules export or use besides the event functions. The namer keeps event
 * functions away from all of them; internal helpers carry a `$`, which event names never get.
 */
export const CALL_HELPERS = ['identify', 'page', 'screen', 'group'] as const;

export const EXPORTED_NAMES = [
  ...CALL_HELPERS,
  'setTrackplanOptions',
  'TRACKPLAN',
  'TrackplanViolationError',
  'validateEvent',
] as const;

/** Globals the generated code reads; a module-level function of that name would shadow them. */
export const GLOBALS_USED = ['globalThis', 'Object', 'Error', 'Map', 'Array', 'JSON', 'String', 'RegExp', 'console', 'process'] as const;
