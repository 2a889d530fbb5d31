import { describe, expect, it } from 'vitest';
import { formatLocation } from '../../src/core/location.js';
import { importCsv } from '../../src/sources/interop/csv/import.js';
import { importAndLoad } from './helpers.js';
import { checkErrors } from './round-trip.js';
import { importFormat } from '../../src/sources/interop/csv/import.js';

const AVO = [
  'Event Name,Event Description,Event Category,Sources,Property Name,Property Description,Property Value Type,Is Property Required?,Is Property Array?,Property Enumeration Options,Property Type,Owner,Event Name Mapping: Mixpanel',
  'App Opened,Sent when the app opens,App Lifecycle,"iOS, Web",Device Type,The client,string,true,false,"iOS, Android",Event Property,growth,app_open',
  ',,,,Screens,Screens seen,int,FALSE,TRUE,,,,',
  ',,,,Plan,The plan,string,Y,N,,User Property,,',
  'Signed Up,A sign-up,Account,Web,,,,,,,,,',
].join('\n');

const AMPLITUDE_COLUMNS = [
  'Action', 'Array min items', 'Array max items', 'Array unique items', 'Const value', 'Enum values', 'Event activity',
  'Event hidden from dropdowns', 'Event hidden from persona results', 'Event hidden from pathfinder', 'Event hidden from timeline',
  'Event category', 'Event display name', 'Event property name', 'Event source', 'Number property value min', 'Number property value max',
  'Number is integer', 'Object type', 'Object name', 'Object owner', 'Object description', 'Property type', 'Property group names',
  'Property description', 'Property value type', 'Property required', 'Property visibility', 'Property is array', 'Property regex',
  'String property value min length', 'String property value max length', 'Tags',
];
const amplitudeRow = (cells: Record<string, string>) => AMPLITUDE_COLUMNS.map((c) => JSON.stringify(cells[c] ?? '')).join(',');
const AMPLITUDE = [
  AMPLITUDE_COLUMNS.join(','),
  amplitudeRow({ 'Object type': 'Event', 'Object name': 'Song Played', 'Object description': 'A song played', 'Object owner': 'music', 'Event category': 'Playback', Tags: 'core, audio', 'Event source': 'ios', 'Event activity': 'Inactive' }),
  amplitudeRow({ 'Object type': 'Event', 'Object name': 'Song Played', 'Property type': 'Event Property', 'Event property name': 'seconds', 'Property value type': 'number', 'Number is integer': 'True', 'Number property value min': '0', 'Number property value max': '600', 'Property required': 'TRUE' }),
  amplitudeRow({ 'Object type': 'Event', 'Object name': 'Song Played', 'Property type': 'Event Property', 'Event property name': 'genre', 'Property value type': 'enum', 'Enum values': 'rock,jazz', 'Property is array': 'true' }),
  amplitudeRow({ 'Object type': 'Event', 'Object name': 'Song Played', 'Property type': 'Event Property', 'Event property name': 'source', 'Property value type': 'const', 'Const value': 'app', 'Property regex': '^a', 'String property value min length': '1', 'Array min items': '1' }),
  amplitudeRow({ 'Object type': 'Property Group', 'Object name': 'Device' }),
].join('\r\n');

const SEGMENT = [
  'Version,Event Type,Event Name,Property Name,Description,Labels,Property Data Type,Enum Values,Required',
  '3,Track,Order Completed,,Paid,"area:checkout, team:shop",,,',
  '3,Track,Order Completed,total,Amount,,float,,TRUE',
  '3,Track,Order Completed,products,,,array,,FALSE',
  '3,Track,Order Completed,products[].sku,,,string,,TRUE',
  '3,Track,Order Completed,coupon,,,"string,null","A, B",',
  '3,Track,Order Completed,level,,,int,"1, 2, 3",',
  '3,Identify,,email,Email,,string,,TRUE',
].join('\n');

describe('csv import: the column sets of MAPPING.md, detected from the header row', () => {
  it('avo: one row per (event, property), continuation rows, categories as events files, user properties as traits', () => {
    const { documents, diagnostics } = importCsv([{ path: 'avo.csv', text: AVO }], {});
    expect([...documents.keys()]).toEqual(['plan.yaml', 'events/account.yaml', 'events/app-lifecycle.yaml', 'events/calls.yaml']);
    expect(documents.get('plan.yaml')).toMatchObject({ id: 'avo', version: '1.0.0', sources: { ios: { name: 'iOS' }, web: { name: 'Web' } } });
    expect(documents.get('events/app-lifecycle.yaml')).toEqual({ events: { 'App Opened': {
      description: 'Sent when the app opens', owner: 'growth', sources: ['ios', 'web'],
      properties: {
        'Device Type': { required: true, type: 'string', enum: ['iOS', 'Android'], description: 'The client' },
        Screens: { type: 'array', description: 'Screens seen', items: { type: 'integer' } },
      },
    } } });
    expect(documents.get('events/calls.yaml')).toEqual({ identify: { traits: { Plan: { required: true, type: 'string', description: 'The plan' } } } });
    expect(diagnostics.map((d) => [d.messageId, formatLocation(d.location)])).toEqual([['lostField', 'avo.csv!M2']]);
  });

  it('amplitude: Event rows then Event Property rows; enum/const value types, integers, arrays, activity', () => {
    const { documents, diagnostics } = importCsv([{ path: 'amp.csv', text: AMPLITUDE }], {});
    expect(documents.get('events/playback.yaml')).toEqual({ events: { 'Song Played': {
      description: 'A song played', owner: 'music', sources: ['ios'], tags: ['core', 'audio'], status: 'deprecated',
      properties: {
        seconds: { required: true, type: 'integer', minimum: 0, maximum: 600 },
        genre: { type: 'array', items: { type: 'string', enum: ['rock', 'jazz'] } },
        source: { type: 'string', enum: ['app'], pattern: '^a', minLength: 1 },
      },
    } } });
    expect(diagnostics.map((d) => [d.messageId, formatLocation(d.location)])).toEqual([
      ['skipped', 'amp.csv!S6'],
      ['lostField', 'amp.csv!B5'],
    ]);
  });

  it('segment: event rows and property rows with paths, typed enums, nullable, Required, version', async () => {
    const { result, plan, diagnostics } = await importAndLoad(importFormat, [{ path: 'seg.csv', text: SEGMENT }]);
    expect(result.diagnostics).toEqual([]);
    expect(diagnostics).toEqual([]);
    expect(plan.version).toBe('3.0.0');
    expect(result.documents.get('events.yaml')).toEqual({
      events: { 'Order Completed': {
        description: 'Paid', tags: ['area:checkout', 'team:shop'],
        properties: {
          total: { type: 'number', required: true, description: 'Amount' },
          products: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string', required: true } } } },
          coupon: { type: 'string', nullable: true, enum: ['A', 'B'] },
          level: { type: 'integer', enum: [1, 2, 3] },
        },
      } },
      identify: { traits: { email: { type: 'string', required: true, description: 'Email' } } },
    });
  });

  it('--columns chooses the set, and a header of another set then names the missing columns', () => {
    expect(() => importCsv([{ path: 'seg.csv', text: SEGMENT }], { columns: 'avo' })).toThrow(/seg\.csv:1: the avo column set needs the columns "Event Description", "Event Category", "Sources"/);
  });
});

describe('csv import: the plans pass check', () => {
  it.each([['avo.csv', AVO], ['amp.csv', AMPLITUDE], ['seg.csv', SEGMENT]])('%s', async (file, text) => {
    const { plan, diagnostics } = await importAndLoad(importFormat, [{ path: file, text }]);
    expect(await checkErrors(plan, diagnostics)).toEqual([]);
  });
});
