/**
 * `assets/catalog.js`: the index page's search and filters. Plain ES2017 for any browser, no
 * module loader (pages open from `file://`); it reads the minisearch index from the global that
 * `search-index.js` sets and shows or hides the rows of the event table.
 */
export function clientScript(notice: string): string {
  return `/* ${notice} */
(function () {
  'use strict';
  var table = document.getElementById('event-index');
  if (!table) return;
  var data = window.TRACKPLAN_SEARCH;
  var engine = window.MiniSearch && data ? window.MiniSearch.loadJSON(data.index, data.options) : null;
  var input = document.getElementById('search');
  var filters = {
    source: document.getElementById('filter-source'),
    owner: document.getElementById('filter-owner'),
    status: document.getElementById('filter-status'),
    pii: document.getElementById('filter-pii')
  };
  // Prefixes and small typos, every word must match; numbers match exactly (event_41 is not event_417).
  var query = {
    prefix: true,
    fuzzy: function (term) { return term.length > 3 && !/^[0-9]+$/.test(term) ? 0.2 : false; },
    combineWith: 'AND',
    boost: { name: 3, words: 2, properties: 1.5 }
  };
  var count = document.getElementById('result-count');
  var empty = document.getElementById('no-results');
  var groups = Array.prototype.slice.call(document.querySelectorAll('[data-group]'));
  var items = Array.prototype.slice.call(table.querySelectorAll('tr[data-id]')).map(function (row) {
    return {
      row: row,
      id: row.getAttribute('data-id'),
      sources: JSON.parse(row.getAttribute('data-sources') || '[]'),
      owner: row.getAttribute('data-owner') || '',
      status: row.getAttribute('data-status'),
      pii: row.getAttribute('data-pii'),
      group: row.closest('[data-group]')
    };
  });

  function apply() {
    var text = input.value.trim();
    var hits = null;
    if (text !== '' && engine) {
      hits = new Set();
      engine.search(text, query).forEach(function (result) { hits.add(String(result.id)); });
    }
    var source = filters.source.value, owner = filters.owner.value, status = filters.status.value, pii = filters.pii.value;
    var shown = 0;
    var visibleGroups = new Set();
    items.forEach(function (item) {
      var visible = (hits === null || hits.has(item.id)) &&
        (source === '' || item.sources.indexOf(source) >= 0) &&
        (owner === '' || item.owner === owner) &&
        (status === '' || item.status === status) &&
        (pii === '' || item.pii === pii);
      if (item.row.hidden === visible) item.row.hidden = !visible;
      if (visible) { shown++; visibleGroups.add(item.group); }
    });
    groups.forEach(function (group) { group.hidden = !visibleGroups.has(group); });
    count.textContent = shown === items.length ? items.length + ' calls' : shown + ' of ' + items.length + ' calls';
    empty.hidden = shown > 0;
  }

  var params = new URLSearchParams(window.location.search);
  if (params.get('q')) input.value = params.get('q');
  input.addEventListener('input', apply);
  Object.keys(filters).forEach(function (key) { filters[key].addEventListener('change', apply); });
  document.getElementById('filters').addEventListener('submit', function (event) { event.preventDefault(); apply(); });
  apply();
})();
`;
}
