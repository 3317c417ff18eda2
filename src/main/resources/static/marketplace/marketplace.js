// The marketplace catalog: one page of offerings at a time from /api/marketplace/offerings, filtered; no CDN.
(function () {
  'use strict';
  var SIZE = 25;
  var page = 0;
  var status = document.getElementById('status');
  var form = document.getElementById('filters');
  var words = { AVAILABLE: 'Available', PLANNED: 'Planned', RETIRED: 'Retired', FEDERAL: 'Federal',
    COMMERCIAL: 'Commercial' };

  function element(name, text, className) {
    var node = document.createElement(name);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  // X-Requested-With: a signed-out call is answered 401 without a Basic challenge, so no browser password box.
  function get(path) {
    return fetch(path, { credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
      .then(function (response) {
        if (response.status === 401) { throw new Error('signed-out'); }
        if (response.status === 403) { throw new Error('forbidden'); }
        return response.json().then(function (body) {
          if (!response.ok) { throw new Error(body.detail || body.message || response.statusText); }
          return body;
        });
      });
  }

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (String(value).trim()) { params.set(key, value); } });
    params.set('page', page);
    params.set('size', SIZE);
    return params.toString();
  }

  function render(result) {
    document.getElementById('results').hidden = false;
    var counts = document.getElementById('counts');
    counts.replaceChildren();
    var total = element('li');
    total.appendChild(element('strong', String(result.total)));
    total.appendChild(document.createTextNode(result.total === 1 ? 'offering found' : 'offerings found'));
    counts.appendChild(total);
    var holder = document.getElementById('table');
    holder.replaceChildren();
    if (result.offerings.length === 0) {
      holder.appendChild(element('p', 'No offering matches these filters.'));
    } else {
      var table = element('table');
      table.appendChild(element('caption', 'Offerings, by functional area and name'));
      var head = element('tr');
      ['Offering', 'QSMO', 'Provider', 'Contract vehicle', 'Status', 'Used by'].forEach(function (h) {
        var th = element('th', h);
        th.scope = 'col';
        head.appendChild(th);
      });
      table.appendChild(element('thead')).appendChild(head);
      var body = table.appendChild(element('tbody'));
      result.offerings.forEach(function (o) {
        var row = element('tr');
        var name = element('td');
        name.appendChild(element('strong', o.name));
        if (o.description) { name.appendChild(element('small', o.description)); }
        row.appendChild(name);
        var qsmo = element('td', o.areaName);
        qsmo.appendChild(element('small', o.qsmoAgency + ' (' + o.designationId + ')'));
        row.appendChild(qsmo);
        var provider = element('td', o.provider);
        provider.appendChild(element('small', words[o.providerType] || o.providerType));
        row.appendChild(provider);
        row.appendChild(element('td', o.contractVehicle || '—'));
        row.appendChild(element('td', words[o.status] || o.status, 'status-' + o.status));
        row.appendChild(element('td', o.customerAgencies.length ? o.customerAgencies.join(', ') : '—'));
        body.appendChild(row);
      });
      holder.appendChild(table);
    }
    var pages = Math.max(1, Math.ceil(result.total / SIZE));
    document.getElementById('page').textContent = 'Page ' + (page + 1) + ' of ' + pages;
    document.getElementById('previous').disabled = page === 0;
    document.getElementById('next').disabled = page + 1 >= pages;
    status.textContent = 'Showing ' + result.offerings.length + ' of ' + result.total + ' offerings.';
  }

  function fail(error) {
    status.replaceChildren();
    if (error.message === 'signed-out') {
      status.textContent = 'You are not signed in. ';
      var link = element('a', 'Sign in to Tasklist');
      link.href = '/camunda/app/tasklist/';
      status.appendChild(link);
      status.appendChild(document.createTextNode(', then open the catalog again.'));
    } else if (error.message === 'forbidden') {
      status.textContent = 'The catalog is for federal users; your account cannot read it.';
    } else {
      status.textContent = 'The catalog could not be loaded: ' + error.message;
    }
  }

  function load() {
    status.textContent = 'Loading the catalog…';
    return get('/api/marketplace/offerings?' + query()).then(render).catch(fail);
  }

  form.addEventListener('submit', function (event) { event.preventDefault(); page = 0; load(); });
  document.getElementById('previous').addEventListener('click', function () { page = Math.max(0, page - 1); load(); });
  document.getElementById('next').addEventListener('click', function () { page += 1; load(); });

  // The functional areas for the filter, then the first page.
  get('/api/functional-areas').then(function (areas) {
    var select = document.getElementById('area');
    areas.forEach(function (area) {
      var option = element('option', area.name);
      option.value = area.code;
      select.appendChild(option);
    });
  }).catch(function () { /* the filter stays "Any"; the catalog below says what went wrong */ }).then(load);
}());
