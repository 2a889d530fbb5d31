import { describe, expect, it } from 'vitest';
import { formatLocation } from '../../src/core/location.js';
import { importMparticle } from '../../src/sources/interop/mparticle/import.js';

const point = (match: object, attributes?: object, extra: object = {}) => ({
  description: '', match,
  validator: { type: 'json_schema', definition: { properties: { data: { additionalProperties: true, properties: attributes ? { custom_attributes: attributes } : {}, required: [], type: 'object' } } } },
  ...extra,
});

const PLAN = {
  data_plan_id: 'shop', data_plan_name: 'Shop plan', data_plan_description: 'The shop',
  data_plan_versions: [
    { version: 1, version_document: { data_points: [] } },
    {
      version: 2, activated_environment: 'production',
      version_document: { data_points: [
        point({ type: 'screen_view', criteria: { screen_name: 'Home' } }, { type: 'object', properties: { a: { type: 'string' } } }),
        point({ type: 'screen_view', criteria: { screen_name: 'Cart' } }, { type: 'object', properties: { b: { type: 'number' } } }),
        point({ type: 'custom_event', criteria: { event_name: 'Search', custom_event_type: 'search', extra_flag: true } }, { type: 'object', properties: { q: { type: 'string', minLength: 1 } }, required: ['q'], additionalProperties: false }, { active_transformation_ids: ['t1'] }),
        point({ type: 'product_action', criteria: { action: 'purchase' } }),
      ] },
    },
  ],
};

describe('mparticle import', () => {
  it('takes the newest version of a data plan and reports what the plan cannot hold, by JSON pointer', () => {
    const text = JSON.stringify(PLAN, null, 2);
    const { documents, diagnostics } = importMparticle([{ path: 'plan.json', text }]);
    expect(documents.get('plan.yaml')).toMatchObject({ id: 'shop', name: 'Shop plan', version: '2.0.0', description: 'The shop' });
    expect(documents.get('events.yaml')).toEqual({
      events: { Search: { tags: ['custom_event_type:search'], properties: { q: { type: 'string', required: true, minLength: 1 } }, additional_properties: false } },
      screen: { names: ['Home', 'Cart'], additional_properties: true },
    });
    const base = '/data_plan_versions/1/version_document/data_points';
    expect(diagnostics.map((d) => [d.messageId, d.data?.['pointer'], formatLocation(d.location).replace(/:\d+$/, '')])).toEqual([
      ['olderVersion', '/data_plan_versions/0/version', 'plan.json:7'],
      ['lostField', `${base}/1/validator`, 'plan.json:56'],
      ['lostField', `${base}/2/active_transformation_ids`, 'plan.json:116'],
      ['lostField', `${base}/2/match/criteria/extra_flag`, 'plan.json:86'],
      ['skipped', `${base}/3/match/type`, 'plan.json:123'],
      ['lostField', '/data_plan_versions/1/activated_environment', 'plan.json:14'],
    ]);
  });
});
