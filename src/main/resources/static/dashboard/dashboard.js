// The QSMO program dashboard: each section asks the API for its view and is shown only when the server
// answers (the server decides who sees what). Every chart has its figures as a table beside it.
(function () {
  'use strict';

  var STAGE_WORDS = {
    IDENTIFIED: 'Identified', PRE_DESIGNATED: 'Pre-designated (plan in preparation)', PLAN_SUBMITTED: 'Plan submitted',
    UNDER_BOARD_REVIEW: 'Under board review', AWAITING_OMB_DECISION: 'Awaiting OMB decision', DESIGNATED: 'Designated',
    SUPERSEDED: 'Superseded', NOT_DESIGNATED: 'Not designated', DECLINED: 'Declined', CANCELLED: 'Cancelled',
    WITHDRAWN: 'Withdrawn', RESCINDED: 'Rescinded'
  };
  var STAGE_ORDER = Object.keys(STAGE_WORDS);
  var RFI_WORDS = {
    PLAN_DRAFTED: 'Plan drafted', PLAN_RETURNED: 'Plan returned', OPEN: 'Open for responses', SCREENING: 'Screening',
    PANEL_FORMING: 'Panel forming', ATTESTATION: 'Attestation', SCORING: 'Scoring', CONSENSUS: 'Consensus',
    REPORT_REVIEW: 'Report review', COMPLETED: 'Completed', CLOSED_NO_RESPONSES: 'Closed without responses',
    CANCELLED: 'Cancelled'
  };
  var STATE_WORDS = { VOTED: 'Voted', RECUSED: 'Recused', NOT_VOTED: 'Not voted yet' };
  var ASSESSMENT_WORDS = {
    AWAITING_SUBMISSION: "Waiting for the director's submission", UNDER_BOARD_REVIEW: 'Under board review',
    AWAITING_OMB_DECISION: "Waiting for OMB's decision", ANNUAL: 'Annual', ORDERED: 'Ordered by OMB'
  };

  // What a board round reviews: the plan, or an assessment of the designated QSMO.
  function reviews(round) { return round.assessmentId ? 'Assessment ' + round.assessmentId : 'Plan'; }

  // Where the round's record is: the assessment's (its rounds, recommendations) or the designation's.
  function roundRecord(round) {
    return '/api/designations/' + round.designationId + (round.assessmentId ? '/assessments/' + round.assessmentId : '');
  }

  function assessmentsTable(caption, items) {
    return table(caption, ['Designation', 'Area', 'Agency', 'Kind', 'As of', 'Stage'], items.map(function (a) {
      return [link(a.item.designationId, a.href), a.item.functionalAreaCode, a.item.agencyCode,
        ASSESSMENT_WORDS[a.item.kind] || a.item.kind, day(a.item.asOf), ASSESSMENT_WORDS[a.item.status] || a.item.status];
    }));
  }

  function dataCallsTable(caption, items) {
    return table(caption, ['Data call', 'Title', 'QSMO', 'Due', { label: 'Answered', num: true }, { label: 'Late', num: true }],
      items.map(function (c) {
        return [link(c.item.dataCallId, c.href), c.item.title, c.item.designationId + ' (' + c.item.agencyCode + ')',
          day(c.item.dueDate), c.item.answered + ' of ' + c.item.asked,
          c.item.late ? el('span', { 'class': 'late', text: String(c.item.late) }) : '0'];
      }));
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === 'text') { node.textContent = attributes[key]; } else { node.setAttribute(key, attributes[key]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function link(text, href) { return el('a', { href: href, text: text }); }

  // Dates and times in the office's time zone (my-work names it), as the forms and the e-mail show them.
  var officeZone;

  function when(instant) {
    if (!instant) { return '—'; }
    var options = { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit',
      timeZoneName: 'short' };
    if (officeZone) { options.timeZone = officeZone; }
    return new Date(instant).toLocaleString('en-US', options);
  }

  function day(date) {
    if (!date) { return '—'; }
    return new Date(date + 'T12:00:00').toLocaleDateString('en-US', { dateStyle: 'medium' });
  }

  function table(caption, headers, rows) {
    var head = el('tr', {}, headers.map(function (h) {
      return el('th', { scope: 'col', 'class': h.num ? 'num' : '', text: h.label || h });
    }));
    var body = rows.map(function (row) {
      return el('tr', {}, row.map(function (cell, i) {
        var td = el('td', { 'class': headers[i].num ? 'num' : '' });
        if (cell instanceof Node) { td.appendChild(cell); } else { td.textContent = cell == null ? '—' : String(cell); }
        return td;
      }));
    });
    if (!rows.length) {
      body = [el('tr', {}, [el('td', { colspan: String(headers.length), text: 'Nothing here.' })])];
    }
    return el('table', {}, [el('caption', { text: caption }), el('thead', {}, [head]), el('tbody', {}, body)]);
  }

  // A horizontal bar chart; the same figures are in the table next to it, so the picture is labelled by a summary.
  function bars(title, items) {
    // Labels get the room their longest one needs (about 6.6 units a character at 12px), bars the rest.
    if (!items.length) { return null; }
    var longest = items.reduce(function (m, item) { return Math.max(m, String(item.label).length); }, 0);
    var labelWidth = Math.min(260, 12 + Math.ceil(6.6 * longest)), width = labelWidth + 230, rowHeight = 26;
    var max = items.reduce(function (m, item) { return Math.max(m, item.value); }, 0) || 1;
    var svgNs = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + Math.max(rowHeight, items.length * rowHeight));
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', title + ': ' + items.map(function (i) { return i.label + ' ' + i.value; }).join(', '));
    items.forEach(function (item, index) {
      var y = index * rowHeight;
      var label = document.createElementNS(svgNs, 'text');
      label.setAttribute('x', '0'); label.setAttribute('y', String(y + 17)); label.textContent = item.label;
      var bar = document.createElementNS(svgNs, 'rect');
      var length = Math.max(2, (width - labelWidth - 40) * item.value / max);
      bar.setAttribute('x', String(labelWidth)); bar.setAttribute('y', String(y + 5));
      bar.setAttribute('width', String(length)); bar.setAttribute('height', '16');
      bar.setAttribute('fill', item.late ? '#b50909' : '#005ea2');
      var value = document.createElementNS(svgNs, 'text');
      value.setAttribute('x', String(labelWidth + length + 6)); value.setAttribute('y', String(y + 17));
      value.textContent = String(item.value);
      svg.appendChild(label); svg.appendChild(bar); svg.appendChild(value);
    });
    return el('figure', {}, [svg]);
  }

  function figures(list) {
    return el('ul', { 'class': 'figures' }, list.map(function (f) {
      return el('li', { 'class': f.late && f.value > 0 ? 'late' : '' }, [el('strong', { text: String(f.value) }),
        document.createTextNode(f.label)]);
    }));
  }

  function show(id, nodes) {
    var section = document.getElementById(id);
    var content = section.querySelector('.content');
    nodes.forEach(function (node) { content.appendChild(node); });
    section.hidden = false;
  }

  function renderMyWork(work) {
    show('my-work', [
      figures([{ label: 'open tasks', value: work.open }, { label: 'past their due date', value: work.overdue, late: true }]),
      table('My next tasks, soonest due first', ['Task', 'Due', 'Follow-up'], work.next.map(function (t) {
        var late = t.due && new Date(t.due) < new Date();
        return [link(t.name, t.href), late ? el('span', { 'class': 'late', text: when(t.due) + ' (overdue)' }) : when(t.due),
          when(t.followUp)];
      }))]);
  }

  function renderProgram(p) {
    var stages = p.designationStages.slice().sort(function (a, b) {
      return STAGE_ORDER.indexOf(a.status) - STAGE_ORDER.indexOf(b.status);
    });
    var rfis = p.rfiStages;
    show('program', [
      figures([{ label: 'designations', value: stages.reduce(function (s, x) { return s + x.count; }, 0) },
        { label: 'plans overdue', value: p.overduePlanCount, late: true },
        { label: 'board rounds open', value: p.openRoundCount },
        { label: 'open conditions', value: p.openConditionCount },
        { label: 'assessments under way', value: p.assessmentsUnderWayCount }]),
      el('h3', { text: 'Designations by stage' }),
      el('div', { 'class': 'chart-and-table' }, [
        bars('Designations by stage', stages.map(function (s) { return { label: STAGE_WORDS[s.status] || s.status, value: s.count }; })),
        table('Designations by stage', ['Stage', { label: 'Designations', num: true }, { label: 'Longest in stage (days)', num: true }],
          stages.map(function (s) { return [STAGE_WORDS[s.status] || s.status, s.count, s.oldestDaysInStage]; }))]),
      el('h3', { text: 'Plans past their due date' }),
      table('Overdue plans, longest overdue first (' + p.overduePlanCount + ' in all)',
        ['Designation', 'Area', 'Agency', 'Plan due', { label: 'Days overdue', num: true }],
        p.overduePlans.map(function (o) {
          return [link(o.item.designationId, o.href), o.item.functionalAreaCode, o.item.agencyCode, day(o.item.planDueDate),
            o.item.daysOverdue];
        })),
      el('h3', { text: 'Open board rounds' }),
      table('Open board rounds, closing soonest first (' + p.openRoundCount + ' in all)',
        ['Designation', 'Reviews', { label: 'Round', num: true }, 'Closes', { label: 'Voted', num: true },
          { label: 'Eligible', num: true }, { label: 'Recused', num: true }],
        p.openRounds.map(function (r) {
          return [link(r.designationId, roundRecord(r)), reviews(r), r.roundNumber,
            when(r.closesAt), r.voted, r.eligible, r.recused];
        })),
      el('h3', { text: 'Assessments of designated QSMOs under way' }),
      assessmentsTable('Assessments under way, oldest first (' + p.assessmentsUnderWayCount + ' in all)',
        p.assessmentsUnderWay),
      el('h3', { text: 'Systems inventory data calls' }),
      dataCallsTable('The latest data calls, most recently due first; each opens its consolidated inventory',
        p.dataCalls),
      el('h3', { text: 'RFIs by stage' }),
      el('div', { 'class': 'chart-and-table' }, [
        bars('RFIs by stage', rfis.map(function (r) { return { label: RFI_WORDS[r.key] || r.key, value: r.count }; })),
        table('RFIs by stage', ['Stage', { label: 'RFIs', num: true }],
          rfis.map(function (r) { return [RFI_WORDS[r.key] || r.key, r.count]; }))])]);
  }

  function renderRounds(rounds) {
    var nodes = [];
    if (!rounds.length) { nodes.push(el('p', { text: 'No board round is open.' })); }
    rounds.forEach(function (r) {
      var votedCount = r.members.filter(function (m) { return m.state === 'VOTED'; }).length;
      var waiting = r.members.filter(function (m) { return m.state === 'NOT_VOTED'; }).length;
      nodes.push(el('h3', {}, [document.createTextNode('Designation '), link(r.round.designationId,
        roundRecord(r.round)), document.createTextNode(': ' + reviews(r.round).toLowerCase()
        + ' review, round ' + r.round.roundNumber)]));
      nodes.push(figures([{ label: 'voted', value: votedCount }, { label: 'not voted yet', value: waiting, late: r.hoursLeft < 48 },
        { label: 'hours left (closes ' + when(r.round.closesAt) + ')', value: r.hoursLeft }]));
      nodes.push(table('Who has voted (how they voted stays sealed until the round closes)', ['Member', 'Agency', 'State'],
        r.members.map(function (m) {
          return [m.name, m.agencyCode, el('span', { 'class': 'state-' + m.state, text: STATE_WORDS[m.state] })];
        })));
    });
    show('board-rounds', nodes);
  }

  function renderPanels(panels) {
    var nodes = [];
    if (!panels.length) { nodes.push(el('p', { text: 'No evaluation of yours is at work.' })); }
    panels.forEach(function (p) {
      var assigned = p.reviewers.reduce(function (s, r) { return s + r.assigned; }, 0);
      var scored = p.reviewers.reduce(function (s, r) { return s + r.scored; }, 0);
      var overdue = p.reviewers.reduce(function (s, r) { return s + r.overdue; }, 0);
      nodes.push(el('h3', {}, [link(p.rfi.rfiId, p.href), document.createTextNode(' ' + p.rfi.title + ' (' +
        (RFI_WORDS[p.rfi.status] || p.rfi.status) + ')')]));
      nodes.push(figures([{ label: 'attestations signed of ' + p.rfi.members, value: p.rfi.attested },
        { label: 'assignments scored of ' + assigned, value: scored },
        { label: 'assignments overdue', value: overdue, late: true },
        { label: 'left to score (due ' + when(p.rfi.scoringDueAt) + ')', value: Math.max(0, assigned - scored) }]));
      nodes.push(el('div', { 'class': 'chart-and-table' }, [
        bars('Scored assignments per reviewer', p.reviewers.map(function (r) { return { label: r.name, value: r.scored }; })),
        table('Scoring progress per reviewer (counts only; scores stay sealed until consensus)',
          ['Reviewer', { label: 'Scored', num: true }, { label: 'Open', num: true }, { label: 'Overdue', num: true },
            { label: 'Open across RFIs', num: true }],
          p.reviewers.map(function (r) { return [r.name, r.scored + ' of ' + r.assigned, r.open, r.overdue, r.openAcrossRfis]; }))]));
      var remaining = assigned;
      nodes.push(table('Scoring burndown: assignments left after each day', ['Day', { label: 'Scored that day', num: true },
        { label: 'Left', num: true }], p.scoredPerDay.map(function (d) {
        remaining -= d.count; return [day(d.day), d.count, Math.max(0, remaining)];
      })));
    });
    show('panels', nodes);
  }

  function renderQsmo(q) {
    show('qsmo', [
      table('My designations', ['Designation', 'Area', 'Stage', 'Plan due', { label: 'Open conditions', num: true }],
        q.designations.map(function (d) {
          return [link(d.item.designationId, d.href), d.item.functionalAreaCode, STAGE_WORDS[d.item.status] || d.item.status,
            day(d.item.planDueDate), d.item.openConditions];
        })),
      table('My RFIs', ['RFI', 'Title', 'Stage', 'Closes', 'Scoring due'], q.rfis.map(function (r) {
        return [link(r.item.rfiId, r.href), r.item.title, RFI_WORDS[r.item.status] || r.item.status, when(r.item.closesAt),
          when(r.item.scoringDueAt)];
      })),
      assessmentsTable('My QSMOs\' assessments under way', q.assessmentsUnderWay),
      dataCallsTable('My data calls, most recently due first; each opens its consolidated inventory', q.dataCalls)]);
  }

  var views = [['program', renderProgram], ['board-rounds', renderRounds], ['panels', renderPanels],
    ['qsmo', renderQsmo]];
  var status = document.getElementById('status');

  // X-Requested-With: a signed-out call is answered 401 without a Basic challenge, so no browser password box.
  function load(view, render) {
    return fetch('/api/dashboard/' + view, { credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
      .then(function (response) {
        if (response.status === 401) { throw new Error('signed-out'); }
        return response.ok ? response.json().then(function (data) { render(data); return true; }) : false;
      });
  }

  // My work first: everyone has it, and it names the office's time zone the other views use.
  load('my-work', function (work) { officeZone = work.timeZone; renderMyWork(work); }).then(function (mine) {
    return Promise.all(views.map(function (view) { return load(view[0], view[1]); })).then(function (shown) {
      return [mine].concat(shown);
    });
  }).then(function (shown) {
    status.textContent = 'Updated ' + when(new Date().toISOString()) + '. ' + shown.filter(Boolean).length + ' views for you.';
  }).catch(function (error) {
    if (error.message === 'signed-out') {
      status.textContent = 'You are not signed in. ';
      status.appendChild(link('Sign in to Tasklist', '/camunda/app/tasklist/'));
      status.appendChild(document.createTextNode(', then open the dashboard again.'));
    } else {
      status.textContent = 'The dashboard could not be loaded: ' + error.message;
    }
  });
}());
