// A data call's consolidated inventory at a glance (ADR 0028): where the agencies stand, and the summary as bar charts,
// each with its figures as a table. The server decides who may read it; this page only shows what it answers.
(function () {
  'use strict';

  var status = document.getElementById('status');
  var dataCall = new URLSearchParams(window.location.search).get('dataCall');
  var HOSTING_WORDS = { ON_PREMISES: 'On premises', AGENCY_CLOUD: 'Agency cloud', COMMERCIAL_CLOUD: 'Commercial cloud',
    SHARED_SERVICE_PROVIDER: 'Shared service provider' };

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === 'text') { node.textContent = attributes[key]; } else { node.setAttribute(key, attributes[key]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function get(path) {
    // X-Requested-With: a signed-out call is answered 401 without a Basic challenge, so no browser password box.
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

  function table(caption, headers, rows) {
    var head = el('tr', {}, headers.map(function (h) { return el('th', { scope: 'col', text: h }); }));
    var body = rows.length ? rows.map(function (row) {
      return el('tr', {}, row.map(function (cell) {
        var td = el('td');
        if (cell instanceof Node) { td.appendChild(cell); } else { td.textContent = cell == null ? '—' : String(cell); }
        return td;
      }));
    }) : [el('tr', {}, [el('td', { colspan: String(headers.length), text: 'Nothing here.' })])];
    return el('table', {}, [el('caption', { text: caption }), el('thead', {}, [head]), el('tbody', {}, body)]);
  }

  // A horizontal bar chart, labelled by a summary of its figures (the same figures are in the table beside it).
  function bars(title, items) {
    if (!items.length) { return el('p', { text: title + ': nothing reported yet.' }); }
    var longest = items.reduce(function (m, i) { return Math.max(m, String(i.label).length); }, 0);
    var labelWidth = Math.min(300, 12 + Math.ceil(7.2 * longest)), width = labelWidth + 230, rowHeight = 26;
    var max = items.reduce(function (m, i) { return Math.max(m, i.value); }, 0) || 1;
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + items.length * rowHeight);
    // Drawn at its own size (text at 12px), narrower screens scale it down.
    svg.setAttribute('width', String(width));
    svg.setAttribute('style', 'max-width: 100%; height: auto; font-size: 12px');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', title + ': ' + items.map(function (i) { return i.label + ' ' + i.value; }).join(', '));
    items.forEach(function (item, index) {
      var y = index * rowHeight;
      var label = document.createElementNS(ns, 'text');
      label.setAttribute('x', '0'); label.setAttribute('y', String(y + 17)); label.textContent = item.label;
      var length = Math.max(2, (width - labelWidth - 40) * item.value / max);
      var bar = document.createElementNS(ns, 'rect');
      bar.setAttribute('x', String(labelWidth)); bar.setAttribute('y', String(y + 5));
      bar.setAttribute('width', String(length)); bar.setAttribute('height', '16'); bar.setAttribute('fill', '#005ea2');
      var value = document.createElementNS(ns, 'text');
      value.setAttribute('x', String(labelWidth + length + 6)); value.setAttribute('y', String(y + 17));
      value.textContent = String(item.value);
      svg.appendChild(label); svg.appendChild(bar); svg.appendChild(value);
    });
    return el('figure', {}, [el('figcaption', { text: title }), svg]);
  }

  function chart(title, what, counts) {
    var items = counts.map(function (c) { return { label: c.label, value: c.systems }; });
    return el('div', { 'class': 'chart' }, [bars(title, items), table(title, [what, 'Systems'], counts.map(function (c) {
      return [c.label, c.systems];
    }))]);
  }

  function show(id, nodes) {
    var section = document.getElementById(id);
    nodes.forEach(function (node) { section.querySelector('.content').appendChild(node); });
    section.hidden = false;
  }

  function money(amount) {
    return Number(amount).toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  }

  function render(call, summary) {
    document.getElementById('title').textContent = call.title + ' (' + call.id + ')';
    var p = call.progress;
    show('call', [
      el('ul', { 'class': 'figures' }, [
        el('li', {}, [el('strong', { text: String(p.asked) }), document.createTextNode('agencies asked')]),
        el('li', {}, [el('strong', { text: String(p.answered) }), document.createTextNode('answered')]),
        el('li', { 'class': p.late ? 'late' : '' }, [el('strong', { text: String(p.late) }),
          document.createTextNode('late')])]),
      el('p', { text: 'Due ' + new Date(call.dueDate + 'T12:00:00').toLocaleDateString('en-US', { dateStyle: 'long' })
        + ' (end of the business day). ' + (call.instructions || '') }),
      table('Agencies asked', ['Agency', 'Version', 'Systems', 'Answered', 'Late'], call.agencies.map(function (a) {
        return [a.agencyName || a.agencyCode, a.latestVersion, a.systems, a.lastSubmittedAt
          ? new Date(a.lastSubmittedAt).toLocaleDateString('en-US', { dateStyle: 'medium' }) : 'not yet',
          a.late ? el('span', { 'class': 'late', text: 'late' }) : 'no'];
      }))]);
    if (!summary) { return; }
    show('summary', [
      el('ul', { 'class': 'figures' }, [
        el('li', {}, [el('strong', { text: String(summary.systems) }), document.createTextNode('systems')]),
        el('li', {}, [el('strong', { text: money(summary.annualCost) }), document.createTextNode('a year')])]),
      el('p', {}, [el('a', { href: '/api/data-calls/' + encodeURIComponent(call.id) + '/inventory.csv',
        text: 'Download the consolidated inventory (CSV)' })]),
      chart('Systems by provider', 'Provider', summary.byProvider),
      chart('Systems by function', 'Function', summary.byFunction),
      chart('Contracts ending, by fiscal year', 'Fiscal year', summary.contractsEndingByFiscalYear),
      chart('Systems by hosting', 'Hosting', summary.byHosting.map(function (c) {
        return { label: HOSTING_WORDS[c.label] || c.label, systems: c.systems };
      }))]);
    status.textContent = 'Showing ' + call.id + '.';
  }

  // An agency's point of contact: their own agency's answer; the consolidated inventory is not theirs.
  function renderOwn(call) {
    render(call, null);
    status.textContent = 'Showing your agency\'s answer to ' + call.id + '. The consolidated inventory of every '
      + 'agency is for the QSMO\'s directors, OMB and auditors.';
  }

  if (!dataCall) {
    status.textContent = 'Name the data call in the address: /inventory/?dataCall=DC-2026-0001.';
    return;
  }
  var path = '/api/data-calls/' + encodeURIComponent(dataCall);
  get(path + '?size=500').then(function (call) {
    return get(path + '/summary').then(function (summary) { render(call, summary); }, function (error) {
      if (error.message !== 'forbidden') { throw error; }
      renderOwn(call);
    });
  }).catch(function (error) {
    status.replaceChildren();
    if (error.message === 'signed-out') {
      status.appendChild(document.createTextNode('You are not signed in. '));
      status.appendChild(el('a', { href: '/camunda/app/tasklist/default/', text: 'Sign in to Tasklist' }));
      status.appendChild(document.createTextNode(', then open this page again.'));
    } else if (error.message === 'forbidden') {
      status.textContent = 'The consolidated inventory is for the QSMO\'s directors, OMB and auditors.';
    } else {
      status.textContent = 'The data call could not be loaded: ' + error.message;
    }
  });
})();
